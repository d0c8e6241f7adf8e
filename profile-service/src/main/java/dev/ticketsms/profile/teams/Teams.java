package dev.ticketsms.profile.teams;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.ticketsms.events.TeamMemberAdded;
import dev.ticketsms.events.TeamMemberRemoved;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Team use cases; a membership change and its event on profiles.events.v1 commit together or not at all. */
@Service
class Teams {

    private final TeamRepository repository;

    private final MembershipEvents events;

    private final Clock clock;

    Teams(TeamRepository repository, MembershipEvents events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Team create(String name, String ownerId) {
        return repository.save(new Team(name, ownerId, clock.instant()));
    }

    @Transactional(readOnly = true)
    Team find(UUID teamId) {
        return repository.findById(teamId).orElseThrow(() -> new UnknownTeamException(teamId));
    }

    @Transactional(readOnly = true)
    List<String> memberIds(UUID teamId) {
        find(teamId);
        return repository.memberIds(teamId);
    }

    /** @throws UnknownTeamException when the team does not exist, which is not the same as not being a member */
    @Transactional(readOnly = true)
    boolean isMember(UUID teamId, String userId) {
        if (!repository.existsById(teamId)) {
            throw new UnknownTeamException(teamId);
        }
        return repository.isMember(teamId, userId);
    }

    @Transactional
    void addMember(UUID teamId, String userId, TeamManager manager) {
        requireManagedBy(teamId, manager);
        if (repository.addMember(teamId, userId) == 1) {
            events.publish(new TeamMemberAdded(UUID.randomUUID(), clock.instant(), teamId, userId));
        }
    }

    @Transactional
    void removeMember(UUID teamId, String userId, TeamManager manager) {
        requireManagedBy(teamId, manager);
        if (repository.removeMember(teamId, userId) == 1) {
            events.publish(new TeamMemberRemoved(UUID.randomUUID(), clock.instant(), teamId, userId));
        }
    }

    private void requireManagedBy(UUID teamId, TeamManager manager) {
        if (!find(teamId).canBeManagedBy(manager)) {
            throw new AccessDeniedException("Only admins and the team's owner change its members");
        }
    }
}
