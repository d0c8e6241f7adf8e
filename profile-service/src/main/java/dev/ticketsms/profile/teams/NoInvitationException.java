package dev.ticketsms.profile.teams;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Accepting an invitation nobody made: a 404 that says so (the team itself exists). */
class NoInvitationException extends ErrorResponseException {

    NoInvitationException(UUID teamId) {
        super(HttpStatus.NOT_FOUND, problem(teamId), null);
    }

    private static ProblemDetail problem(UUID teamId) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "You have no invitation to team " + teamId + "; its owner or an admin must invite you first");
        problem.setTitle("Invitation not found");
        return problem;
    }
}
