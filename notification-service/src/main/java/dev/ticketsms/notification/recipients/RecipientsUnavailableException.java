package dev.ticketsms.notification.recipients;

/** profile-service could not be asked; the event waits and is retried, never skipped. */
public class RecipientsUnavailableException extends RuntimeException {

    RecipientsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
