package dev.ticketsms.profile.teams;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class Teams {

    private final TeamRepository repository;

    private final Clock clock;

    Teams(TeamRepository repository, Clock clock) {
        this.repository = repository;
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

    @Transactional
    void addMember(UUID teamId, String userId, TeamManager manager) {
        requireManagedBy(teamId, manager);
        repository.addMember(teamId, userId);
    }

    @Transactional
    void removeMember(UUID teamId, String userId, TeamManager manager) {
        requireManagedBy(teamId, manager);
        repository.removeMember(teamId, userId);
    }

    private void requireManagedBy(UUID teamId, TeamManager manager) {
        if (!find(teamId).canBeManagedBy(manager)) {
            throw new AccessDeniedException("Only admins and the team's owner change its members");
        }
    }
}
