-- One-time codes profile-service asks to text to a new number: a row of kind PHONE_VERIFICATION, sent through the
-- ledger like any SMS, never after the code's expiry; its body (which holds the code) is forgotten once Twilio has it.
ALTER TABLE deliveries ADD COLUMN expires_at TIMESTAMPTZ;
