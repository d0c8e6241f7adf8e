-- Replica of profile-service's team membership (from profiles.events.v1), for deciding who sees which tickets.
-- A removed member keeps a row with member = false; last_event_id is the event last applied to the row.
CREATE TABLE team_members (
    team_id       UUID         NOT NULL,
    user_id       VARCHAR(255) NOT NULL,
    member        BOOLEAN      NOT NULL,
    changed_at    TIMESTAMPTZ  NOT NULL,
    last_event_id UUID         NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

CREATE INDEX team_members_by_user ON team_members (user_id) WHERE member;
