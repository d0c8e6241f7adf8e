package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.events.TicketStatusChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A team's daily SMS budget against the real ledger: each accepted SMS is priced by its destination country, and a
 * non-CRITICAL ticket message that would take the team over its budget is not sent as SMS to anyone (SKIPPED with the
 * reason), while a CRITICAL one still goes.
 */
@TestPropertySource(properties = {
        "notifications.pricing.countries.de=0.0792",
        "notifications.budget.teams=" + SmsBudgetIntegrationTest.TEAM + "=0.20"})
class SmsBudgetIntegrationTest extends DeliveryIntegrationTest {

    static final String TEAM = "5b7c2d9e-0000-4000-8000-00000000b0d9";
    private static final String US = "+14155550851";
    private static final String DE = "+4915112340851";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    MeterRegistry meters;

    @Test
    void ticketSmsOverTheTeamsDailyBudgetAreSkippedWithTheReasonAndCriticalOnesStillGo() {
        UUID team = UUID.fromString(TEAM);
        upstreams.teamHas(TEAM, """
                [{"userId":"budget-us","phoneNumber":"%s","displayName":"US member"},
                 {"userId":"budget-de","phoneNumber":"%s","displayName":"DE member"}]""".formatted(US, DE));

        // before sending, the body's two segments are estimated: 2 x 0.0083 to the US number, 2 x 0.0792 to the German
        // one, 0.175 in all, within 0.20
        TicketCreated first = publish(ticket(team, Severity.HIGH));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(first)).containsExactly("SENT", "SENT"));
        // once accepted, the segments Twilio counted are what it bills (the fake Twilio says 1 for every message)
        assertThat(ledger(first)).extracting(row -> row.get("segments")).containsOnly(1);
        assertThat(costs(first)).containsExactlyInAnyOrderEntriesOf(Map.of(US, new BigDecimal("0.0083"), DE, new BigDecimal("0.0792")));

        // 0.0875 spent and another 0.175 would make 0.2625 of 0.20
        TicketCreated second = publish(ticket(team, Severity.HIGH));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(second)).containsExactly("SKIPPED", "SKIPPED"));
        assertThat(ledger(second)).allSatisfy(row -> assertThat((String) row.get("error_message"))
                .isEqualTo("over the team's daily SMS budget: 0.20 USD, 0.0875 spent today, this message 0.175"));

        TicketCreated critical = publish(ticket(team, Severity.CRITICAL));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(critical)).containsExactly("SENT", "SENT"));

        TicketStatusChanged update = publish(statusChanged(second, 1, TicketStatus.OPEN, TicketStatus.IN_PROGRESS));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(update)).containsExactly("SKIPPED", "SKIPPED"));

        assertThat(sentTo(US)).hasSize(2);
        assertThat(sentTo(DE)).hasSize(2);
        assertThat(meters.find("notifications.sms.budget.withheld").tag("team", TEAM).counter())
                .isNotNull().extracting(Counter::count).isEqualTo(4.0);
        assertThat(meters.find("notifications.sms.cost.estimated").tag("team", TEAM).counter())
                .isNotNull().extracting(Counter::count)
                .satisfies(cost -> assertThat(cost).isCloseTo(0.175, org.assertj.core.data.Offset.offset(1e-9)));
    }

    private static TicketCreated ticket(UUID team, Severity severity) {
        return new TicketCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), team, 0,
                "Broken login", severity, "Auth", "user-1", "Jane Roe");
    }

    private Map<Object, BigDecimal> costs(TicketCreated event) {
        return ledger(event).stream().collect(java.util.stream.Collectors.toMap(row -> row.get("phone_number"),
                row -> ((BigDecimal) row.get("estimated_cost")).stripTrailingZeros()));
    }
}
