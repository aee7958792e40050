-- Where an item comes from in its note, and what made it: shown to learners, used to rematch ids.
ALTER TABLE item ADD COLUMN start_line INT NOT NULL DEFAULT 0;
ALTER TABLE item ADD COLUMN end_line INT NOT NULL DEFAULT 0;
ALTER TABLE item ADD COLUMN difficulty TEXT NOT NULL DEFAULT 'MEDIUM';
ALTER TABLE item ADD COLUMN generator TEXT NOT NULL DEFAULT 'explicit';
CREATE INDEX item_tenant_deck ON item (tenant, deck_id, id) WHERE retired_at IS NULL;
CREATE INDEX item_tags ON item USING gin (tags);

-- A quiz: items picked for one learner, options shuffled once, answers graded once per item.
CREATE TABLE quiz (
    id          UUID PRIMARY KEY,
    tenant      TEXT        NOT NULL,
    user_id     TEXT        NOT NULL,
    seed        BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE quiz_item (
    quiz_id   UUID NOT NULL REFERENCES quiz (id),
    position  INT  NOT NULL,
    item_id   TEXT NOT NULL REFERENCES item (id),
    options   TEXT[],
    PRIMARY KEY (quiz_id, position),
    UNIQUE (quiz_id, item_id)
);

CREATE TABLE quiz_answer (
    quiz_id      UUID        NOT NULL REFERENCES quiz (id),
    item_id      TEXT        NOT NULL,
    given        TEXT        NOT NULL,
    correct      BOOLEAN     NOT NULL,
    latency_ms   BIGINT      NOT NULL,
    answered_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (quiz_id, item_id)
);
