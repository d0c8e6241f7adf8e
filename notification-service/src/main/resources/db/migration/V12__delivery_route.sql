-- The Twilio route (PRIMARY or FAILOVER, see SmsRoute) a row's latest request went out on, set together with SENDING:
-- an outcome left unknown is looked up in that account's Messages list, never in the other's. Rows from before there
-- was a second route went out on the primary.
ALTER TABLE deliveries ADD COLUMN route VARCHAR(16) NOT NULL DEFAULT 'PRIMARY';
