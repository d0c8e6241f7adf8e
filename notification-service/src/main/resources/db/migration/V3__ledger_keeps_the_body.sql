-- The rendered body, so a row left PENDING (its sender lost the Kafka partition, or the process stopped) can be sent
-- later without the event. Bodies are at most 1600 characters (Twilio's limit).
ALTER TABLE deliveries ADD COLUMN body VARCHAR(1600);

CREATE INDEX deliveries_pending ON deliveries (updated_at) WHERE status = 'PENDING';
