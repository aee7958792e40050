-- What progress-service knows of quiz items (from quiz.items.v1): enough to show a card without a call.
CREATE TABLE item_projection (
    item_id       TEXT PRIMARY KEY,
    tenant        TEXT        NOT NULL,
    note_id       TEXT        NOT NULL,
    author_id     TEXT        NOT NULL,
    visibility    TEXT        NOT NULL,
    deck_id       TEXT,
    type          TEXT        NOT NULL,
    prompt        TEXT        NOT NULL,
    answers       TEXT[]      NOT NULL,
    options       TEXT[],
    heading_path  TEXT[]      NOT NULL DEFAULT '{}',
    explanation   TEXT,
    tags          TEXT[]      NOT NULL DEFAULT '{}',
    note_version  BIGINT      NOT NULL,
    retired       BOOLEAN     NOT NULL DEFAULT false,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX item_projection_note ON item_projection (tenant, note_id);
CREATE INDEX item_projection_deck ON item_projection (tenant, deck_id);
CREATE INDEX item_projection_tags ON item_projection USING gin (tags);

-- A learner follows a note, a deck or a tag; cards appear for every matching item.
CREATE TABLE enrollment (
    id          UUID PRIMARY KEY,
    tenant      TEXT        NOT NULL,
    user_id     TEXT        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('note', 'deck', 'tag')),
    target      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (tenant, user_id, kind, target)
);

-- One learner's FSRS state for one item.
CREATE TABLE card (
    id              UUID PRIMARY KEY,
    tenant          TEXT             NOT NULL,
    user_id         TEXT             NOT NULL,
    item_id         TEXT             NOT NULL REFERENCES item_projection (item_id),
    state           TEXT             NOT NULL DEFAULT 'NEW',
    due             TIMESTAMPTZ      NOT NULL,
    stability       DOUBLE PRECISION NOT NULL DEFAULT 0,
    difficulty      DOUBLE PRECISION NOT NULL DEFAULT 0,
    scheduled_days  INT              NOT NULL DEFAULT 0,
    learning_steps  INT              NOT NULL DEFAULT 0,
    reps            INT              NOT NULL DEFAULT 0,
    lapses          INT              NOT NULL DEFAULT 0,
    last_review     TIMESTAMPTZ,
    suspended       BOOLEAN          NOT NULL DEFAULT false,
    buried_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ      NOT NULL,
    UNIQUE (tenant, user_id, item_id)
);
CREATE INDEX card_due ON card (tenant, user_id, due) WHERE NOT suspended;

-- Append-only: each review with the card's state before and after, so undo and replay are exact.
CREATE TABLE review_log (
    id              UUID PRIMARY KEY,
    tenant          TEXT             NOT NULL,
    user_id         TEXT             NOT NULL,
    card_id         UUID             NOT NULL REFERENCES card (id),
    rating          INT              NOT NULL CHECK (rating BETWEEN 1 AND 4),
    source          TEXT             NOT NULL,
    reviewed_at     TIMESTAMPTZ      NOT NULL,
    duration_ms     BIGINT,
    state_before    TEXT             NOT NULL,
    due_before      TIMESTAMPTZ      NOT NULL,
    state_after     TEXT             NOT NULL,
    due_after       TIMESTAMPTZ      NOT NULL,
    stability       DOUBLE PRECISION NOT NULL,
    difficulty      DOUBLE PRECISION NOT NULL,
    scheduled_days  INT              NOT NULL,
    card_before     TEXT             NOT NULL, -- the full card state before, as JSON, for undo
    undone          BOOLEAN          NOT NULL DEFAULT false
);
CREATE INDEX review_log_card ON review_log (card_id, reviewed_at);
CREATE INDEX review_log_user_day ON review_log (tenant, user_id, reviewed_at);
