package dev.ticketsms.notification.templates;

import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketCreated;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import java.util.Locale;
import java.util.UUID;

/**
 * Renders the SMS bodies in the seed's formats. The seed's leading emoji is left out on purpose: one emoji turns
 * the whole message into UCS-2, which triples the segments (and the bill) of a typical ticket message.
 */
@Component
public class MessageTemplates {

    /**
     * @param ticketUrlTemplate link to a ticket in the frontend; {@code {ticketId}} is replaced by the ticket's id
     */
    @Validated
    @ConfigurationProperties("notifications.templates")
    record TemplateProperties(@NotBlank String ticketUrlTemplate) {
    }

    private final TemplateProperties properties;

    MessageTemplates(TemplateProperties properties) {
        this.properties = properties;
    }

    public String ticketCreated(TicketCreated event) {
        return """
                New Support Ticket Created
                Title: %s
                Severity: %s
                Category: %s
                Created by: %s

                View ticket: %s""".formatted(event.title(), label(event.severity()), event.category(),
                event.createdByName(), ticketLink(event.ticketId()));
    }

    String ticketLink(UUID ticketId) {
        return properties.ticketUrlTemplate().replace("{ticketId}", ticketId.toString());
    }

    private static String label(Severity severity) {
        String name = severity.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
