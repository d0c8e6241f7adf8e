-- A short human number per ticket, what a member texts back ("RESOLVE 1234"). Unique and increasing; tickets
-- opened before this get numbers in the order they were opened, new ones carry on after them.
CREATE SEQUENCE ticket_numbers;

ALTER TABLE tickets ADD COLUMN number BIGINT;

UPDATE tickets SET number = numbered.n
FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM tickets) AS numbered
WHERE tickets.id = numbered.id;

SELECT setval('ticket_numbers', max(number)) FROM tickets HAVING count(*) > 0;

ALTER TABLE tickets ALTER COLUMN number SET DEFAULT nextval('ticket_numbers');
ALTER TABLE tickets ALTER COLUMN number SET NOT NULL;
ALTER TABLE tickets ADD CONSTRAINT tickets_number_unique UNIQUE (number);
ALTER SEQUENCE ticket_numbers OWNED BY tickets.number;
