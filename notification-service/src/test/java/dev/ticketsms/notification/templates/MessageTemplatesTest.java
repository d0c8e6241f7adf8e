package dev.ticketsms.notification.templates;

import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketCreated;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTemplatesTest {

    private final MessageTemplates templates =
            new MessageTemplates(new MessageTemplates.TemplateProperties("https://support.example.com/tickets/{ticketId}"));

    @Test
    void ticketCreatedFollowsTheSeedFormatWithALinkToTheTicket() {
        UUID ticketId = UUID.fromString("0b7e7f4c-3a51-4c1e-9d8e-2f1a6b4c5d01");
        var event = new TicketCreated(UUID.randomUUID(), Instant.now(), ticketId, UUID.randomUUID(), 0,
                "Database Connection Issue", Severity.CRITICAL, "Technical", "user-42", "John Doe");

        assertThat(templates.ticketCreated(event)).isEqualTo("""
                New Support Ticket Created
                Title: Database Connection Issue
                Severity: Critical
                Category: Technical
                Created by: John Doe

                View ticket: https://support.example.com/tickets/0b7e7f4c-3a51-4c1e-9d8e-2f1a6b4c5d01""");
    }

    @Test
    void theDefaultBodyStaysInTheGsm7AlphabetSoItIsNotBilledAsUcs2() {
        var event = new TicketCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), 0,
                "Printer jam", Severity.LOW, "Hardware", "u", "Ann");

        assertThat(templates.ticketCreated(event)).matches("[A-Za-z0-9 :/.\\-\\n]+");
    }
}
