package dev.ticketsms.notification.sms;

/**
 * Twilio certainly did not take the message: sending again later is safe and cannot duplicate it.
 */
public class SmsNotSentException extends RuntimeException {

    /** Why nothing was sent; decides whether an immediate retry can help. */
    public enum Reason {
        /** Twilio answered 429 / 20429. Worth retrying after a pause. */
        RATE_LIMITED(true),
        /** Twilio answered 503: it did not handle the request. Worth retrying after a pause. */
        UNAVAILABLE(true),
        /** No connection to Twilio was made. Worth retrying after a pause. */
        UNREACHABLE(true),
        /** Twilio refused our credentials, account or sender, not the recipient: only a configuration fix helps. */
        SENDER_REFUSED(false),
        /** Our circuit breaker is open after repeated Twilio failures; the call was not made. */
        CIRCUIT_OPEN(false),
        /** Our own rate limiter or bulkhead did not grant a slot in time; the call was not made. */
        LOCAL_LIMIT(false);

        private final boolean transientAtTwilio;

        Reason(boolean transientAtTwilio) {
            this.transientAtTwilio = transientAtTwilio;
        }

        /** Whether retrying the same call within seconds may succeed (429 or a failed connection). */
        public boolean transientAtTwilio() {
            return transientAtTwilio;
        }
    }

    private final Reason reason;

    SmsNotSentException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
