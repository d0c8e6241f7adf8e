package dev.ticketsms.profile.teams;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A 404 whose problem {@link #TYPE} says "this team does not exist", so a caller (notification-service,
 * ticket-service) can tell it from any other 404, such as a wrong path or a proxy's.
 */
public class UnknownTeamException extends ErrorResponseException {

    /** Stable: part of the internal API's contract (OpenAPI description, docs/architecture.md). */
    public static final String TYPE = "https://ticket-sms.dev/problems/team-not-found";

    public UnknownTeamException(UUID teamId) {
        super(HttpStatus.NOT_FOUND, problem(teamId), null);
    }

    private static ProblemDetail problem(UUID teamId) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Team " + teamId + " does not exist");
        problem.setType(URI.create(TYPE));
        problem.setTitle("Team not found");
        return problem;
    }
}
