-- Decks (nested folders of notes), immutable note versions, and full-text search in Chinese and English.

CREATE TABLE deck (
    id          UUID PRIMARY KEY,
    tenant      TEXT        NOT NULL,
    owner_id    TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    parent_id   UUID        REFERENCES deck (id),
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
-- two sibling decks of one owner cannot share a name (the import matches folders to decks by name)
CREATE UNIQUE INDEX deck_sibling_name ON deck (tenant, owner_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), lower(name));
CREATE INDEX deck_tenant_page ON deck (tenant, created_at, id);
CREATE INDEX deck_parent ON deck (parent_id);

-- Every change of a note is a new row here, never updated or deleted (enforced below).
CREATE TABLE note_version (
    note_id     UUID        NOT NULL REFERENCES note (id),
    version     BIGINT      NOT NULL,
    change      TEXT        NOT NULL CHECK (change IN ('created', 'updated', 'moved', 'deleted', 'restored')),
    title       TEXT        NOT NULL,
    markdown    TEXT        NOT NULL,
    tags        TEXT[]      NOT NULL,
    deck_id     TEXT,
    language    TEXT,
    visibility  TEXT        NOT NULL,
    edited_by   TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (note_id, version)
);

CREATE FUNCTION note_version_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'note versions are immutable (% on note % version %)', TG_OP, OLD.note_id, OLD.version;
END $$;
CREATE TRIGGER note_version_immutable BEFORE UPDATE OR DELETE ON note_version
    FOR EACH ROW EXECUTE FUNCTION note_version_is_immutable();

-- Full text: the service fills search_vector from title (A), tags (B) and body (C), with CJK runs
-- split into bigrams (see SearchText); the english configuration stems everything else.
ALTER TABLE note ADD COLUMN search_vector TSVECTOR NOT NULL DEFAULT ''::tsvector;
CREATE INDEX note_search ON note USING GIN (search_vector);
CREATE INDEX note_tags ON note USING GIN (tags);
CREATE INDEX note_tenant_page ON note (tenant, created_at DESC, id DESC);
CREATE INDEX note_tenant_deck ON note (tenant, deck_id, created_at DESC, id DESC);
