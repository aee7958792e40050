-- Test only: what the test endpoints write, so a test can count the effects of a write or an event.
CREATE TABLE test_row (
    id   uuid PRIMARY KEY,
    mark text NOT NULL
);
