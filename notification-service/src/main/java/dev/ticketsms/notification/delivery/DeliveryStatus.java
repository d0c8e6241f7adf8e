package dev.ticketsms.notification.delivery;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where one (event, recipient) SMS stands, and the only moves a row may make. Every UPDATE of the ledger takes its
 * allowed starting states from {@link #from}, so the table below is the whole state machine:
 * <pre>
 * HELD ◄──► PENDING ──► SENDING ──► SENT ──► DELIVERED | UNDELIVERED | FAILED
 *  │           │  ▲         │ │
 *  │           │  └─────────┘ └──► UNKNOWN ──► SENT | DELIVERED | UNDELIVERED | FAILED (Twilio has it)
 *  │           │  (certainly        │   └────► PENDING (Twilio certainly does not have it: sent again)
 *  │           │   not sent)        └────────► FAILED  (attempt cap)
 *  │           └──► SKIPPED (must not be texted) | FAILED (attempt cap)
 *  └──► SKIPPED (summarized with other held updates, or no recipient any more)
 * </pre>
 * Status callbacks only move a row forward, so a late {@code sent} never overwrites {@code delivered}.
 */
public enum DeliveryStatus {
    /** Claimed, not on the wire: waiting for its turn, or handed back because Twilio certainly did not take it. */
    PENDING,
    /** The recipient is in their quiet hours: kept until the window ends, then sent or summarized. */
    HELD,
    /** Its request to Twilio is on the wire right now; nothing else is ever SENDING. */
    SENDING,
    /**
     * The request may have reached Twilio but no answer says whether it was taken (5xx, read timeout, the process
     * died mid-request). Reconciled against Twilio's Messages list: settled as sent, or sent again.
     */
    UNKNOWN,
    /** Twilio accepted it and gave a SID. */
    SENT,
    DELIVERED,
    UNDELIVERED,
    FAILED,
    /** Not sent on purpose (the number replied STOP, is unusable, changed, or the person is no recipient any more). */
    SKIPPED;

    private static final Map<DeliveryStatus, Set<DeliveryStatus>> MOVES = new EnumMap<>(DeliveryStatus.class);

    static {
        MOVES.put(PENDING, EnumSet.of(SENDING, HELD, SKIPPED, FAILED));
        MOVES.put(HELD, EnumSet.of(PENDING, SKIPPED));
        // a status callback can overtake the API answer: SENDING may move straight to any Twilio outcome
        MOVES.put(SENDING, EnumSet.of(PENDING, UNKNOWN, SENT, DELIVERED, UNDELIVERED, FAILED));
        MOVES.put(UNKNOWN, EnumSet.of(PENDING, SENT, DELIVERED, UNDELIVERED, FAILED));
        MOVES.put(SENT, EnumSet.of(DELIVERED, UNDELIVERED, FAILED));
        MOVES.put(DELIVERED, EnumSet.noneOf(DeliveryStatus.class));
        MOVES.put(UNDELIVERED, EnumSet.noneOf(DeliveryStatus.class));
        MOVES.put(FAILED, EnumSet.noneOf(DeliveryStatus.class));
        MOVES.put(SKIPPED, EnumSet.noneOf(DeliveryStatus.class));
    }

    /** Whether a row in this status may move to {@code next}. */
    public boolean mayMoveTo(DeliveryStatus next) {
        return MOVES.get(this).contains(next);
    }

    /** Whether nothing moves a row on from here (delivered, undelivered, failed or skipped). */
    boolean isFinal() {
        return MOVES.get(this).isEmpty();
    }

    /** Where Twilio has answered for good or nothing more will be sent: SENT and the final statuses, by name. */
    static List<String> settled() {
        return Arrays.stream(values()).filter(status -> status == SENT || status.isFinal()).map(Enum::name).toList();
    }

    /** The statuses a row may be in to move to {@code next}, by name, for an UPDATE's {@code status IN (...)}. */
    static List<String> from(DeliveryStatus next) {
        return Arrays.stream(values()).filter(status -> status.mayMoveTo(next)).map(Enum::name).toList();
    }
}
