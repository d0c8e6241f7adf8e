package dev.ticketsms.sandbox.faults;

/** What an injected fault does to the message requests it matches. */
public enum FaultKind {
    /** Holds the request back for the fault's latency, then handles it normally. */
    LATENCY,
    /** Answers 429 with Twilio's error 20429; nothing is kept. */
    TOO_MANY_REQUESTS,
    /** Answers the fault's 5xx status with a Twilio error body; nothing is kept. */
    SERVER_ERROR,
    /** Closes the connection without any HTTP answer; nothing is kept. */
    DROP_CONNECTION,
    /** Accepts the message (201), then the carrier ends it {@code undelivered} with the fault's error code. */
    UNDELIVERED,
    /** Accepts the message (201), then it ends {@code failed} with the fault's error code. */
    FAILED;

    boolean answersTheRequest() {
        return this == TOO_MANY_REQUESTS || this == SERVER_ERROR || this == DROP_CONNECTION;
    }

    boolean decidesDelivery() {
        return this == UNDELIVERED || this == FAILED;
    }
}
