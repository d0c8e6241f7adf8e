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

    /** Twilio's answer when an account sends faster than it may. */
    public static TwilioApiException tooManyRequests() {
        return new TwilioApiException(HttpStatus.TOO_MANY_REQUESTS, 20429, "Too Many Requests");
    }

    /** A 5xx as Twilio's API answers it: 20500 for 500, 20503 for 503, and 20500 for any other 5xx. */
    public static TwilioApiException serverError(HttpStatus status) {
        if (!status.is5xxServerError()) {
            throw new IllegalArgumentException("not a server error: " + status);
        }
        var code = status == HttpStatus.SERVICE_UNAVAILABLE ? 20503 : 20500;
        return new TwilioApiException(status, code, status.getReasonPhrase());
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
