-- The notes quiz-service has seen, so an older event arriving late cannot undo a newer one.
CREATE TABLE note_source (
    note_id     TEXT PRIMARY KEY,
    tenant      TEXT        NOT NULL,
    author_id   TEXT        NOT NULL,
    visibility  TEXT        NOT NULL,
    version     BIGINT      NOT NULL,
    deleted     BOOLEAN     NOT NULL DEFAULT false,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE item (
    id            TEXT PRIMARY KEY,
    tenant        TEXT        NOT NULL,
    note_id       TEXT        NOT NULL,
    deck_id       TEXT,
    type          TEXT        NOT NULL,
    prompt        TEXT        NOT NULL,
    answers       TEXT[]      NOT NULL,
    options       TEXT[],
    heading_path  TEXT[]      NOT NULL DEFAULT '{}',
    explanation   TEXT,
    tags          TEXT[]      NOT NULL DEFAULT '{}',
    note_version  BIGINT      NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    retired_at    TIMESTAMPTZ
);
CREATE INDEX item_tenant_note ON item (tenant, note_id, id) WHERE retired_at IS NULL;
