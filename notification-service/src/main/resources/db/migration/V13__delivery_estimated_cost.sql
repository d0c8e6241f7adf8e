-- What an accepted SMS is estimated to cost (segments x the destination country's price per segment, in the pricing
-- currency, see SmsPrices), so a team's spend of the day is a sum over its rows (SmsBudgetCheck). Null for rows
-- Twilio did not accept, and for rows from before the column.
ALTER TABLE deliveries ADD COLUMN estimated_cost NUMERIC(12, 6);
CREATE INDEX deliveries_team_spend ON deliveries (team_id, sent_at) WHERE estimated_cost IS NOT NULL;
