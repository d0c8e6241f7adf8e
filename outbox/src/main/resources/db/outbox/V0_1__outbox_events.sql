-- The outbox table of every service that publishes through this module (Flyway location classpath:db/outbox).
-- Rows are written in the transaction of the change that caused them; the relay publishes them in sequence order
-- and deletes the acknowledged ones.
CREATE TABLE outbox_events (
    sequence      BIGSERIAL PRIMARY KEY,
    event_id      UUID         NOT NULL UNIQUE,
    aggregate_id  VARCHAR(200) NOT NULL,
    event_type    VARCHAR(100) NOT NULL,
    topic         VARCHAR(200) NOT NULL,
    message_key   VARCHAR(200) NOT NULL,
    payload       TEXT         NOT NULL,
    headers       JSONB        NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL
);
