package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.notification.recipients.RecipientDirectory;
import dev.ticketsms.notification.slack.SlackWebhooks;
import dev.ticketsms.notification.templates.MessageTemplates;
import org.springframework.stereotype.Component;

/** A new ticket: every team member whose preferences take it gets the "New Support Ticket Created" SMS once. */
@Component
class NotifyTeamOnTicketCreated {

    private final RecipientDirectory recipients;
    private final MessageTemplates templates;
    private final SendingLanes delivery;
    private final SlackWebhooks slack;

    NotifyTeamOnTicketCreated(RecipientDirectory recipients, MessageTemplates templates, SendingLanes delivery,
                              SlackWebhooks slack) {
        this.slack = slack;
        this.recipients = recipients;
        this.templates = templates;
        this.delivery = delivery;
    }

    void on(TicketCreated event) {
        var kind = DeliveryKind.TICKET_CREATED;
        delivery.deliver(
                OutgoingSms.about(event, kind, templates.ticketCreated(event)),
                slack.withTeamChannel(event.teamId(), event.severity(),
                        recipients.smsRecipients(event.teamId(), event.severity(), event.category(), kind.preferenceEventType(), event.occurredAt())));
    }
}
