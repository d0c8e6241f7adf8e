package dev.ticketsms.sandbox.messages;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which way a message went, with Twilio's names for it. */
public enum Direction {
    /** Sent by the application through the Messages API. */
    OUTBOUND_API("outbound-api"),
    /** Sent because the application answered an inbound message with TwiML {@code <Message>}. */
    OUTBOUND_REPLY("outbound-reply"),
    /** Sent by a phone to the application (simulated through {@code POST /sandbox/inbound}). */
    INBOUND("inbound");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
