-- what a member wants to be texted about; the defaults text everything, as before preferences existed
alter table user_profiles
    add column minimum_severity      varchar(10)  not null default 'LOW'
        check (minimum_severity in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    add column muted_categories      text[]       not null default '{}',
    add column notify_ticket_created boolean      not null default true,
    add column notify_status_changed boolean      not null default true,
    add column quiet_hours_start     time,
    add column quiet_hours_end       time,
    add column quiet_hours_time_zone varchar(64),
    -- when the stored number became this user's: an SMS event about the number from before then was someone else's
    add column phone_number_since    timestamptz,
    -- when SMS was last switched on or off, by any source: older SMS replies must not undo a newer choice
    add column sms_consent_changed_at timestamptz not null default now(),
    -- Twilio refused the number for good; cleared when the user changes the number or enables SMS again
    add column phone_unusable_since      timestamptz,
    add column phone_unusable_error_code varchar(20),
    add column phone_unusable_reason     varchar(500),
    add constraint user_profiles_quiet_hours_complete check (
        (quiet_hours_start is null) = (quiet_hours_end is null)
        and (quiet_hours_start is null) = (quiet_hours_time_zone is null));

update user_profiles set phone_number_since = updated_at where phone_number is not null;

-- TCPA: when and how SMS was switched on or off, for which number; rows are only ever added
create table sms_consent_history (
    id           bigserial    primary key,
    user_id      varchar(255) not null,
    phone_number varchar(20),
    enabled      boolean      not null,
    source       varchar(10)  not null check (source in ('WEB', 'SMS', 'ADMIN')),
    detail       varchar(255),
    recorded_at  timestamptz  not null
);

create index sms_consent_history_user_idx on sms_consent_history (user_id, recorded_at);

-- events from profiles.events.v1 already applied: Kafka delivers at least once
create table processed_events (
    event_id     uuid        primary key,
    processed_at timestamptz not null default now()
);

-- besides admins, a team's owner manages its members
alter table teams add column owner_id varchar(255);
