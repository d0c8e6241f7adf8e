package dev.ticketsms.notification.delivery;

/**
 * Where one (event, recipient) SMS stands. Moves only forward: a late or repeated status callback never takes a
 * row back (a {@code sent} after {@code delivered} changes nothing).
 */
public enum DeliveryStatus {
    /** Claimed, not yet handed to Twilio (or handed back after Twilio certainly did not take it). */
    PENDING(0),
    /**
     * Handed to Twilio, no answer yet. A row stays here when the process died during the call or Twilio answered
     * 5xx / timed out: it is never sent again automatically. A status callback names its SID and moves it on; the
     * watchdog marks it FAILED ("outcome unknown") when none came.
     */
    SENDING(1),
    /** Twilio accepted it and gave a SID. */
    SENT(2),
    DELIVERED(3),
    UNDELIVERED(3),
    FAILED(3),
    /** Not sent on purpose (the number replied STOP or is known to be unusable). */
    SKIPPED(3);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    /** Whether nothing moves a row on from here (delivered, undelivered, failed or skipped). */
    boolean isFinal() {
        return rank == SKIPPED.rank;
    }

    /** Whether a row in this status may move to {@code next}: only to a later stage, never sideways between finals. */
    boolean mayAdvanceTo(DeliveryStatus next) {
        return next.rank > rank;
    }
}
