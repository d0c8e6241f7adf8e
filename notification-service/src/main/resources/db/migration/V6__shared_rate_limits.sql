-- Rate-limit buckets shared by every replica (bucket4j's PostgreSQL proxy manager): one row per limited caller.
CREATE TABLE rate_limit_buckets (
    id     VARCHAR(300) PRIMARY KEY,
    state  BYTEA
);

-- Manual messages sent with an Idempotency-Key: the key is bound to what was asked, so the same key with another body
-- is refused instead of silently answered with the first message. Written in the transaction that claims the rows.
CREATE TABLE manual_requests (
    request_id    UUID         PRIMARY KEY,
    requested_by  VARCHAR(255) NOT NULL,
    fingerprint   VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL
);

CREATE INDEX manual_requests_created ON manual_requests (created_at);
