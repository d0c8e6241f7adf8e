package dev.ticketsms.sandbox.messages;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Twilio's message statuses; the sandbox starts every message as {@link #QUEUED}. */
enum MessageStatus {
    QUEUED, ACCEPTED, SCHEDULED, SENDING, SENT, DELIVERED, UNDELIVERED, FAILED, CANCELED, READ;

    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
