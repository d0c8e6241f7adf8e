package dev.ticketsms.profile.teams;

import java.util.UUID;

class UnknownTeamException extends RuntimeException {

    UnknownTeamException(UUID teamId) {
        super("Team " + teamId + " does not exist");
    }
}
