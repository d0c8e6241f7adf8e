package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.recipients.Recipient;
import dev.ticketsms.notification.sms.SmsLookupFailedException;
import dev.ticketsms.notification.sms.TwilioProperties;
import dev.ticketsms.notification.sms.TwilioRoutes;
import dev.ticketsms.notification.sms.TwilioSmsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Settles rows whose request went out without an answer that says what happened: Twilio answered 5xx or the read
 * timed out (UNKNOWN), or the process died mid-request (left SENDING). Each is looked up in the Messages list of the
 * account its request went to (the row's route; by To, From and the time of the attempt, matched on the body); a row
 * whose route is no longer configured stays as it is, since no other account can say what became of it. If Twilio has it, the row takes its SID and
 * status; if Twilio certainly does not, the row is PENDING again and {@link PendingDeliveries} sends it, until the
 * row's attempts are used up (then FAILED, with the reason). A status callback that names the row settles it first.
 * Rows are looked up only after {@code reconcile-after}, so Twilio's list has caught up with what it accepted; a row
 * still SENDING is taken only once no live request can still be waiting for its answer.
 */
@Component
class UnknownOutcomes {

    private static final Logger log = LoggerFactory.getLogger(UnknownOutcomes.class);
    private static final int ROWS_PER_ROUND = 200;
    /** Beyond the request's own timeouts, before a SENDING row counts as abandoned by a dead process. */
    private static final Duration ABANDONED_MARGIN = Duration.ofSeconds(5);

    private final DeliveryLedger ledger;
    private final TwilioRoutes routes;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Duration reconcileAfter;
    private final Duration abandonedAfter;
    private final int maxAttempts;

    UnknownOutcomes(DeliveryLedger ledger, TwilioRoutes routes, DeliveryMetrics metrics, Clock clock,
                    TwilioProperties twilioProperties, SmsDelivery.Rules rules,
                    @Value("${notifications.delivery.reconcile-after}") Duration reconcileAfter) {
        this.ledger = ledger;
        this.routes = routes;
        this.metrics = metrics;
        this.clock = clock;
        this.reconcileAfter = reconcileAfter;
        Duration longestRequest = twilioProperties.poolWaitTimeout().plus(twilioProperties.connectTimeout())
                .plus(twilioProperties.readTimeout()).plus(ABANDONED_MARGIN);
        this.abandonedAfter = reconcileAfter.compareTo(longestRequest) > 0 ? reconcileAfter : longestRequest;
        this.maxAttempts = rules.maxAttempts();
    }

    @Scheduled(fixedDelayString = "${notifications.delivery.watchdog-interval}", initialDelayString = "${notifications.delivery.watchdog-interval}")
    void reconcile() {
        Instant now = clock.instant();
        int abandoned = ledger.failAbandonedUnaskable(now.minus(abandonedAfter));
        if (abandoned > 0) {
            log.warn("{} emails or Slack posts left SENDING by a stopped process are FAILED, not sent again (neither SMTP nor Slack can say whether they went out)",
                    abandoned);
        }
        metrics.unsettled(ledger.countUnsettled(now.minus(abandonedAfter)));
        for (DeliveryLedger.UnsettledRow row : ledger.unsettled(now.minus(reconcileAfter), now.minus(abandonedAfter), ROWS_PER_ROUND)) {
            try {
                settle(row);
            } catch (SmsLookupFailedException e) {
                log.warn("Outcome of SMS {} to {} still unknown, Twilio's list cannot be read now: {}", row.id(),
                        Recipient.mask(row.phoneNumber()), e.getMessage());
                return;
            }
        }
    }

    private void settle(DeliveryLedger.UnsettledRow row) {
        Optional<TwilioSmsGateway> twilio = routes.gateway(row.route());
        if (twilio.isEmpty()) {
            log.error("Outcome of SMS {} to {} unknown and its route {} is not configured any more: it stays unsettled",
                    row.id(), Recipient.mask(row.phoneNumber()), row.route().tag());
            return;
        }
        Optional<TwilioSmsGateway.HeldMessage> held = twilio.get().findSent(row.phoneNumber(), row.body(), row.attemptedAt(),
                sid -> ledger.sidElsewhere(sid, row.id()));
        if (held.isPresent()) {
            var message = held.get();
            DeliveryStatus status = StatusCallback.ledgerStatus(message.status()).orElse(DeliveryStatus.SENT);
            if (ledger.settleFound(row.id(), status, message.sid(), message.status(), message.segments())) {
                metrics.reconciled(DeliveryMetrics.Reconciled.FOUND);
                log.info("SMS {} to {}: Twilio has it as {} ({}); settled, not sent again", row.id(),
                        Recipient.mask(row.phoneNumber()), message.sid(), message.status());
            }
            return;
        }
        ledger.notAtTwilio(row.id(), maxAttempts).ifPresent(status -> {
            if (status == DeliveryStatus.PENDING) {
                metrics.reconciled(DeliveryMetrics.Reconciled.RESENT);
                log.warn("SMS {} to {}: Twilio has no record of it; it is sent again", row.id(), Recipient.mask(row.phoneNumber()));
            } else {
                metrics.reconciled(DeliveryMetrics.Reconciled.GAVE_UP);
                metrics.gaveUp();
                log.error("SMS {} to {}: Twilio has no record of it and its {} attempts are used up; FAILED", row.id(),
                        Recipient.mask(row.phoneNumber()), row.attempts());
            }
        });
    }
}
