-- Email beside SMS: the address ticket notifications go to by email, and the severities the member wants by email
-- instead of SMS (none: everything by SMS, as before). The address is checked for shape only.
alter table user_profiles add column email varchar(254);
alter table user_profiles add column email_severities text[] not null default '{}';
