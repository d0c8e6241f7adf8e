package dev.ticketsms.notification.delivery;

import java.util.UUID;

/** Some rows of a message could not go out now (they are PENDING; Twilio certainly did not take them); it is retried. */
class DeliveryIncompleteException extends RuntimeException {

    DeliveryIncompleteException(UUID eventId, int notSent, int rows, String firstReason) {
        super("%d of %d SMS for event %s not sent yet: %s".formatted(notSent, rows, eventId, firstReason));
    }
}
