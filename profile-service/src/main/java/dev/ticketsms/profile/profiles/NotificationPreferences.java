package dev.ticketsms.profile.profiles;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.ticketsms.events.Severity;

/**
 * Which ticket notifications a member wants, beyond the overall opt-in: tickets of at least
 * {@code minimumSeverity}, not in a muted category (compared ignoring case), of the chosen event types, and
 * outside their quiet hours unless the ticket is CRITICAL; and by which channel for each severity.
 *
 * @param quietHours      null when the member has none
 * @param emailSeverities the severities the member wants by email instead of SMS; none by default
 */
public record NotificationPreferences(Severity minimumSeverity, Set<String> mutedCategories,
                                      Set<TicketEventType> eventTypes, QuietHours quietHours,
                                      Set<Severity> emailSeverities) {

    public static final NotificationPreferences DEFAULTS = new NotificationPreferences(
            Severity.LOW, Set.of(), EnumSet.allOf(TicketEventType.class), null, Set.of());

    /** Everything by SMS. */
    public NotificationPreferences(Severity minimumSeverity, Set<String> mutedCategories,
                                   Set<TicketEventType> eventTypes, QuietHours quietHours) {
        this(minimumSeverity, mutedCategories, eventTypes, quietHours, Set.of());
    }

    public NotificationPreferences {
        minimumSeverity = minimumSeverity == null ? Severity.LOW : minimumSeverity;
        // sorted and case-insensitive: "billing" mutes "Billing"; of two spellings the first given is kept
        var categories = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (mutedCategories != null) {
            mutedCategories.stream().map(String::strip).forEach(categories::add);
        }
        mutedCategories = Collections.unmodifiableSet(categories);
        eventTypes = eventTypes == null ? Set.copyOf(EnumSet.allOf(TicketEventType.class)) : Set.copyOf(eventTypes);
        emailSeverities = emailSeverities == null ? Set.of() : Set.copyOf(emailSeverities);
    }

    /** The channel the member chose for tickets of this severity; SMS for a notification without one. */
    public NotificationChannel channelFor(Severity severity) {
        return severity != null && emailSeverities.contains(severity) ? NotificationChannel.EMAIL : NotificationChannel.SMS;
    }

    /** Whether this notification, sent at {@code now}, reaches the member. */
    public boolean lets(TicketNotification notification, Instant now) {
        return wants(notification) && heldBackUntil(notification, now).isEmpty();
    }

    /** Whether the member wants this notification at all, at some time: everything but quiet hours. */
    public boolean wants(TicketNotification notification) {
        if (notification.severity() != null && notification.severity().compareTo(minimumSeverity) < 0) {
            return false;
        }
        if (notification.category() != null && mutedCategories.contains(notification.category().strip())) {
            return false;
        }
        return notification.eventType() == null || eventTypes.contains(notification.eventType());
    }

    /**
     * When quiet hours stop holding this notification back: empty when they do not hold it back at {@code now}
     * (no quiet hours, outside them, or a CRITICAL ticket).
     */
    public Optional<Instant> heldBackUntil(TicketNotification notification, Instant now) {
        if (quietHours == null || notification.isCritical()) {
            return Optional.empty();
        }
        return quietHours.endOfWindowAt(now);
    }
}
