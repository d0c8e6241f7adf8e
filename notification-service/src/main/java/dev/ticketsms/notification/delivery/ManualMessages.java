package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.recipients.Recipient;
import dev.ticketsms.notification.recipients.RecipientDirectory;
import dev.ticketsms.notification.templates.SmsBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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

    /**
     * Exactly one of {@code teamId} and {@code userIds} is set.
     *
     * @param idempotent whether {@code requestId} comes from the client's Idempotency-Key (so a repeat is expected)
     */
    public record Request(UUID requestId, String requestedBy, UUID teamId, List<String> userIds, String body,
                          boolean idempotent) {

        /** What the request asks for, so a reused key can be told from a retry of the same request. */
        String fingerprint() {
            String canonical = String.join("\u0000", String.valueOf(teamId),
                    userIds == null ? "" : String.join("\u0001", userIds), body);
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The Idempotency-Key was used before for a different request; nothing was sent. */
    public static class KeyReusedException extends RuntimeException {
        KeyReusedException() {
            super("Idempotency-Key already used for a different request");
        }
    }

    /** @param recipients how many members will get it (opted in, with a usable number) */
    public record Accepted(UUID requestId, int recipients, SmsBody body) {
    }

    private final RecipientDirectory directory;
    private final DeliveryLedger ledger;
    private final SmsDelivery delivery;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    ManualMessages(RecipientDirectory directory, DeliveryLedger ledger, SmsDelivery delivery,
                   TransactionTemplate transactions, Clock clock, JdbcClient jdbc) {
        this.directory = directory;
        this.ledger = ledger;
        this.delivery = delivery;
        this.transactions = transactions;
        this.clock = clock;
        this.jdbc = jdbc;
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
        if (request.idempotent()) {
            Optional<Accepted> earlier = earlierAnswer(request, body);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Instant now = clock.instant();
        List<Recipient> recipients = request.teamId() != null
                ? directory.smsRecipients(request.teamId(), null, null, null, now)
                : directory.smsRecipientsAmong(request.userIds());
        OutgoingSms sms = OutgoingSms.manual(request.requestId(), request.teamId(), now, request.requestedBy(), body);
        boolean first = Boolean.TRUE.equals(transactions.execute(status -> {
            if (request.idempotent() && !remember(request, now)) {
                return false;
            }
            ledger.claim(sms, recipients);
            return true;
        }));
        if (!first) {
            // the same key arrived twice at once: the other request stored it
            return earlierAnswer(request, body).orElseThrow(KeyReusedException::new);
        }
        background.submit(() -> deliverQuietly(sms, recipients));
        return new Accepted(request.requestId(), recipients.size(), body);
    }

    /**
     * Whether this request was accepted before under its Idempotency-Key (a client retry: answered again, not sent
     * again, and not counted against the caller's limit).
     *
     * @throws KeyReusedException when the key was used for a different request
     */
    public boolean alreadyAccepted(Request request) {
        return request.idempotent() && earlierAnswer(request, SmsBody.of(request.body())).isPresent();
    }

    /**
     * @return the answer given to this request before, if its key was used already
     * @throws KeyReusedException when the key was used for a different request
     */
    private Optional<Accepted> earlierAnswer(Request request, SmsBody body) {
        return jdbc.sql("SELECT fingerprint FROM manual_requests WHERE request_id = ?").param(request.requestId())
                .query(String.class).optional()
                .map(fingerprint -> {
                    if (!fingerprint.equals(request.fingerprint())) {
                        throw new KeyReusedException();
                    }
                    int recipients = jdbc.sql("SELECT count(*) FROM deliveries WHERE event_id = ?")
                            .param(request.requestId()).query(Integer.class).single();
                    return new Accepted(request.requestId(), recipients, body);
                });
    }

    /** @return whether the key is new (stored now, with the request's fingerprint) */
    private boolean remember(Request request, Instant now) {
        return jdbc.sql("""
                        INSERT INTO manual_requests (request_id, requested_by, fingerprint, created_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING""")
                .params(request.requestId(), request.requestedBy(), request.fingerprint(), Timestamp.from(now))
                .update() > 0;
    }

    private void deliverQuietly(OutgoingSms sms, List<Recipient> recipients) {
        try {
            delivery.deliver(sms, recipients);
        } catch (RuntimeException e) {
            log.warn("Manual message {} not fully sent yet; it is resumed within minutes: {}", sms.eventId(), e.getMessage());
        }
    }
}
