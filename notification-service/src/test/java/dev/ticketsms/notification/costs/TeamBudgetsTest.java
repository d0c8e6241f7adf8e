package dev.ticketsms.notification.costs;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which budget a team has, and when its day starts. */
class TeamBudgetsTest {

    private static final UUID OPS = UUID.fromString("3f2b8c1e-0000-4000-8000-000000000001");
    private static final UUID SALES = UUID.fromString("3f2b8c1e-0000-4000-8000-000000000002");

    @Test
    void aTeamsOwnBudgetWinsOverTheOneForEveryTeam() {
        var budgets = new TeamBudgets(new TeamBudgets.Settings(new BigDecimal("5"), List.of(" " + OPS + " = 12.50 "), ZoneId.of("UTC")));

        assertThat(budgets.of(OPS)).contains(new DailyBudget(new BigDecimal("12.50")));
        assertThat(budgets.of(SALES)).contains(new DailyBudget(new BigDecimal("5")));
    }

    @Test
    void withoutAnyBudgetConfiguredNoTeamIsLimited() {
        var budgets = new TeamBudgets(new TeamBudgets.Settings(null, List.of(""), ZoneId.of("UTC")));

        assertThat(budgets.of(OPS)).isEmpty();
    }

    @Test
    void anEntryThatIsNoTeamAndAmountStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new TeamBudgets(new TeamBudgets.Settings(null, List.of("ops=5"), ZoneId.of("UTC"))))
                .hasMessageContaining("SMS_DAILY_BUDGET_TEAMS").hasMessageContaining("ops=5");
        assertThatThrownBy(() -> new TeamBudgets(new TeamBudgets.Settings(null, List.of(OPS + "=-1"), ZoneId.of("UTC"))))
                .hasMessageContaining("SMS_DAILY_BUDGET_TEAMS");
    }

    @Test
    void theBudgetDayStartsAtMidnightInTheConfiguredZone() {
        var berlin = new TeamBudgets(new TeamBudgets.Settings(null, List.of(), ZoneId.of("Europe/Berlin")));

        assertThat(berlin.dayStart(Instant.parse("2025-06-10T21:30:00Z"))).isEqualTo(Instant.parse("2025-06-09T22:00:00Z"));
        assertThat(berlin.dayStart(Instant.parse("2025-06-10T22:30:00Z"))).isEqualTo(Instant.parse("2025-06-10T22:00:00Z"));
    }
}
