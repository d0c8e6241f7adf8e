create table user_profiles (
    id                        bigserial    primary key,
    user_id                   varchar(255) not null unique,
    display_name              varchar(255),
    phone_number              varchar(20),
    sms_notifications_enabled boolean      not null default true,
    created_at                timestamptz  not null default now(),
    updated_at                timestamptz  not null default now()
);

-- one number reaches one person: a reply such as STOP must map back to exactly one user
create unique index user_profiles_phone_number_key on user_profiles (phone_number);

create table teams (
    id         uuid         primary key,
    name       varchar(100) not null,
    created_at timestamptz  not null default now()
);

-- members are user ids from the identity provider; a member may not have a profile yet
create table team_members (
    team_id  uuid         not null references teams (id) on delete cascade,
    user_id  varchar(255) not null,
    added_at timestamptz  not null default now(),
    primary key (team_id, user_id)
);

create index team_members_user_id_idx on team_members (user_id);
