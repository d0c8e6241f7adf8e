-- module outbox's table (same schema as ticket-service's): membership events are written in the same transaction
-- as the membership change; the relay publishes rows in sequence order and deletes them
create table outbox_events (
    sequence     bigserial    primary key,
    event_id     uuid         not null unique,
    aggregate_id varchar(200) not null,
    event_type   varchar(100) not null,
    topic        varchar(200) not null,
    message_key  varchar(200) not null,
    payload      text         not null,
    headers      jsonb        not null,
    created_at   timestamptz  not null
);
