-- Why a row is HELD: QUIET_HOURS (the member's quiet hours) or TICKET_LIMIT (the member had as many SMS about this
-- ticket as the window allows: a ticket flipped back and forth is coalesced into one later message).
ALTER TABLE deliveries ADD COLUMN hold_reason VARCHAR(16);
UPDATE deliveries SET hold_reason = 'QUIET_HOURS' WHERE status = 'HELD';

CREATE INDEX deliveries_ticket_user ON deliveries (ticket_id, user_id, created_at);
