package dev.ticketsms.profile.teams;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class Teams {

    private final TeamRepository repository;

    Teams(TeamRepository repository) {
        this.repository = repository;
    }

    @Transactional
    Team create(String name) {
        return repository.save(new Team(name));
    }

    @Transactional(readOnly = true)
    Team find(UUID teamId) {
        return repository.findById(teamId).orElseThrow(() -> new UnknownTeamException(teamId));
    }

    @Transactional(readOnly = true)
    List<String> memberIds(UUID teamId) {
        requireExists(teamId);
        return repository.memberIds(teamId);
    }

    @Transactional
    void addMember(UUID teamId, String userId) {
        requireExists(teamId);
        repository.addMember(teamId, userId);
    }

    @Transactional
    void removeMember(UUID teamId, String userId) {
        requireExists(teamId);
        repository.removeMember(teamId, userId);
    }

    private void requireExists(UUID teamId) {
        if (!repository.existsById(teamId)) {
            throw new UnknownTeamException(teamId);
        }
    }
}
