package dev.ticketsms.notification.email;

/** The email certainly did not leave: sending it again later cannot duplicate it. */
public class EmailNotSentException extends RuntimeException {

    EmailNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
