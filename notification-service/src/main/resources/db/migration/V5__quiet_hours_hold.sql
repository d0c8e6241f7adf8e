-- Quiet hours defer instead of drop: a row for a member inside their quiet hours is HELD until the window ends, then
-- sent, or summarized with the member's other held ticket updates into one SMS.
ALTER TABLE deliveries ADD COLUMN hold_until TIMESTAMPTZ;
-- What a summary line says about the ticket: its title and the status this event left it in.
ALTER TABLE deliveries ADD COLUMN ticket_title VARCHAR(200);
ALTER TABLE deliveries ADD COLUMN ticket_status VARCHAR(16);

CREATE INDEX deliveries_held ON deliveries (hold_until) WHERE status = 'HELD';
