package dev.ticketsms.notification.delivery;

/** A record that parsed but cannot be a real ticket event; it goes to the dead-letter topic at once. */
class InvalidTicketEventException extends RuntimeException {

    InvalidTicketEventException(String message) {
        super(message);
    }
}
