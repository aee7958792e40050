-- Outbox rows the broker refused for good (too large, invalid): moved here so the relay can go on with
-- the rows behind them. An operator inspects them (GET /api/v1/admin/dead-letters/outbox) and, once
-- the cause is fixed, moves them back into outbox_event to publish them (POST .../replay).
-- Numbered 1.1 so it never collides with a service's own migrations (quarkus.flyway.out-of-order=true).
CREATE TABLE outbox_dead_letter (
    id          BIGINT      PRIMARY KEY, -- the outbox row's id, so a replay keeps its publish order
    event_id    TEXT        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    failed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
