package dev.ticketsms.ticket.tickets;

import java.util.UUID;

/** Only members of a team (and admins) open tickets for it: each ticket texts the team, which nobody else may do. */
public class NotATeamMemberException extends RuntimeException {

    private final UUID teamId;

    NotATeamMemberException(UUID teamId) {
        super("Not a member of team " + teamId);
        this.teamId = teamId;
    }

    public UUID teamId() {
        return teamId;
    }
}
