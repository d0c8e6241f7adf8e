-- One row per (event, recipient): the claim that makes a redelivered event never send a second SMS.
CREATE TABLE deliveries (
    id             BIGSERIAL PRIMARY KEY,
    event_id       UUID         NOT NULL,
    ticket_id      UUID         NOT NULL,
    user_id        VARCHAR(255) NOT NULL,
    phone_number   VARCHAR(20)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    twilio_sid     VARCHAR(64),
    error_code     INTEGER,
    error_message  VARCHAR(1000),
    segments       INTEGER,
    attempts       INTEGER      NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT deliveries_event_recipient UNIQUE (event_id, user_id)
);

CREATE INDEX deliveries_ticket ON deliveries (ticket_id);
CREATE INDEX deliveries_twilio_sid ON deliveries (twilio_sid);
