package dev.ticketsms.notification.delivery;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts on dead letters, refused credentials, reconciliations and team budgets read {@code increase(...) > 0}.
 * Prometheus sees no increase in a counter whose first sample is already 1, so each of these series must be scraped
 * at 0 before its first event, or the first dead letter after a start never alerts.
 */
class AlertedCountersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    // the price table is only read when an accepted SMS is counted, which this test does not do
    private final DeliveryMetrics metrics = new DeliveryMetrics(registry, Clock.systemUTC(), null);

    @Test
    void everyDeadLetterReasonIsCountedFromZeroBeforeTheFirstDeadLetter() {
        for (String reason : new String[] {"unreadable", "invalid", "failed"}) {
            assertThat(registry.get("notifications.dead.letters").tag("reason", reason).counter().count()).isZero();
        }
        metrics.deadLettered(ListenerErrorHandling.deadLetterReason(new InvalidTicketEventException("no team")));
        assertThat(registry.get("notifications.dead.letters").tag("reason", "invalid").counter().count()).isEqualTo(1);
    }

    @Test
    void refusedCredentialsAndReconciliationsAreCountedFromZero() {
        assertThat(registry.get("notifications.sms.attempts")
                .tags("outcome", "not_sent", "error_code", "sender_refused", "route", "primary").counter().count()).isZero();
        for (String outcome : new String[] {"found", "resent", "gave_up"}) {
            assertThat(registry.get("notifications.deliveries.reconciled").tag("outcome", outcome).counter().count()).isZero();
        }
    }

    @Test
    void aTeamWithABudgetHasItsWithheldCounterAtZeroFromItsFirstCheckedMessage() {
        UUID team = UUID.randomUUID();
        assertThat(registry.find("notifications.sms.budget.withheld").tag("team", team.toString()).counter()).isNull();

        metrics.budgetWatched(team);
        assertThat(registry.get("notifications.sms.budget.withheld").tag("team", team.toString()).counter().count()).isZero();

        metrics.overBudget(team, 3);
        assertThat(registry.get("notifications.sms.budget.withheld").tag("team", team.toString()).counter().count()).isEqualTo(3);
    }
}
