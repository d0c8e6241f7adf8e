package dev.ticketsms.sandbox.messages;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Twilio's message statuses. The API answers a new message as {@link #QUEUED}, or {@link #ACCEPTED} when
 * it names a messaging service instead of a sender; the simulated carrier then moves it on.
 */
public enum MessageStatus {
    QUEUED, ACCEPTED, SCHEDULED, SENDING, SENT, DELIVERED, UNDELIVERED, FAILED, CANCELED, READ, RECEIVED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
