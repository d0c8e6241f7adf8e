package dev.ticketsms.notification.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Sends ledger rows that stayed PENDING with nobody working on them: their consumer lost the Kafka partition after
 * another consumer had already marked the event handled, the process stopped before a manual message went out, or
 * a retry never came. Rows being retried are touched on every attempt, so only rows left alone for
 * {@code resend-pending-after} are taken; a row is still sent only by whoever moves it from PENDING to SENDING.
 */
@Component
class PendingDeliveries {

    private static final Logger log = LoggerFactory.getLogger(PendingDeliveries.class);
    private static final int MESSAGES_PER_ROUND = 100;

    private final DeliveryLedger ledger;
    private final SmsDelivery delivery;
    private final Clock clock;
    private final Duration resendAfter;

    PendingDeliveries(DeliveryLedger ledger, SmsDelivery delivery, Clock clock,
                      @Value("${notifications.delivery.resend-pending-after}") Duration resendAfter) {
        this.ledger = ledger;
        this.delivery = delivery;
        this.clock = clock;
        this.resendAfter = resendAfter;
    }

    @Scheduled(fixedDelayString = "${notifications.delivery.watchdog-interval}", initialDelayString = "PT30S")
    void sendLeftOvers() {
        for (OutgoingSms sms : ledger.waitingSince(clock.instant().minus(resendAfter), MESSAGES_PER_ROUND)) {
            try {
                delivery.deliver(sms, ledger.pendingRecipients(sms.eventId()));
            } catch (RuntimeException e) {
                log.warn("{} message {} still not fully sent; tried again next round: {}", sms.kind(), sms.eventId(),
                        e.getMessage());
            }
        }
    }
}
