-- What notification-service remembers of each ticket to follow it up: reminders while it stays OPEN or IN_PROGRESS
-- without a change, and, for a CRITICAL ticket still OPEN, escalation along the team's escalation list. Kept from the
-- ticket events (the newest version wins); a due row is taken by one replica at a time (FOR UPDATE SKIP LOCKED).
CREATE TABLE ticket_follow_ups (
    ticket_id          UUID         PRIMARY KEY,
    team_id            UUID         NOT NULL,
    ticket_version     BIGINT       NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    severity           VARCHAR(16)  NOT NULL,
    category           VARCHAR(100),
    title              VARCHAR(300) NOT NULL,
    -- when the ticket last changed (created or moved)
    changed_at         TIMESTAMPTZ  NOT NULL,
    next_reminder_at   TIMESTAMPTZ,
    reminders_sent     INT          NOT NULL DEFAULT 0,
    next_escalation_at TIMESTAMPTZ,
    -- how many escalation steps went out (0: none yet); step n goes to the n-th of the list, then the team lead
    escalation_steps   INT          NOT NULL DEFAULT 0,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ticket_follow_ups_reminder ON ticket_follow_ups (next_reminder_at) WHERE next_reminder_at IS NOT NULL;
CREATE INDEX ticket_follow_ups_escalation ON ticket_follow_ups (next_escalation_at) WHERE next_escalation_at IS NOT NULL;
CREATE INDEX ticket_follow_ups_updated ON ticket_follow_ups (updated_at);
