package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.recipients.Recipient;
import dev.ticketsms.notification.recipients.RecipientDirectory;
import dev.ticketsms.notification.slack.SlackWebhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Sends ledger rows that stayed PENDING with nobody working on them: their consumer lost the Kafka partition after
 * another consumer had already marked the event handled, the process stopped before a manual message went out, a
 * retry never came, or the reconciliation found that Twilio never had the message. Rows being retried are touched on
 * every attempt, so only rows left alone for {@code resend-pending-after} are taken. Each recipient is asked about
 * again first, with the question the event asked (opted out on the web, left the team, in quiet hours, another number
 * now: the row is SKIPPED), and a row is still sent only by whoever moves it from PENDING to SENDING.
 */
@Component
class PendingDeliveries {

    private static final Logger log = LoggerFactory.getLogger(PendingDeliveries.class);
    private static final int MESSAGES_PER_ROUND = 100;

    private final DeliveryLedger ledger;
    private final SmsDelivery delivery;
    private final RecipientDirectory directory;
    private final Clock clock;
    private final Duration resendAfter;
    private final SlackWebhooks slack;

    PendingDeliveries(DeliveryLedger ledger, SmsDelivery delivery, RecipientDirectory directory, Clock clock,
                      @Value("${notifications.delivery.resend-pending-after}") Duration resendAfter, SlackWebhooks slack) {
        this.slack = slack;
        this.ledger = ledger;
        this.delivery = delivery;
        this.directory = directory;
        this.clock = clock;
        this.resendAfter = resendAfter;
    }

    @Scheduled(fixedDelayString = "${notifications.delivery.watchdog-interval}", initialDelayString = "${notifications.delivery.watchdog-interval}")
    void sendLeftOvers() {
        ledger.skipExpired();
        ledger.waitingSince(clock.instant().minus(resendAfter), MESSAGES_PER_ROUND).forEach(this::send);
    }

    /** Sends the message's PENDING rows now, each recipient checked again first. */
    void send(OutgoingSms sms) {
        try {
            resume(sms);
        } catch (RuntimeException e) {
            log.warn("{} message {} still not fully sent; tried again next round: {}", sms.kind(), sms.eventId(),
                    e.getMessage());
        }
    }

    /**
     * Sends the message's PENDING rows now, each recipient checked again first.
     *
     * @throws DeliveryIncompleteException when some rows could not go out now; they are PENDING
     */
    void resume(OutgoingSms sms) {
        delivery.resume(sms, recipientsNow(sms));
    }

    /**
     * Who takes this message now, asked as the event asked; an admin's message to chosen users, and a quiet-hours
     * summary, ask about the users of its rows.
     */
    private List<Recipient> recipientsNow(OutgoingSms sms) {
        if (sms.kind() == DeliveryKind.PHONE_VERIFICATION) {
            // the number is nobody's recipient until it is verified: the code goes to the number it was asked for
            return sms.expiresAt() != null && sms.expiresAt().isAfter(clock.instant())
                    ? ledger.pendingRows(sms.eventId()).stream()
                            .map(row -> new Recipient(row.userId(), row.phoneNumber(), null)).toList()
                    : List.of();
        }
        if (sms.kind() == DeliveryKind.TICKET_ESCALATION) {
            return FollowUps.reachable(directory.smsRecipientsAmong(pendingUsers(sms)));
        }
        if (sms.kind().isTicketEvent()) {
            // the team's Slack channel, if it still has a webhook, is a recipient as the members are
            return slack.withTeamChannel(sms.teamId(), sms.severity(),
                    directory.smsRecipients(sms.teamId(), sms.severity(), sms.category(), sms.kind().preferenceEventType(), clock.instant()));
        }
        return sms.teamId() != null
                ? directory.smsRecipients(sms.teamId(), null, null, null, clock.instant())
                : directory.smsRecipientsAmong(pendingUsers(sms));
    }

    private List<String> pendingUsers(OutgoingSms sms) {
        return ledger.pendingRows(sms.eventId()).stream().map(DeliveryLedger.PendingRow::userId).toList();
    }
}
