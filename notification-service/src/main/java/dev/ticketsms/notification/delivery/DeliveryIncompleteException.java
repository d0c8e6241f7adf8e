package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.sms.SmsNotSentException;

import java.util.UUID;

/** Some recipients of an event could not be sent to now (Twilio certainly did not take them); the event is retried. */
class DeliveryIncompleteException extends RuntimeException {

    DeliveryIncompleteException(UUID eventId, int notSent, int recipients, SmsNotSentException first) {
        super("%d of %d SMS for event %s not sent yet: %s".formatted(notSent, recipients, eventId, first.getMessage()), first);
    }
}
