package dev.ticketsms.profile.teams;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import dev.ticketsms.events.TeamMemberAdded;
import dev.ticketsms.events.TeamMemberRemoved;
import dev.ticketsms.web.problems.InvalidField;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team use cases; a membership change and its event on profiles.events.v1 commit together or not at all. Nobody is
 * made a member (and texted by the team) without agreeing: an admin enrols directly, a user may join a team they own,
 * but an owner's choice of someone else is an invitation that user accepts. Only members, the owner and admins see
 * who is in a team.
 */
@Service
class Teams {

    private final TeamRepository repository;

    private final TeamInvitations invitations;

    private final MembershipEvents events;

    private final Clock clock;

    Teams(TeamRepository repository, TeamInvitations invitations, MembershipEvents events, Clock clock) {
        this.repository = repository;
        this.invitations = invitations;
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

    /** The team, for its members, its owner, admins and whoever is invited to it (to decide). */
    @Transactional(readOnly = true)
    Team find(UUID teamId, TeamManager viewer) {
        Team team = find(teamId);
        if (!canSeeMembers(team, viewer) && !invitations.exists(teamId, viewer.userId())) {
            throw new AccessDeniedException("Only the team's members, its owner and admins see it");
        }
        return team;
    }

    @Transactional(readOnly = true)
    List<String> memberIds(UUID teamId, TeamManager viewer) {
        if (!canSeeMembers(find(teamId), viewer)) {
            throw new AccessDeniedException("Only the team's members, its owner and admins see its members");
        }
        return repository.memberIds(teamId);
    }

    @Transactional(readOnly = true)
    List<Invitation> invitationsTo(UUID teamId, TeamManager manager) {
        requireManagedBy(teamId, manager);
        return invitations.to(teamId);
    }

    /** The teams the user is a member of or owns, by name. */
    @Transactional(readOnly = true)
    List<TeamRepository.TeamOfUser> teamsOf(String userId) {
        return repository.teamsOf(userId);
    }

    @Transactional(readOnly = true)
    List<Invitation> invitationsOf(String userId) {
        return invitations.of(userId);
    }

    /** @throws UnknownTeamException when the team does not exist, which is not the same as not being a member */
    @Transactional(readOnly = true)
    boolean isMember(UUID teamId, String userId) {
        if (!repository.existsById(teamId)) {
            throw new UnknownTeamException(teamId);
        }
        return repository.isMember(teamId, userId);
    }

    /**
     * An admin's choice, or an owner adding themself, makes a member; an owner's choice of someone else is an
     * invitation. Either way asking twice changes nothing.
     */
    @Transactional
    Enrolment addMember(UUID teamId, String userId, TeamManager manager) {
        requireManagedBy(teamId, manager);
        if (repository.isMember(teamId, userId)) {
            return Enrolment.MEMBER;
        }
        if (!manager.admin() && !manager.userId().equals(userId)) {
            invitations.invite(teamId, userId, manager.userId(), clock.instant());
            return Enrolment.INVITED;
        }
        join(teamId, userId);
        return Enrolment.MEMBER;
    }

    /** The invited user agrees: now they are a member. Accepting again changes nothing. */
    @Transactional
    void acceptInvitation(UUID teamId, String userId) {
        find(teamId);
        if (repository.isMember(teamId, userId)) {
            return;
        }
        if (!invitations.exists(teamId, userId)) {
            throw new NoInvitationException(teamId);
        }
        join(teamId, userId);
    }

    /** The invited user says no; declining what is not there changes nothing. */
    @Transactional
    void declineInvitation(UUID teamId, String userId) {
        find(teamId);
        invitations.delete(teamId, userId);
    }

    /** Removes the member, or withdraws their invitation. */
    @Transactional
    void removeMember(UUID teamId, String userId, TeamManager manager) {
        requireManagedBy(teamId, manager);
        invitations.delete(teamId, userId);
        repository.removeFromEscalation(teamId, userId);
        if (repository.removeMember(teamId, userId) == 1) {
            events.publish(new TeamMemberRemoved(UUID.randomUUID(), clock.instant(), teamId, userId));
        }
    }

    /** Who a CRITICAL ticket nobody takes goes to, in order, then the team's lead (its owner). */
    record Escalation(List<String> userIds, String lead) {
    }

    /** The escalation order, for the team's members, its owner and admins. */
    @Transactional(readOnly = true)
    Escalation escalation(UUID teamId, TeamManager viewer) {
        Team team = find(teamId);
        if (!canSeeMembers(team, viewer)) {
            throw new AccessDeniedException("Only the team's members, its owner and admins see its escalation list");
        }
        return new Escalation(repository.escalation(teamId), team.ownerId());
    }

    /** The escalation order, for notification-service. */
    @Transactional(readOnly = true)
    Escalation escalation(UUID teamId) {
        return new Escalation(repository.escalation(teamId), find(teamId).ownerId());
    }

    /**
     * Replaces the escalation list (admins and the team's owner).
     *
     * @throws InvalidEscalationException naming each entry that is no member or named twice
     */
    @Transactional
    Escalation replaceEscalation(UUID teamId, List<String> userIds, TeamManager manager) {
        requireManagedBy(teamId, manager);
        var invalid = new ArrayList<InvalidField>();
        var seen = new HashSet<String>();
        for (int i = 0; i < userIds.size(); i++) {
            String userId = userIds.get(i);
            if (!seen.add(userId)) {
                invalid.add(new InvalidField("userIds[" + i + "]", "is already on the list"));
            } else if (!repository.isMember(teamId, userId)) {
                invalid.add(new InvalidField("userIds[" + i + "]", "is not a member of the team"));
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidEscalationException(invalid);
        }
        repository.clearEscalation(teamId);
        for (int i = 0; i < userIds.size(); i++) {
            repository.addToEscalation(teamId, i, userIds.get(i));
        }
        return escalation(teamId);
    }

    private void join(UUID teamId, String userId) {
        invitations.delete(teamId, userId);
        if (repository.addMember(teamId, userId) == 1) {
            events.publish(new TeamMemberAdded(UUID.randomUUID(), clock.instant(), teamId, userId));
        }
    }

    private boolean canSeeMembers(Team team, TeamManager viewer) {
        return team.canBeManagedBy(viewer) || repository.isMember(team.id(), viewer.userId());
    }

    /** What asking to add someone did. */
    enum Enrolment {
        /** They are a member (now, or were already). */
        MEMBER,
        /** They are invited and become a member when they accept. */
        INVITED
    }

    private void requireManagedBy(UUID teamId, TeamManager manager) {
        if (!find(teamId).canBeManagedBy(manager)) {
            throw new AccessDeniedException("Only admins and the team's owner change its members");
        }
    }
}
