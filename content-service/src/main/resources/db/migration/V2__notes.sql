CREATE TABLE note (
    id          UUID PRIMARY KEY,
    tenant      TEXT        NOT NULL,
    author_id   TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    markdown    TEXT        NOT NULL,
    tags        TEXT[]      NOT NULL DEFAULT '{}',
    deck_id     TEXT,
    language    TEXT,
    visibility  TEXT        NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'tenant', 'public')),
    version     BIGINT      NOT NULL DEFAULT 1,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    deleted_at  TIMESTAMPTZ
);
CREATE INDEX note_tenant_author ON note (tenant, author_id, created_at DESC, id);
