package dev.ticketsms.sandbox.stats;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the sandbox answered a request to Twilio's API. */
public enum RequestOutcome {
    /** 201: the message was taken on. */
    ACCEPTED,
    /** 4xx with a Twilio error code for the request itself (bad number, missing field, unknown SID...). */
    REJECTED,
    /** 401 / 20003. */
    UNAUTHENTICATED,
    /** An injected 429 / 20429. */
    TOO_MANY_REQUESTS,
    /** An injected 5xx. */
    SERVER_ERROR,
    /** An injected connection drop: no HTTP answer at all. */
    CONNECTION_DROPPED,
    /** The message was kept, then an injected 5xx answered instead of the 201. */
    ACCEPTED_THEN_SERVER_ERROR,
    /** The message was kept, then the connection was closed instead of answering the 201. */
    ACCEPTED_THEN_CONNECTION_DROPPED;

    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
