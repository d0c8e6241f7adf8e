package dev.ticketsms.profile.teams;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Membership rows are plain (team, user id) pairs; SQL keeps adding one idempotent even under concurrent calls. */
interface TeamRepository extends Repository<Team, UUID> {

    Team save(Team team);

    Optional<Team> findById(UUID id);

    boolean existsById(UUID id);

    /** A team seen from one user: whether they are in it (an owner need not be). */
    interface TeamOfUser {
        UUID getId();

        String getName();

        String getOwnerId();

        boolean getMember();
    }

    @Query(nativeQuery = true, value = """
            select t.id, t.name, t.owner_id as "ownerId",
                   exists (select 1 from team_members m where m.team_id = t.id and m.user_id = :userId) as member
            from teams t
            where t.owner_id = :userId
               or exists (select 1 from team_members m where m.team_id = t.id and m.user_id = :userId)
            order by t.name, t.id
            """)
    List<TeamOfUser> teamsOf(String userId);

    @Query(nativeQuery = true, value = "select user_id from team_members where team_id = :teamId order by user_id")
    List<String> memberIds(UUID teamId);

    @Query(nativeQuery = true, value = "select exists (select 1 from team_members where team_id = :teamId and user_id = :userId)")
    boolean isMember(UUID teamId, String userId);

    @Modifying
    @Query(nativeQuery = true, value = """
            insert into team_members (team_id, user_id) values (:teamId, :userId)
            on conflict (team_id, user_id) do nothing
            """)
    /** @return 1 if the user became a member, 0 if they were one already */
    int addMember(UUID teamId, String userId);

    @Modifying
    @Query(nativeQuery = true, value = "delete from team_members where team_id = :teamId and user_id = :userId")
    /** @return 1 if the user was a member */
    int removeMember(UUID teamId, String userId);

    @Query(nativeQuery = true, value = "select user_id from team_escalation where team_id = :teamId order by position")
    List<String> escalation(UUID teamId);

    @Modifying
    @Query(nativeQuery = true, value = "delete from team_escalation where team_id = :teamId")
    void clearEscalation(UUID teamId);

    @Modifying
    @Query(nativeQuery = true, value = "insert into team_escalation (team_id, position, user_id) values (:teamId, :position, :userId)")
    void addToEscalation(UUID teamId, int position, String userId);

    @Modifying
    @Query(nativeQuery = true, value = "delete from team_escalation where team_id = :teamId and user_id = :userId")
    void removeFromEscalation(UUID teamId, String userId);
}
