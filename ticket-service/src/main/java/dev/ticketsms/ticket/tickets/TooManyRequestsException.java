package dev.ticketsms.ticket.tickets;

import java.time.Duration;

/** A limit of {@link TicketLimits} is used up; {@link #retryAfter()} is when the next action is allowed. */
public final class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    TooManyRequestsException(String what, TicketLimits.Limit limit, Duration retryAfter) {
        super(what + " are limited to " + limit + "; try again in " + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up: a client that waits that long is allowed. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    }
}
