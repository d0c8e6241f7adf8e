package dev.ticketsms.sandbox.faults;

import java.time.Duration;
import java.util.UUID;

/**
 * An injected fault as configured.
 *
 * @param to        the recipient whose message requests it applies to; null for every request
 * @param latency   for {@link FaultKind#LATENCY}, else null
 * @param status    for {@link FaultKind#SERVER_ERROR} and {@link FaultKind#ACCEPT_THEN_SERVER_ERROR}, else null
 * @param errorCode for {@link FaultKind#UNDELIVERED} and {@link FaultKind#FAILED}, else null
 * @param remaining how many more requests it applies to; null until it is removed
 */
record Fault(UUID id, String to, FaultKind kind, Duration latency, Integer status, Integer errorCode, Integer remaining) {

    boolean appliesTo(String recipient) {
        return to == null || to.equals(recipient);
    }

    /** This fault after it was applied once more; null once used up. */
    Fault applied() {
        if (remaining == null) {
            return this;
        }
        return remaining <= 1 ? null : new Fault(id, to, kind, latency, status, errorCode, remaining - 1);
    }
}
