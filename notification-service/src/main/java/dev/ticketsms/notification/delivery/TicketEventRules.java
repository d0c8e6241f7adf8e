package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.TicketStatusChanged;

import java.util.ArrayList;
import java.util.List;

/** What a ticket event must carry before anyone is texted about it. */
final class TicketEventRules {

    private TicketEventRules() {
    }

    /** @throws InvalidTicketEventException naming every missing or impossible field */
    static void check(TicketEvent event) {
        var problems = new ArrayList<String>();
        required(problems, "eventId", event.eventId());
        required(problems, "occurredAt", event.occurredAt());
        required(problems, "ticketId", event.ticketId());
        required(problems, "teamId", event.teamId());
        if (event.ticketVersion() < 0) {
            problems.add("ticketVersion must not be negative");
        }
        switch (event) {
            case TicketCreated created -> {
                text(problems, "title", created.title());
                required(problems, "severity", created.severity());
                text(problems, "category", created.category());
            }
            case TicketStatusChanged changed -> {
                text(problems, "title", changed.title());
                required(problems, "severity", changed.severity());
                required(problems, "fromStatus", changed.fromStatus());
                required(problems, "toStatus", changed.toStatus());
                if (changed.fromStatus() != null && changed.fromStatus() == changed.toStatus()) {
                    problems.add("toStatus must differ from fromStatus");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTicketEventException("Invalid " + event.getClass().getSimpleName() + ": " + String.join(", ", problems));
        }
    }

    private static void required(List<String> problems, String field, Object value) {
        if (value == null) {
            problems.add(field + " is missing");
        }
    }

    private static void text(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is missing");
        }
    }
}
