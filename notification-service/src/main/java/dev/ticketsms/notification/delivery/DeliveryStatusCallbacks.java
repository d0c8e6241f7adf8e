package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.numbers.NumberHealth;
import dev.ticketsms.outbox.StoredTraces;
import io.micrometer.tracing.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Locale;

/**
 * Applies Twilio's status callbacks to the ledger. They arrive late, out of order and repeatedly: each (SID, status)
 * is applied once, and a row only moves forward ({@link DeliveryStatus#mayAdvanceTo}), so a late {@code sent} never
 * overwrites {@code delivered}. A callback whose URL names the row ({@code ?delivery=}) also settles a row a crash
 * left in SENDING, recording the SID it never got. Failure codes feed {@link NumberHealth}. A callback that tells what
 * the row already says (every SMS's {@code queued} and {@code sent} after the API answer made it SENT) or less
 * ({@code sent} after {@code delivered}) is counted and writes nothing. Each callback for a known row is an
 * {@code sms status callback} span in the trace the row was claimed in (Twilio carries no trace context).
 */
@Component
public class DeliveryStatusCallbacks {

    /** What became of one callback; a tag on {@code notifications.webhooks.status.callbacks}. */
    public enum Outcome {
        /** Moved the row forward. */
        APPLIED,
        /** The row already stands where the callback says: the normal case for {@code sent} after the API answer. */
        CONFIRMED,
        /** The row is already past what the callback says, e.g. {@code sent} after {@code delivered}. */
        STALE,
        /** This (SID, status) moved the row before; the row could still move, so the repeat was caught by the table. */
        DUPLICATE,
        UNKNOWN_MESSAGE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DeliveryStatusCallbacks.class);

    private final DeliveryLedger ledger;
    private final DeliveryMetrics metrics;
    private final NumberHealth numbers;
    private final StoredTraces traces;
    private final TransactionTemplate transactions;

    DeliveryStatusCallbacks(DeliveryLedger ledger, DeliveryMetrics metrics, NumberHealth numbers, StoredTraces traces,
                            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.ledger = ledger;
        this.metrics = metrics;
        this.numbers = numbers;
        this.traces = traces;
    }

    /**
     * Reads the row, and writes only when the callback moves it: the repeat check and the move are one transaction,
     * while a callback that confirms or trails the row (two of every SMS's three) costs one read and no transaction.
     */
    public Outcome apply(StatusCallback callback) {
        Outcome outcome = applyOnce(callback);
        metrics.statusCallback(outcome.tag());
        return outcome;
    }

    private Outcome applyOnce(StatusCallback callback) {
        var row = callback.deliveryId() != null ? ledger.find(callback.deliveryId()) : ledger.findBySid(callback.messageSid());
        if (row.isEmpty() || !row.get().mayCarry(callback.messageSid(), ledger)) {
            log.warn("Status callback {} for message {} names no ledger row (delivery={})", callback.twilioStatus(),
                    callback.messageSid(), callback.deliveryId());
            return Outcome.UNKNOWN_MESSAGE;
        }
        var delivery = row.get();
        Span span = traces.start("sms status callback", delivery.traceParent(), null)
                .tag("twilio.status", callback.twilioStatus())
                .tag("twilio.sid", callback.messageSid())
                .tag("delivery.id", delivery.id());
        try {
            Outcome outcome = applyTo(delivery, callback);
            span.tag("callback.outcome", outcome.tag());
            return outcome;
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private Outcome applyTo(DeliveryLedger.CallbackTarget delivery, StatusCallback callback) {
        DeliveryStatus next = callback.ledgerStatus();
        if (delivery.status() == next) {
            return Outcome.CONFIRMED;
        }
        if (!delivery.status().mayMoveTo(next)) {
            return Outcome.STALE;
        }
        Outcome moved = transactions.execute(status -> {
            if (!ledger.firstCallback(callback.messageSid(), callback.twilioStatus())) {
                return Outcome.DUPLICATE;
            }
            return ledger.advance(delivery.id(), next, callback) ? Outcome.APPLIED : Outcome.STALE;
        });
        if (moved != Outcome.APPLIED) {
            return moved;
        }
        if (next.isFinal()) {
            metrics.deliveryOutcome(next, callback.errorCode());
        }
        if (next == DeliveryStatus.DELIVERED) {
            metrics.delivered(delivery.eventOccurredAt());
        }
        if (callback.errorCode() != null && (next == DeliveryStatus.FAILED || next == DeliveryStatus.UNDELIVERED)) {
            numbers.failed(delivery.phoneNumber(), callback.errorCode(), "Twilio status " + callback.twilioStatus());
        }
        return Outcome.APPLIED;
    }
}
