package dev.ticketsms.sandbox.twilio;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class TwilioErrorResponses {

    @ExceptionHandler
    ResponseEntity<TwilioError> refused(TwilioApiException exception) {
        var response = ResponseEntity.status(exception.status());
        if (exception.code() == 20003) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Twilio API\"");
        }
        return response.body(TwilioError.of(exception));
    }
}
