package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.recipients.Recipient;
import dev.ticketsms.notification.templates.MessageTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sends what was held for a member once its time has come: the end of their quiet hours, of the window that limits
 * how many SMS one ticket may send them, or of a status change's coalescing window (the ticket's later changes still
 * waiting go with it). One held ticket update goes out as it was; several become one
 * summary SMS, a line per ticket with where it stands now (a ticket opened and closed meanwhile, or flipped back and
 * forth, is announced once, as it ended), and the held rows are SKIPPED naming the summary. An admin's message goes
 * out as it was. Held rows are taken under a row lock within a transaction (another replica passes them
 * over) and the summary's id is derived from the rows it replaces, so a restart or a second replica never sends it
 * twice; the summary is then sent through the ledger like any message, its recipient checked again.
 */
@Component
class HeldDeliveries {

    private static final Logger log = LoggerFactory.getLogger(HeldDeliveries.class);
    private static final int MEMBERS_PER_ROUND = 100;

    private final DeliveryLedger ledger;
    private final PendingDeliveries pending;
    private final MessageTemplates templates;
    private final TransactionTemplate transactions;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    HeldDeliveries(DeliveryLedger ledger, PendingDeliveries pending, MessageTemplates templates,
                      TransactionTemplate transactions, DeliveryMetrics metrics, Clock clock) {
        this.ledger = ledger;
        this.pending = pending;
        this.templates = templates;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${notifications.delivery.held-release-interval}", initialDelayString = "${notifications.delivery.held-release-interval}")
    void releaseDue() {
        Instant now = clock.instant();
        for (String userId : ledger.usersWithHeldDue(now, MEMBERS_PER_ROUND)) {
            List<UUID> released = transactions.execute(status -> release(userId, ledger.takeHeldDue(userId, now), now));
            for (UUID eventId : released) {
                ledger.message(eventId).ifPresent(pending::send);
            }
        }
    }

    /** @return the messages to send now */
    private List<UUID> release(String userId, List<DeliveryLedger.HeldRow> held, Instant now) {
        var ticketUpdates = held.stream().filter(row -> row.kind().isTicketEvent()).toList();
        var asTheyWere = new ArrayList<>(held.stream().filter(row -> !row.kind().isTicketEvent()).toList());
        var messages = new ArrayList<UUID>();
        if (ticketUpdates.size() > 1) {
            messages.add(summarize(userId, ticketUpdates, now));
        } else {
            asTheyWere.addAll(ticketUpdates);
        }
        if (!asTheyWere.isEmpty()) {
            ledger.release(asTheyWere.stream().map(DeliveryLedger.HeldRow::id).toList());
            metrics.heldReleased("released", asTheyWere.size());
            asTheyWere.stream().map(DeliveryLedger.HeldRow::eventId).distinct().forEach(messages::add);
        }
        return messages;
    }

    private UUID summarize(String userId, List<DeliveryLedger.HeldRow> updates, Instant now) {
        // the latest update of each ticket says where it stands
        Map<UUID, DeliveryLedger.HeldRow> latest = new LinkedHashMap<>();
        updates.forEach(row -> {
            latest.remove(row.ticketId());
            latest.put(row.ticketId(), row);
        });
        var lines = latest.values().stream()
                .map(row -> new MessageTemplates.SummaryLine(row.ticket().title(), row.severity(), row.ticket().status()))
                .toList();
        List<Long> ids = updates.stream().map(DeliveryLedger.HeldRow::id).toList();
        UUID summaryId = UUID.nameUUIDFromBytes(("held-summary " + userId + " "
                + ids.stream().map(String::valueOf).collect(Collectors.joining(","))).getBytes(StandardCharsets.UTF_8));
        var summary = new OutgoingSms(summaryId, DeliveryKind.HELD_SUMMARY, null, null, now, null,
                templates.heldSummary(updates.stream().anyMatch(row -> row.reason() == HoldReason.QUIET_HOURS), lines),
                null, null, null);
        ledger.claim(summary, new Recipient(userId, updates.getLast().phoneNumber(), null));
        ledger.summarized(ids, summaryId);
        metrics.heldReleased("summarized", ids.size());
        log.info("{} held ticket updates for {} become one summary SMS ({} tickets)", ids.size(),
                Recipient.mask(updates.getLast().phoneNumber()), lines.size());
        return summaryId;
    }
}
