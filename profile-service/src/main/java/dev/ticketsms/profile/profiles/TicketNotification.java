package dev.ticketsms.profile.profiles;

import dev.ticketsms.events.Severity;

/**
 * What notification-service is about to text; a null part is unknown and passes every preference about it
 * (callers that do not send it yet keep getting everyone who opted in).
 */
public record TicketNotification(Severity severity, String category, TicketEventType eventType) {

    public static final TicketNotification ANY = new TicketNotification(null, null, null);

    boolean isCritical() {
        return severity == Severity.CRITICAL;
    }
}
