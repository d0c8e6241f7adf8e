package dev.ticketsms.profile.profiles;

import static dev.ticketsms.events.Severity.CRITICAL;
import static dev.ticketsms.events.Severity.HIGH;
import static dev.ticketsms.events.Severity.LOW;
import static dev.ticketsms.events.Severity.MEDIUM;
import static dev.ticketsms.profile.profiles.TicketEventType.TICKET_CREATED;
import static dev.ticketsms.profile.profiles.TicketEventType.TICKET_STATUS_CHANGED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NotificationPreferencesTest {

    private static final Instant BERLIN_NOON = Instant.parse("2026-11-25T11:00:00Z");

    private static final Instant BERLIN_MIDNIGHT = Instant.parse("2026-11-25T23:00:00Z");

    @Test
    void theDefaultsLetEverythingThroughAtAnyTime() {
        var defaults = NotificationPreferences.DEFAULTS;

        assertThat(defaults.lets(new TicketNotification(LOW, "Billing", TICKET_STATUS_CHANGED), BERLIN_MIDNIGHT)).isTrue();
        assertThat(defaults.lets(TicketNotification.ANY, BERLIN_NOON)).isTrue();
    }

    @Test
    void ticketsBelowTheMinimumSeverityAreNotTexted() {
        var highAndAbove = new NotificationPreferences(HIGH, Set.of(), null, null);

        assertThat(highAndAbove.lets(new TicketNotification(MEDIUM, null, null), BERLIN_NOON)).isFalse();
        assertThat(highAndAbove.lets(new TicketNotification(HIGH, null, null), BERLIN_NOON)).isTrue();
        assertThat(highAndAbove.lets(new TicketNotification(CRITICAL, null, null), BERLIN_NOON)).isTrue();
    }

    @Test
    void mutedCategoriesMatchIgnoringCaseAndSurroundingSpace() {
        var noBilling = new NotificationPreferences(LOW, Set.of(" billing "), null, null);

        assertThat(noBilling.mutedCategories()).containsExactly("billing");
        assertThat(noBilling.lets(new TicketNotification(HIGH, "Billing", null), BERLIN_NOON)).isFalse();
        assertThat(noBilling.lets(new TicketNotification(HIGH, "BILLING ", null), BERLIN_NOON)).isFalse();
        assertThat(noBilling.lets(new TicketNotification(HIGH, "Technical", null), BERLIN_NOON)).isTrue();
    }

    @Test
    void onlyTheChosenEventTypesAreTexted() {
        var newTicketsOnly = new NotificationPreferences(LOW, Set.of(), Set.of(TICKET_CREATED), null);

        assertThat(newTicketsOnly.lets(new TicketNotification(LOW, null, TICKET_CREATED), BERLIN_NOON)).isTrue();
        assertThat(newTicketsOnly.lets(new TicketNotification(LOW, null, TICKET_STATUS_CHANGED), BERLIN_NOON)).isFalse();
    }

    @Test
    void quietHoursHoldBackEverythingButCriticalTickets() {
        var nights = new NotificationPreferences(LOW, Set.of(), null,
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Europe/Berlin")));

        assertThat(nights.lets(new TicketNotification(HIGH, "Technical", TICKET_CREATED), BERLIN_MIDNIGHT)).isFalse();
        assertThat(nights.lets(new TicketNotification(CRITICAL, "Technical", TICKET_CREATED), BERLIN_MIDNIGHT)).isTrue();
        assertThat(nights.lets(new TicketNotification(HIGH, "Technical", TICKET_CREATED), BERLIN_NOON)).isTrue();
        // without a severity nothing proves the ticket is critical
        assertThat(nights.lets(TicketNotification.ANY, BERLIN_MIDNIGHT)).isFalse();
    }

    @Test
    void criticalBreaksThroughQuietHoursButNotAMutedCategory() {
        var quietAndMuted = new NotificationPreferences(LOW, Set.of("Billing"), null,
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Europe/Berlin")));

        assertThat(quietAndMuted.lets(new TicketNotification(CRITICAL, "Billing", TICKET_CREATED), BERLIN_MIDNIGHT)).isFalse();
    }

    @Test
    void whatTheCallerDoesNotSayDoesNotFilter() {
        var picky = new NotificationPreferences(CRITICAL, Set.of("Billing"), Set.of(TICKET_CREATED), null);

        assertThat(picky.lets(TicketNotification.ANY, BERLIN_NOON)).isTrue();
    }
}
