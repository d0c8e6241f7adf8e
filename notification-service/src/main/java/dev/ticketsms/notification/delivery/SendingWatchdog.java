package dev.ticketsms.notification.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Settles ledger rows left in SENDING: the process died during the Twilio call, or Twilio answered 5xx or timed out.
 * Sending again could text the member twice, so such rows are never resent; if Twilio did take the message its
 * status callback (which names the row) moves the row on. Rows with no word after {@code sending-timeout} are marked
 * FAILED "outcome unknown" and counted, for ops to look at.
 */
@Component
class SendingWatchdog {

    private static final Logger log = LoggerFactory.getLogger(SendingWatchdog.class);

    private final DeliveryLedger ledger;
    private final DeliveryMetrics metrics;
    private final Duration sendingTimeout;

    SendingWatchdog(DeliveryLedger ledger, DeliveryMetrics metrics,
                    @Value("${notifications.delivery.sending-timeout}") Duration sendingTimeout) {
        this.ledger = ledger;
        this.metrics = metrics;
        this.sendingTimeout = sendingTimeout;
    }

    @Scheduled(fixedDelayString = "${notifications.delivery.watchdog-interval}")
    void settleAbandonedSends() {
        int rows = ledger.giveUpSendingOlderThan(sendingTimeout);
        if (rows > 0) {
            metrics.gaveUpUnknown(rows);
            log.error("{} SMS had no answer from Twilio for {}; marked FAILED with outcome unknown, not resent",
                    rows, sendingTimeout);
        }
    }
}
