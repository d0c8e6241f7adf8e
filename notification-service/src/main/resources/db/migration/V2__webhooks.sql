-- Status callbacks already applied, by (message SID, status): Twilio repeats them, each is applied once.
CREATE TABLE status_callbacks (
    message_sid  VARCHAR(64) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (message_sid, status)
);

-- Inbound SMS already handled, so a webhook Twilio delivers twice changes things once.
CREATE TABLE inbound_messages (
    message_sid  VARCHAR(64) PRIMARY KEY,
    received_at  TIMESTAMPTZ NOT NULL
);

-- Numbers that replied STOP: never texted until they reply START, whatever profile-service still says.
CREATE TABLE suppressed_numbers (
    phone_number  VARCHAR(20) PRIMARY KEY,
    keyword       VARCHAR(20) NOT NULL,
    message_sid   VARCHAR(64) NOT NULL,
    since         TIMESTAMPTZ NOT NULL
);

-- Numbers Twilio refused for good, blocked locally until blocked_until (profile-service is the lasting gate).
CREATE TABLE number_health (
    phone_number   VARCHAR(20)   PRIMARY KEY,
    error_code     INTEGER       NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    marked_at      TIMESTAMPTZ   NOT NULL,
    blocked_until  TIMESTAMPTZ   NOT NULL
);

-- Failures that make a number unusable when repeated (21211, 21614, 30005, 30006).
CREATE TABLE number_failures (
    id            BIGSERIAL   PRIMARY KEY,
    phone_number  VARCHAR(20) NOT NULL,
    error_code    INTEGER     NOT NULL,
    failed_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX number_failures_phone ON number_failures (phone_number, failed_at);
