package dev.ticketsms.notification.costs;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Each team's daily SMS budget ({@code notifications.budget}): one for every team, and any team's own, both in the
 * pricing currency; none configured means no limit. A day starts at midnight in {@code zone}. Configuration rather
 * than a team setting in profile-service: a budget is an operator's decision about the company's Twilio bill, changed
 * rarely, and needs no API, no permission model and no event between the services.
 */
@Component
public class TeamBudgets {

    /**
     * @param dailyPerTeam every team's budget per day; none when not set
     * @param teams        budgets of single teams as {@code <team id>=<amount>}, over {@code dailyPerTeam}
     * @param zone         where a budget day starts and ends
     */
    @Validated
    @ConfigurationProperties("notifications.budget")
    public record Settings(@PositiveOrZero BigDecimal dailyPerTeam, List<String> teams, @NotNull ZoneId zone) {
    }

    private final BigDecimal everyTeam;
    private final Map<UUID, BigDecimal> byTeam;
    private final ZoneId zone;

    TeamBudgets(Settings settings) {
        this.everyTeam = settings.dailyPerTeam();
        this.zone = settings.zone();
        this.byTeam = parse(settings.teams() == null ? List.of() : settings.teams());
    }

    /** @return the team's budget per day; empty when it has none */
    public Optional<DailyBudget> of(UUID team) {
        BigDecimal limit = byTeam.getOrDefault(team, everyTeam);
        return limit == null ? Optional.empty() : Optional.of(new DailyBudget(limit));
    }

    /** @return when the budget day that holds {@code now} began */
    public Instant dayStart(Instant now) {
        return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    }

    private static Map<UUID, BigDecimal> parse(List<String> entries) {
        var budgets = new HashMap<UUID, BigDecimal>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            String[] pair = entry.split("=", 2);
            try {
                BigDecimal limit = new BigDecimal(pair[1].strip());
                if (limit.signum() < 0) {
                    throw new IllegalArgumentException("negative");
                }
                budgets.put(UUID.fromString(pair[0].strip()), limit);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("notifications.budget.teams (SMS_DAILY_BUDGET_TEAMS): \"" + entry
                        + "\" is not <team id>=<amount>, e.g. 3f2b...=5.00", e);
            }
        }
        return Map.copyOf(budgets);
    }
}
