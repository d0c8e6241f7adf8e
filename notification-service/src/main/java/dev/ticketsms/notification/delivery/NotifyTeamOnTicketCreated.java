package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.notification.recipients.Recipient;
import dev.ticketsms.notification.recipients.RecipientDirectory;
import dev.ticketsms.notification.sms.SmsNotSentException;
import dev.ticketsms.notification.sms.SmsResult;
import dev.ticketsms.notification.sms.TwilioSmsGateway;
import dev.ticketsms.notification.templates.MessageTemplates;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A new ticket: every team member who opted in with a phone number gets the "New Support Ticket Created" SMS,
 * exactly once per member however often the event arrives.
 */
@Component
class NotifyTeamOnTicketCreated {

    private static final Logger log = LoggerFactory.getLogger(NotifyTeamOnTicketCreated.class);

    private final RecipientDirectory recipients;
    private final MessageTemplates templates;
    private final DeliveryLedger ledger;
    private final TwilioSmsGateway sms;
    private final MeterRegistry meters;

    NotifyTeamOnTicketCreated(RecipientDirectory recipients, MessageTemplates templates, DeliveryLedger ledger,
                              TwilioSmsGateway sms, MeterRegistry meters) {
        this.recipients = recipients;
        this.templates = templates;
        this.ledger = ledger;
        this.sms = sms;
        this.meters = meters;
    }

    void on(TicketCreated event) {
        List<Recipient> team = recipients.smsRecipients(event.teamId(), event.severity(), event.category(), "TICKET_CREATED");
        team.forEach(recipient -> ledger.claim(event.eventId(), event.ticketId(), recipient));
        String body = templates.ticketCreated(event);
        for (Recipient recipient : team) {
            ledger.startSending(event.eventId(), recipient.userId())
                    .ifPresent(delivery -> send(delivery, recipient, body, event));
        }
    }

    private void send(long delivery, Recipient recipient, String body, TicketCreated event) {
        SmsResult result;
        try {
            result = sms.send(recipient.phoneNumber(), body);
        } catch (SmsNotSentException e) {
            ledger.release(delivery);
            countAttempt("not_sent", "none");
            throw e;
        }
        ledger.record(delivery, result);
        switch (result) {
            case SmsResult.Accepted accepted -> {
                countAttempt("sent", "none");
                log.info("SMS {} for ticket {} sent to {} ({} segments)", accepted.sid(), event.ticketId(),
                        recipient.maskedPhoneNumber(), accepted.segments());
            }
            case SmsResult.Rejected rejected -> {
                countAttempt("rejected", String.valueOf(rejected.errorCode()));
                log.warn("Twilio rejected the SMS for ticket {} to {}: {} {}", event.ticketId(),
                        recipient.maskedPhoneNumber(), rejected.errorCode(), rejected.message());
            }
            case SmsResult.OutcomeUnknown unknown -> {
                countAttempt("unknown", "none");
                log.error("SMS for ticket {} to {} may or may not have been sent; not retried: {}", event.ticketId(),
                        recipient.maskedPhoneNumber(), unknown.reason());
            }
        }
    }

    private void countAttempt(String outcome, String errorCode) {
        meters.counter("notifications.sms.attempts", "outcome", outcome, "error_code", errorCode).increment();
    }
}
