package dev.ticketsms.ticket.memberships;

import dev.ticketsms.events.TeamMemberAdded;
import dev.ticketsms.events.TeamMemberRemoved;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * This service's replica of team membership, fed by profile-service's events; it decides which tickets a user sees.
 * <p>
 * Events are applied in topic order, which is the order profile-service committed them (keyed by team, relayed in
 * sequence), and that order is the authority, not {@code occurredAt}: clocks of two profile-service replicas may
 * disagree, and a removal stamped earlier than the addition it follows must still remove. Redelivery and replay
 * re-send a partition's events in the same order, so the row ends as the latest event says. The event last applied
 * to a row is remembered, so delivering it again in a row changes nothing. A full "seen event ids" table would be
 * wrong here: after a partial relay failure the topic can carry B, A, B, and the second B must win.
 */
@Component
public class TeamMemberships {

    private final JdbcClient jdbc;

    TeamMemberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isMember(String userId, UUID teamId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM team_members WHERE team_id = ? AND user_id = ? AND member)")
                .params(teamId, userId)
                .query(Boolean.class).single();
    }

    public List<UUID> teamsOf(String userId) {
        return jdbc.sql("SELECT team_id FROM team_members WHERE user_id = ? AND member ORDER BY team_id")
                .param(userId)
                .query(UUID.class).list();
    }

    void apply(TeamMemberAdded added) {
        record(added.eventId(), added.occurredAt(), added.teamId(), added.userId(), true);
    }

    void apply(TeamMemberRemoved removed) {
        record(removed.eventId(), removed.occurredAt(), removed.teamId(), removed.userId(), false);
    }

    private void record(UUID eventId, Instant occurredAt, UUID teamId, String userId, boolean member) {
        jdbc.sql("""
                        INSERT INTO team_members (team_id, user_id, member, changed_at, last_event_id)
                        VALUES (:teamId, :userId, :member, :changedAt, :eventId)
                        ON CONFLICT (team_id, user_id) DO UPDATE
                            SET member = excluded.member, changed_at = excluded.changed_at, last_event_id = excluded.last_event_id
                            WHERE team_members.last_event_id <> excluded.last_event_id
                        """)
                .param("teamId", teamId)
                .param("userId", userId)
                .param("member", member)
                .param("changedAt", java.sql.Timestamp.from(occurredAt))
                .param("eventId", eventId)
                .update();
    }
}
