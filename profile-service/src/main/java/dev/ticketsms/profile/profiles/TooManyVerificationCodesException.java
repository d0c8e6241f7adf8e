package dev.ticketsms.profile.profiles;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 429 with the real wait in Retry-After: this user, or this number, got as many codes as the window allows. */
class TooManyVerificationCodesException extends ErrorResponseException {

    TooManyVerificationCodesException(Duration wait) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(seconds(wait)), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(wait)));
    }

    private static long seconds(Duration wait) {
        // rounded up: a client that waits exactly Retry-After must find room
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    private static ProblemDetail problem(long seconds) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many verification codes were texted for this user or this number; try again in " + seconds + " s");
        problem.setTitle("Too many verification codes");
        return problem;
    }
}
