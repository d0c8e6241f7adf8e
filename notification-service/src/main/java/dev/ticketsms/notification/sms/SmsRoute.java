package dev.ticketsms.notification.sms;

import java.util.Locale;

/**
 * A way to Twilio: an account with its sender and its own client, circuit breaker, retry, bulkhead and rate limiter
 * (see {@link SmsSender}). Every SMS is tried on the primary first; the failover route ({@code twilio.failover.*})
 * takes only what the primary certainly did not take. The ledger row records the route its request went out on, so
 * its status callbacks and its reconciliation ask that account.
 */
public enum SmsRoute {
    /** {@code twilio.*}: TWILIO_ACCOUNT_SID and its sender. */
    PRIMARY("twilio"),
    /** {@code twilio.failover.*}: TWILIO_FAILOVER_ACCOUNT_SID and its sender; off when not configured. */
    FAILOVER("twilio-failover");

    private final String resilienceName;

    SmsRoute(String resilienceName) {
        this.resilienceName = resilienceName;
    }

    /** The name of the route's circuit breaker, retry, bulkhead and rate limiter (resilience4j_* meters). */
    public String resilienceName() {
        return resilienceName;
    }

    /** The value of the {@code route} tag on the delivery meters. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
