package dev.ticketsms.sandbox.twilio;

import dev.ticketsms.sandbox.stats.RequestOutcome;
import dev.ticketsms.sandbox.stats.SandboxStats;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal of Twilio's API leaves here as Twilio's error body, and is counted. */
@RestControllerAdvice
class TwilioErrorResponses {

    private final SandboxStats stats;

    TwilioErrorResponses(SandboxStats stats) {
        this.stats = stats;
    }

    @ExceptionHandler
    ResponseEntity<TwilioError> refused(TwilioApiException exception) {
        stats.refused(outcome(exception.status()), exception.code());
        var response = ResponseEntity.status(exception.status());
        if (exception.code() == 20003) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Twilio API\"");
        }
        return response.body(TwilioError.of(exception));
    }

    private static RequestOutcome outcome(HttpStatus status) {
        if (status == HttpStatus.UNAUTHORIZED) {
            return RequestOutcome.UNAUTHENTICATED;
        }
        if (status == HttpStatus.TOO_MANY_REQUESTS) {
            return RequestOutcome.TOO_MANY_REQUESTS;
        }
        return status.is5xxServerError() ? RequestOutcome.SERVER_ERROR : RequestOutcome.REJECTED;
    }
}
