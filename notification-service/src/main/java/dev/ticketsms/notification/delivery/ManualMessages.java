package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.recipients.Recipient;
import dev.ticketsms.notification.recipients.RecipientDirectory;
import dev.ticketsms.notification.templates.SmsBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An admin's SMS to a team or to chosen users ({@code POST /api/sms/send}); never to a number the caller types in.
 * Recipients come from profile-service, so opt-outs and missing or unusable numbers are respected as for tickets.
 * Its ledger rows, each with the rendered body, are stored before the caller hears "accepted", then sent in the background
 * through the same ledger, limits and metrics as ticket notifications; {@link PendingDeliveries} finishes what a
 * restart or an outage left unsent.
 */
@Component
public class ManualMessages {

    private static final Logger log = LoggerFactory.getLogger(ManualMessages.class);

    /** Exactly one of {@code teamId} and {@code userIds} is set. */
    public record Request(UUID requestId, String requestedBy, UUID teamId, List<String> userIds, String body) {
    }

    /** @param recipients how many members will get it (opted in, with a usable number) */
    public record Accepted(UUID requestId, int recipients, SmsBody body) {
    }

    private final RecipientDirectory directory;
    private final DeliveryLedger ledger;
    private final SmsDelivery delivery;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    ManualMessages(RecipientDirectory directory, DeliveryLedger ledger, SmsDelivery delivery,
                   TransactionTemplate transactions, Clock clock) {
        this.directory = directory;
        this.ledger = ledger;
        this.delivery = delivery;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Stores one PENDING row per recipient (with the body), then sends in the background. The same request id
     * sent again (a client retry with the same Idempotency-Key) stores and sends nothing more.
     *
     * @throws dev.ticketsms.notification.recipients.RecipientsUnavailableException when profile-service cannot answer;
     *                                                                               nothing was accepted then
     */
    public Accepted send(Request request) {
        SmsBody body = SmsBody.of(request.body());
        Instant now = clock.instant();
        List<Recipient> recipients = request.teamId() != null
                ? directory.smsRecipients(request.teamId(), null, null, null, now)
                : directory.smsRecipientsAmong(request.userIds());
        OutgoingSms sms = OutgoingSms.manual(request.requestId(), request.teamId(), now, request.requestedBy(), body);
        transactions.executeWithoutResult(status -> recipients.forEach(recipient -> ledger.claim(sms, recipient)));
        background.submit(() -> deliverQuietly(sms, recipients));
        return new Accepted(request.requestId(), recipients.size(), body);
    }

    private void deliverQuietly(OutgoingSms sms, List<Recipient> recipients) {
        try {
            delivery.deliver(sms, recipients);
        } catch (RuntimeException e) {
            log.warn("Manual message {} not fully sent yet; it is resumed within minutes: {}", sms.eventId(), e.getMessage());
        }
    }
}
