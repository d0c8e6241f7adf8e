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
