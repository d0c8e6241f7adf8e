package dev.ticketsms.notification.costs;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** A team's daily SMS budget: a message goes out as SMS only if the day's spend with it stays within the budget. */
class DailyBudgetTest {

    private final DailyBudget fiveDollars = new DailyBudget(new BigDecimal("5.00"));

    @Test
    void aMessageThatFitsInWhatIsLeftIsAllowed() {
        assertThat(fiveDollars.allows(new BigDecimal("4.50"), new BigDecimal("0.50"))).isTrue();
    }

    @Test
    void aMessageThatWouldTakeTheDayOverTheBudgetIsNot() {
        assertThat(fiveDollars.allows(new BigDecimal("4.60"), new BigDecimal("0.41"))).isFalse();
    }

    @Test
    void onceTheBudgetIsSpentNothingMoreFitsNotEvenAFreeMessage() {
        assertThat(fiveDollars.allows(new BigDecimal("5.00"), BigDecimal.ZERO)).isTrue();
        assertThat(fiveDollars.allows(new BigDecimal("5.01"), BigDecimal.ZERO)).isFalse();
    }

    @Test
    void aZeroBudgetAllowsNoPaidSms() {
        assertThat(new DailyBudget(BigDecimal.ZERO).allows(BigDecimal.ZERO, new BigDecimal("0.0083"))).isFalse();
    }

    @Test
    void whatIsLeftIsNeverBelowZero() {
        assertThat(fiveDollars.left(new BigDecimal("7"))).isEqualByComparingTo("0");
        assertThat(fiveDollars.left(new BigDecimal("1.25"))).isEqualByComparingTo("3.75");
    }
}
