package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.Severity;
import dev.ticketsms.notification.costs.DailyBudget;
import dev.ticketsms.notification.costs.SmsPrices;
import dev.ticketsms.notification.costs.TeamBudgets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a team's ticket SMS within its daily budget ({@link TeamBudgets}): a non-CRITICAL ticket message whose
 * estimated cost (every recipient's segments x their country's price, {@link SmsPrices}) would take the team's spend
 * of the day over the budget is not sent as SMS, to any of its recipients; a CRITICAL one always goes (and counts).
 * The day's spend is what the ledger's accepted rows of the team are estimated at, so messages still on the wire
 * are not in it yet: a burst can overshoot by what it has in flight. Manual messages, codes and escalations (always
 * CRITICAL) are not limited.
 */
@Component
class SmsBudgetCheck {

    private static final Logger log = LoggerFactory.getLogger(SmsBudgetCheck.class);

    private final TeamBudgets budgets;
    private final SmsPrices prices;
    private final DeliveryLedger ledger;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    SmsBudgetCheck(TeamBudgets budgets, SmsPrices prices, DeliveryLedger ledger, DeliveryMetrics metrics, Clock clock) {
        this.budgets = budgets;
        this.prices = prices;
        this.ledger = ledger;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** @return why the message's {@code rows} must not go out as SMS; empty when they may */
    Optional<String> withheld(OutgoingSms sms, List<DeliveryLedger.PendingRow> rows) {
        if (rows.isEmpty() || !sms.kind().isTicketEvent() || sms.teamId() == null || sms.severity() == Severity.CRITICAL) {
            return Optional.empty();
        }
        Optional<DailyBudget> budget = budgets.of(sms.teamId());
        if (budget.isEmpty()) {
            return Optional.empty();
        }
        metrics.budgetWatched(sms.teamId());
        BigDecimal cost = rows.stream().map(row -> prices.estimate(row.phoneNumber(), sms.body().segments()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal spent = ledger.spentSince(sms.teamId(), budgets.dayStart(clock.instant()));
        if (budget.get().allows(spent, cost)) {
            return Optional.empty();
        }
        metrics.overBudget(sms.teamId(), rows.size());
        log.warn("Team {}'s daily SMS budget {} {} would be exceeded ({} spent today, this message {} for {} recipients): {} for event {} not sent as SMS",
                sms.teamId(), budget.get().limit(), prices.currency(), spent, cost, rows.size(), sms.kind(), sms.eventId());
        return Optional.of("over the team's daily SMS budget: %s %s, %s spent today, this message %s"
                .formatted(budget.get().limit().toPlainString(), prices.currency(), spent.stripTrailingZeros().toPlainString(),
                        cost.stripTrailingZeros().toPlainString()));
    }
}
