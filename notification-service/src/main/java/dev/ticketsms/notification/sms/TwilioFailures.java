package dev.ticketsms.notification.sms;

import java.util.function.Predicate;

/**
 * How resilience4j tells Twilio failures apart; named in application.yaml under {@code resilience4j.*.instances.twilio}.
 */
public final class TwilioFailures {

    private TwilioFailures() {
    }

    /** Retry at once (with back-off) only what certainly did not send: 429 and failed connections. */
    public static final class Transient implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return failure instanceof SmsNotSentException notSent && notSent.reason().transientAtTwilio();
        }
    }

    /** What says Twilio cannot take messages from us now: it counts toward opening the circuit breaker. */
    public static final class Outage implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return failure instanceof SmsNotSentException notSent
                    && (notSent.reason().transientAtTwilio() || notSent.reason() == SmsNotSentException.Reason.SENDER_REFUSED);
        }
    }

    /** A 5xx or a read timeout is a failed call for the breaker, although it is recorded as a result. */
    public static final class OutcomeUnknown implements Predicate<Object> {
        @Override
        public boolean test(Object result) {
            return result instanceof SmsResult.OutcomeUnknown;
        }
    }
}
