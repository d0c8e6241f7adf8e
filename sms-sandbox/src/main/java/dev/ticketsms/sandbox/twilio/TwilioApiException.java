package dev.ticketsms.sandbox.twilio;

import org.springframework.http.HttpStatus;

/** A refusal with a Twilio error code; leaves the API as a Twilio-shaped error body. */
public class TwilioApiException extends RuntimeException {

    private final HttpStatus status;
    private final int code;

    TwilioApiException(HttpStatus status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static TwilioApiException badRequest(int code, String message) {
        return new TwilioApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static TwilioApiException notFound(String resourcePath) {
        return new TwilioApiException(HttpStatus.NOT_FOUND, 20404,
                "The requested resource " + resourcePath + " was not found");
    }

    static TwilioApiException authenticate() {
        return new TwilioApiException(HttpStatus.UNAUTHORIZED, 20003, "Authenticate");
    }

    public HttpStatus status() {
        return status;
    }

    public int code() {
        return code;
    }
}
