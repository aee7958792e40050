-- The outline section (content-service's section id) each item comes from; null before a note's first heading.
ALTER TABLE item ADD COLUMN section_id TEXT;
