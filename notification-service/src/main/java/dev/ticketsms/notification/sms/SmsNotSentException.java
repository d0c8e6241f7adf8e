package dev.ticketsms.notification.sms;

/**
 * Twilio certainly did not take the message: sending again later is safe and cannot duplicate it.
 */
public class SmsNotSentException extends RuntimeException {

    /** Why nothing was sent; decides whether an immediate retry, or the failover route, can help. */
    public enum Reason {
        /** Twilio answered 429 / 20429. Worth retrying after a pause. */
        RATE_LIMITED(true, true),
        /** Twilio answered 503: it did not handle the request. Worth retrying after a pause. */
        UNAVAILABLE(true, true),
        /** No connection to Twilio was made. Worth retrying after a pause. */
        UNREACHABLE(true, true),
        /** Twilio refused our credentials, account or sender, not the recipient: only a configuration fix helps. */
        SENDER_REFUSED(false, true),
        /** Our circuit breaker is open after repeated Twilio failures; the call was not made. */
        CIRCUIT_OPEN(false, true),
        /** Our own rate limiter or bulkhead did not grant a slot in time; the call was not made. */
        LOCAL_LIMIT(false, false);

        private final boolean transientAtTwilio;
        private final boolean mayFailOver;

        Reason(boolean transientAtTwilio, boolean mayFailOver) {
            this.transientAtTwilio = transientAtTwilio;
            this.mayFailOver = mayFailOver;
        }

        /** Whether retrying the same call within seconds may succeed (429 or a failed connection). */
        public boolean transientAtTwilio() {
            return transientAtTwilio;
        }

        /**
         * Whether the SMS may go out on the failover route instead: the route cannot take messages now and certainly
         * did not take this one. A full bulkhead or a late rate permit is the route being busy, not down: the row
         * waits for its turn there rather than spilling onto a second account.
         */
        public boolean mayFailOver() {
            return mayFailOver;
        }
    }

    private final Reason reason;
    private final SmsRoute route;

    SmsNotSentException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, SmsRoute.PRIMARY);
    }

    private SmsNotSentException(Reason reason, String message, Throwable cause, SmsRoute route) {
        super(message, cause);
        this.reason = reason;
        this.route = route;
    }

    /** The same refusal, by {@code route}. */
    SmsNotSentException on(SmsRoute route) {
        return route == this.route ? this : new SmsNotSentException(reason, getMessage(), getCause(), route);
    }

    public Reason reason() {
        return reason;
    }

    /** The route that refused, the last one tried. */
    public SmsRoute route() {
        return route;
    }
}
