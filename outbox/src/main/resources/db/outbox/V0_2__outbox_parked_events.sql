-- Rows the relay could never publish (too large for Kafka, an invalid topic name, unreadable headers): moved here
-- with the reason so the rows behind them keep flowing. An operator inspects them, fixes the cause and re-inserts
-- the row into outbox_events, or deletes it. Counted by the gauge outbox_parked_rows (outbox_parked_events_total counts parkings).
CREATE TABLE outbox_parked_events (
    sequence      BIGINT        PRIMARY KEY,
    event_id      UUID          NOT NULL UNIQUE,
    aggregate_id  VARCHAR(200)  NOT NULL,
    event_type    VARCHAR(100)  NOT NULL,
    topic         VARCHAR(200)  NOT NULL,
    message_key   VARCHAR(200)  NOT NULL,
    payload       TEXT          NOT NULL,
    headers       JSONB         NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    error         VARCHAR(2000) NOT NULL,
    parked_at     TIMESTAMPTZ   NOT NULL
);
