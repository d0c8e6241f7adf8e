package dev.ticketsms.sandbox.faults;

/**
 * What an injected fault does to the message requests it matches ({@code POST …/Messages.json} only: reading
 * messages is never faulted). The {@code ACCEPT_THEN_} kinds are the "outcome unknown" cases: the message is
 * kept and goes on as usual, but the caller gets no usable answer, as when Twilio took a message and the answer
 * was lost to a gateway error or a broken connection.
 */
public enum FaultKind {
    /** Holds the request back for the fault's latency, then handles it normally. */
    LATENCY,
    /** Answers 429 with Twilio's error 20429; nothing is kept. */
    TOO_MANY_REQUESTS,
    /** Answers the fault's 5xx status with a Twilio error body; nothing is kept. */
    SERVER_ERROR,
    /** Closes the connection without any HTTP answer; nothing is kept. */
    DROP_CONNECTION,
    /** Keeps and delivers the message like a 201, but answers the fault's 5xx status with a Twilio error body. */
    ACCEPT_THEN_SERVER_ERROR,
    /** Keeps and delivers the message like a 201, but closes the connection without any HTTP answer. */
    ACCEPT_THEN_DROP_CONNECTION,
    /** Accepts the message (201), then the carrier ends it {@code undelivered} with the fault's error code. */
    UNDELIVERED,
    /** Accepts the message (201), then it ends {@code failed} with the fault's error code. */
    FAILED;

    boolean answersTheRequest() {
        return this == TOO_MANY_REQUESTS || this == SERVER_ERROR || this == DROP_CONNECTION || keepsTheMessage();
    }

    /** Answers the request only after the message was accepted and kept. */
    boolean keepsTheMessage() {
        return this == ACCEPT_THEN_SERVER_ERROR || this == ACCEPT_THEN_DROP_CONNECTION;
    }

    /** Answers with the fault's 5xx status. */
    boolean answersServerError() {
        return this == SERVER_ERROR || this == ACCEPT_THEN_SERVER_ERROR;
    }

    boolean decidesDelivery() {
        return this == UNDELIVERED || this == FAILED;
    }
}
