-- The ledger's state machine (see DeliveryStatus): "outcome unknown" becomes a status of its own, reconciled against
-- Twilio's Messages list instead of being given up; a row is SENDING only while its request is on the wire.
-- Rows an older version left SENDING never got an answer: they are UNKNOWN now and get reconciled.
UPDATE deliveries SET status = 'UNKNOWN' WHERE status = 'SENDING';

-- When the row's latest request went on the wire: the reconciliation looks for the message from then on.
ALTER TABLE deliveries ADD COLUMN attempted_at TIMESTAMPTZ;
UPDATE deliveries SET attempted_at = updated_at WHERE attempts > 0;

-- What the recipient lookup was asked, so a row sent later re-checks the recipient with the same question.
ALTER TABLE deliveries ADD COLUMN severity VARCHAR(16);
ALTER TABLE deliveries ADD COLUMN category VARCHAR(255);

DROP INDEX deliveries_sending;
CREATE INDEX deliveries_unsettled ON deliveries (updated_at) WHERE status IN ('SENDING', 'UNKNOWN');

-- Retention: each of these grows by a row per message or event.
ALTER TABLE ticket_progress ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX ticket_progress_updated ON ticket_progress (updated_at);
CREATE INDEX status_callbacks_received ON status_callbacks (received_at);
CREATE INDEX inbound_messages_received ON inbound_messages (received_at);
CREATE INDEX number_failures_failed ON number_failures (failed_at);
