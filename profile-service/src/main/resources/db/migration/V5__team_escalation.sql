-- Who a CRITICAL ticket nobody takes is escalated to, in order (notification-service asks, then texts the team's
-- owner as its lead last). Only members: leaving the team leaves the list.
create table team_escalation (
    team_id  uuid         not null references teams (id) on delete cascade,
    position int          not null,
    user_id  varchar(255) not null,
    primary key (team_id, position),
    unique (team_id, user_id)
);
