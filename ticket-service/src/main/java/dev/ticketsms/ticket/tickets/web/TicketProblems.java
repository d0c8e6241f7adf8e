package dev.ticketsms.ticket.tickets.web;

import dev.ticketsms.ticket.tickets.NotATeamMemberException;
import dev.ticketsms.ticket.tickets.StaleTicketVersionException;
import dev.ticketsms.ticket.tickets.StatusChangeNotAllowedException;
import dev.ticketsms.ticket.tickets.TooManyRequestsException;
import dev.ticketsms.web.problems.InvalidField;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * The ticket rules' refusals as problem details: 409 for a disallowed move, 412 for a stale version, 403 for a foreign
 * team, 429 past a limit.
 */
@RestControllerAdvice(assignableTypes = {TicketController.class, SmsCommandController.class})
class TicketProblems {

    @ExceptionHandler
    ProblemDetail statusChangeNotAllowed(StatusChangeNotAllowedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Status change not allowed");
        problem.setProperty("currentStatus", e.from());
        problem.setProperty("requestedStatus", e.to());
        problem.setProperty("allowedStatuses", e.allowed());
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> staleVersion(StaleTicketVersionException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "The ticket changed since the version you sent in If-Match; fetch it again and retry.");
        problem.setTitle("Ticket has changed");
        problem.setProperty("currentVersion", e.currentVersion());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag(IfMatch.etagOf(e.currentVersion())).body(problem);
    }

    /** Two changes raced and the other one was stored first: as stale as a wrong If-Match. */
    @ExceptionHandler
    ProblemDetail concurrentChange(ObjectOptimisticLockingFailureException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "The ticket was changed by someone else at the same moment; fetch it again and retry.");
        problem.setTitle("Ticket has changed");
        return problem;
    }

    /** A limit on what texts a team: 429, and {@code Retry-After} is when the next one is allowed. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many requests");
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem);
    }

    @ExceptionHandler
    ProblemDetail notATeamMember(NotATeamMemberException e) {
        var problem = InvalidField.problem("You can open tickets only for teams you belong to",
                List.of(new InvalidField("teamId", "is not a team you belong to")));
        problem.setStatus(HttpStatus.FORBIDDEN);
        problem.setTitle("Not a member of this team");
        return problem;
    }
}
