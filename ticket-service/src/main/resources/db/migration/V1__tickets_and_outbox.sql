CREATE TABLE tickets (
    id              UUID PRIMARY KEY,
    title           VARCHAR(200)  NOT NULL,
    description     VARCHAR(10000),
    severity        VARCHAR(16)   NOT NULL,
    category        VARCHAR(100)  NOT NULL,
    team_id         UUID          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    created_by      VARCHAR(255)  NOT NULL,
    created_by_name VARCHAR(255),
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    version         BIGINT        NOT NULL
);

CREATE INDEX tickets_team_status ON tickets (team_id, status);

-- Written in the same transaction as the ticket; the relay publishes rows in sequence order and deletes them.
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
