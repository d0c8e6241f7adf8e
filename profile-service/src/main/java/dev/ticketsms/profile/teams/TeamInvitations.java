package dev.ticketsms.profile.teams;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Pending invitations: (team, user) pairs, idempotent like memberships; gone once accepted, declined or withdrawn. */
@Component
class TeamInvitations {

    private static final String SELECT = """
            select i.team_id, t.name, i.user_id, i.invited_by, i.invited_at
            from team_invitations i join teams t on t.id = i.team_id
            """;

    private final JdbcClient jdbc;

    TeamInvitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void invite(UUID teamId, String userId, String invitedBy, Instant at) {
        jdbc.sql("""
                        insert into team_invitations (team_id, user_id, invited_by, invited_at)
                        values (:teamId, :userId, :invitedBy, :at)
                        on conflict (team_id, user_id) do nothing
                        """)
                .param("teamId", teamId)
                .param("userId", userId)
                .param("invitedBy", invitedBy)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** @return whether there was one */
    boolean delete(UUID teamId, String userId) {
        return jdbc.sql("delete from team_invitations where team_id = :teamId and user_id = :userId")
                .param("teamId", teamId)
                .param("userId", userId)
                .update() == 1;
    }

    boolean exists(UUID teamId, String userId) {
        return jdbc.sql("select exists (select 1 from team_invitations where team_id = :teamId and user_id = :userId)")
                .param("teamId", teamId)
                .param("userId", userId)
                .query(Boolean.class)
                .single();
    }

    List<Invitation> to(UUID teamId) {
        return jdbc.sql(SELECT + "where i.team_id = :teamId order by i.invited_at, i.user_id")
                .param("teamId", teamId)
                .query(TeamInvitations::invitation)
                .list();
    }

    List<Invitation> of(String userId) {
        return jdbc.sql(SELECT + "where i.user_id = :userId order by i.invited_at, t.name")
                .param("userId", userId)
                .query(TeamInvitations::invitation)
                .list();
    }

    private static Invitation invitation(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
        return new Invitation(row.getObject("team_id", UUID.class), row.getString("name"), row.getString("user_id"),
                row.getString("invited_by"), row.getTimestamp("invited_at").toInstant());
    }
}
