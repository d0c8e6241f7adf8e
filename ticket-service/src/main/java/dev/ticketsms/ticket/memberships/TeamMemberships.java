package dev.ticketsms.ticket.memberships;

import dev.ticketsms.events.TeamMemberAdded;
import dev.ticketsms.events.TeamMemberRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * <p>
 * Read-your-writes: the replica lags profile-service by the time an event takes through the outbox and Kafka, so a
 * member added a moment ago is not in it yet. {@link #isMemberNow} then asks profile-service, and writes a "member"
 * answer into the replica as if an event had said so (a fresh id as {@code last_event_id}, so whatever event comes
 * next, the removal included, applies as usual). The write is a compare-and-set against the row as it was before
 * asking: if the listener changed the row meanwhile (say, a removal that happened after profile-service answered),
 * the answer may be older than the row and is dropped. Events older than the answer that arrive after it (the
 * lagging replica catching up: an earlier removal of the same user) may set the row back for a while; the topic
 * ends with the event of the change profile-service reported, so the row ends right, and meanwhile a miss asks
 * again. "Not a member" answers are not written: the replica already says so, and an add may be on its way.
 */
@Component
public class TeamMemberships {

    private static final Logger log = LoggerFactory.getLogger(TeamMemberships.class);

    private final JdbcClient jdbc;
    private final ProfileServiceMemberships profileService;

    TeamMemberships(JdbcClient jdbc, ProfileServiceMemberships profileService) {
        this.jdbc = jdbc;
        this.profileService = profileService;
    }

    /**
     * Whether the user belongs to the team as profile-service knows it now: the replica, and when the replica says
     * no, profile-service itself. When profile-service cannot answer, the replica's "no" stands.
     */
    public boolean isMemberNow(String userId, UUID teamId) {
        Optional<ReplicaRow> row = jdbc.sql("SELECT member, last_event_id FROM team_members WHERE team_id = ? AND user_id = ?")
                .params(teamId, userId)
                .query((rs, n) -> new ReplicaRow(rs.getBoolean("member"), rs.getObject("last_event_id", UUID.class)))
                .optional();
        if (row.map(ReplicaRow::member).orElse(false)) {
            return true;
        }
        return switch (profileService.membership(teamId, userId)) {
            case MEMBER -> {
                confirm(teamId, userId, row.map(ReplicaRow::lastEventId));
                yield true;
            }
            case NOT_MEMBER, UNAVAILABLE -> false;
        };
    }

    private record ReplicaRow(boolean member, UUID lastEventId) {
    }

    /** Writes profile-service's "member" unless the listener changed the row since {@code seen} was read. */
    private void confirm(UUID teamId, String userId, Optional<UUID> seen) {
        int written = seen.isEmpty()
                ? jdbc.sql("""
                                INSERT INTO team_members (team_id, user_id, member, changed_at, last_event_id)
                                VALUES (?, ?, true, now(), ?) ON CONFLICT (team_id, user_id) DO NOTHING
                                """)
                        .params(teamId, userId, UUID.randomUUID()).update()
                : jdbc.sql("""
                                UPDATE team_members SET member = true, changed_at = now(), last_event_id = ?
                                WHERE team_id = ? AND user_id = ? AND last_event_id = ?
                                """)
                        .params(UUID.randomUUID(), teamId, userId, seen.get()).update();
        if (written == 0) {
            log.info("Membership of {} in team {} changed in the replica while profile-service was asked; kept the replica's",
                    userId, teamId);
        }
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
