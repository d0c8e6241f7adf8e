-- A number receives texts only once its owner typed the code texted to it; null: not (yet) verified.
alter table user_profiles add column phone_verified_at timestamptz;

-- Numbers saved before verification existed keep receiving texts, so nobody loses SMS on upgrade: they count as
-- verified since they were saved. An operator who wants them confirmed again sets the column back to null.
update user_profiles set phone_verified_at = coalesce(phone_number_since, updated_at) where phone_number is not null;

-- The one code a user can confirm now, for the number it was texted to. Only a salted SHA-256 of it is kept.
create table phone_verification_codes (
    user_id         varchar(255) primary key,
    phone_number    varchar(20)  not null,
    code_salt       bytea        not null,
    code_hash       bytea        not null,
    failed_attempts integer      not null default 0,
    issued_at       timestamptz  not null,
    expires_at      timestamptz  not null
);

-- Every code texted: how many a user, and how many a number, received in the last window is limited.
create table phone_verification_sends (
    id           bigserial    primary key,
    user_id      varchar(255) not null,
    phone_number varchar(20)  not null,
    sent_at      timestamptz  not null
);

create index phone_verification_sends_user_idx on phone_verification_sends (user_id, sent_at);
create index phone_verification_sends_number_idx on phone_verification_sends (phone_number, sent_at);
create index phone_verification_sends_sent_at_idx on phone_verification_sends (sent_at);

-- Confirming a number by its code is kept in the consent history too.
alter table sms_consent_history drop constraint sms_consent_history_source_check;
alter table sms_consent_history alter column source type varchar(20);
alter table sms_consent_history add constraint sms_consent_history_source_check
    check (source in ('WEB', 'SMS', 'ADMIN', 'VERIFICATION'));

-- A team's owner invites; the user becomes a member (and is texted by the team) only once they accept.
create table team_invitations (
    team_id    uuid         not null references teams (id) on delete cascade,
    user_id    varchar(255) not null,
    invited_by varchar(255) not null,
    invited_at timestamptz  not null,
    primary key (team_id, user_id)
);

create index team_invitations_user_id_idx on team_invitations (user_id);
