package dev.ticketsms.notification.costs;

import java.math.BigDecimal;

/** What a team may spend on SMS in one day, in the pricing currency ({@link SmsPrices}). */
public record DailyBudget(BigDecimal limit) {

    /** @return whether a message costing {@code cost} keeps the day's spend, {@code spent} so far, within the limit */
    public boolean allows(BigDecimal spent, BigDecimal cost) {
        return spent.add(cost).compareTo(limit) <= 0;
    }

    /** @return what is left of the limit after {@code spent}, never below zero */
    public BigDecimal left(BigDecimal spent) {
        return limit.subtract(spent).max(BigDecimal.ZERO);
    }
}
