package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.TicketStatusChanged;
import dev.ticketsms.notification.recipients.RecipientDirectory;
import dev.ticketsms.notification.slack.SlackWebhooks;
import dev.ticketsms.notification.templates.MessageTemplates;
import org.springframework.stereotype.Component;

/** A ticket moved (e.g. Open → Resolved): the team members who take status updates get "Ticket Status Updated". */
@Component
class NotifyTeamOnStatusChanged {

    private final RecipientDirectory recipients;
    private final MessageTemplates templates;
    private final SendingLanes delivery;
    private final SlackWebhooks slack;

    NotifyTeamOnStatusChanged(RecipientDirectory recipients, MessageTemplates templates, SendingLanes delivery,
                              SlackWebhooks slack) {
        this.slack = slack;
        this.recipients = recipients;
        this.templates = templates;
        this.delivery = delivery;
    }

    void on(TicketStatusChanged event) {
        var kind = DeliveryKind.TICKET_STATUS_CHANGED;
        delivery.deliver(
                OutgoingSms.about(event, kind, templates.ticketStatusChanged(event)),
                slack.withTeamChannel(event.teamId(), event.severity(),
                        recipients.smsRecipients(event.teamId(), event.severity(), event.category(), kind.preferenceEventType(), event.occurredAt())));
    }
}
