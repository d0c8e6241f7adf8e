-- One row per (event, recipient): the claim that makes a redelivered event never send a second SMS.
-- event_id is the ticket event's id, or the request id of a manual send.
CREATE TABLE deliveries (
    id                 BIGSERIAL PRIMARY KEY,
    event_id           UUID         NOT NULL,
    kind               VARCHAR(32)  NOT NULL,
    ticket_id          UUID,
    team_id            UUID,
    user_id            VARCHAR(255) NOT NULL,
    phone_number       VARCHAR(20)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    twilio_sid         VARCHAR(64),
    twilio_status      VARCHAR(16),
    error_code         INTEGER,
    error_message      VARCHAR(1000),
    segments           INTEGER,
    attempts           INTEGER      NOT NULL DEFAULT 0,
    requested_by       VARCHAR(255),
    event_occurred_at  TIMESTAMPTZ  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    sent_at            TIMESTAMPTZ,
    CONSTRAINT deliveries_event_recipient UNIQUE (event_id, user_id)
);

CREATE INDEX deliveries_ticket ON deliveries (ticket_id);
CREATE INDEX deliveries_user ON deliveries (user_id, created_at);
CREATE INDEX deliveries_created ON deliveries (created_at);
CREATE UNIQUE INDEX deliveries_twilio_sid ON deliveries (twilio_sid);
-- rows a crash left mid-call, found by the watchdog
CREATE INDEX deliveries_sending ON deliveries (updated_at) WHERE status = 'SENDING';

-- Ticket events this service has handled, so a replayed event is skipped before any lookup.
CREATE TABLE handled_events (
    event_id    UUID        PRIMARY KEY,
    ticket_id   UUID        NOT NULL,
    handled_at  TIMESTAMPTZ NOT NULL
);

-- The newest ticketVersion handled per ticket: an older status change arriving late is stale.
CREATE TABLE ticket_progress (
    ticket_id        UUID   PRIMARY KEY,
    handled_version  BIGINT NOT NULL
);
