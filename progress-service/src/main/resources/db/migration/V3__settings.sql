-- A learner's scheduling preferences; a missing row means the defaults.
CREATE TABLE learner_settings (
    tenant              TEXT             NOT NULL,
    user_id             TEXT             NOT NULL,
    time_zone           TEXT             NOT NULL,
    day_start_hour      INT              NOT NULL,
    new_cards_per_day   INT              NOT NULL,
    reviews_per_day     INT              NOT NULL,
    desired_retention   DOUBLE PRECISION NOT NULL,
    maximum_interval    INT              NOT NULL,
    learning_steps      TEXT             NOT NULL, -- e.g. '1m 10m'; empty for none
    relearning_steps    TEXT             NOT NULL,
    enable_short_term   BOOLEAN          NOT NULL,
    enable_fuzz         BOOLEAN          NOT NULL,
    weights             TEXT,                      -- 21 comma-separated FSRS-6 parameters; NULL for the defaults
    updated_at          TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (tenant, user_id)
);
