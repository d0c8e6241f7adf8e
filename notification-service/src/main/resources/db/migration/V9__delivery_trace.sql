-- The W3C traceparent of the span that claimed the row (the Kafka record's consumer span, or the API request of a
-- manual message), so the send and every status callback of the row continue that trace. Null when not traced.
ALTER TABLE deliveries ADD COLUMN trace_parent VARCHAR(64);
