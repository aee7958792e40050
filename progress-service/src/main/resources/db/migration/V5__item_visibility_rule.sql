-- The one visibility rule of progress-service (docs/security.md), next to the data and used by every read and write
-- of a card: a learner may study an item of their tenant unless its note is private and someone else wrote it.
-- HQL calls it through function('item_visible', ...), SQL directly (item/ItemVisibility). A plain SQL function:
-- the planner inlines it, so the queue's indexes still drive the queries.
CREATE FUNCTION item_visible(item_visibility TEXT, item_author TEXT, viewer TEXT) RETURNS BOOLEAN
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT item_visibility <> 'private' OR item_author = viewer $$;
