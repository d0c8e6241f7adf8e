package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.email.EmailNotSentException;
import dev.ticketsms.notification.email.EmailSender;
import dev.ticketsms.notification.recipients.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Sends a ledger row whose channel is EMAIL, with the same claim discipline as an SMS: the row moves from PENDING to
 * SENDING right before the SMTP exchange (one conditional UPDATE, with the same attempt cap), so a redelivered event,
 * a second consumer or a restart never sends it twice. What certainly did not leave (no SMTP connection, our
 * credentials refused) is handed back PENDING and tried again; an address the server refuses, and an exchange that
 * failed midway, are FAILED with the reason and never sent again. The subject is the message's first line, the text
 * the message as it would have been texted.
 */
@Component
class EmailDelivery {

    private static final Logger log = LoggerFactory.getLogger(EmailDelivery.class);

    private final DeliveryLedger ledger;
    private final EmailSender email;
    private final DeliveryMetrics metrics;

    EmailDelivery(DeliveryLedger ledger, EmailSender email, DeliveryMetrics metrics) {
        this.ledger = ledger;
        this.email = email;
        this.metrics = metrics;
    }

    /** @return why the row could not go out now (it is PENDING), or empty when it was settled one way or another */
    Optional<String> send(OutgoingSms sms, DeliveryLedger.PendingRow row, int maxAttempts) {
        if (!email.enabled()) {
            return Optional.of("no SMTP server is configured (spring.mail.host)");
        }
        if (!ledger.startSendingBesideSms(row.id(), maxAttempts, metrics)) {
            return Optional.empty();
        }
        EmailSender.Result result;
        try {
            result = email.send(row.email(), subject(sms), sms.body().text());
        } catch (EmailNotSentException e) {
            ledger.handBack(row.id());
            metrics.email("not_sent");
            return Optional.of(e.getMessage());
        }
        switch (result) {
            case EmailSender.Result.Sent ignored -> {
                ledger.delivered(row.id());
                metrics.email("sent");
                log.info("Email ({}) for event {} sent to {}", sms.kind(), sms.eventId(), Recipient.maskEmail(row.email()));
            }
            case EmailSender.Result.Rejected rejected -> {
                ledger.undelivered(row.id(), "the mail server refused the address: " + rejected.reason());
                metrics.email("rejected");
                log.warn("The mail server refused {} for event {}: {}", Recipient.maskEmail(row.email()), sms.eventId(),
                        rejected.reason());
            }
            case EmailSender.Result.OutcomeUnknown unknown -> {
                ledger.undelivered(row.id(), "outcome unknown, not sent again: " + unknown.reason());
                metrics.email("unknown");
                log.warn("Email for event {} to {} may or may not have been sent; not sent again: {}", sms.eventId(),
                        Recipient.maskEmail(row.email()), unknown.reason());
            }
        }
        return Optional.empty();
    }

    private static String subject(OutgoingSms sms) {
        String text = sms.body().text().strip();
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end).strip();
        return first.length() > 120 ? first.substring(0, 120) : first;
    }
}
