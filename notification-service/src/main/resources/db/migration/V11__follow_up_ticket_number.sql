-- The ticket's short number, so a reminder or an escalation says what to text back (ACK 1234); null for tickets
-- announced before they had one.
ALTER TABLE ticket_follow_ups ADD COLUMN ticket_number BIGINT;
