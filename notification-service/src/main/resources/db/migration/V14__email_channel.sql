-- Email beside SMS: each (event, recipient) row still exists once, now with the channel it goes by (chosen per
-- severity in profile-service, or EMAIL instead of an SMS the team's budget does not allow) and, for email, the
-- address. A member reachable by email only has no number.
ALTER TABLE deliveries ADD COLUMN channel VARCHAR(8) NOT NULL DEFAULT 'SMS';
ALTER TABLE deliveries ADD COLUMN email VARCHAR(254);
ALTER TABLE deliveries ALTER COLUMN phone_number DROP NOT NULL;
