package dev.ticketsms.notification.costs;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an SMS is estimated to cost: its segments times the price per segment of the number's country. */
class SmsPricesTest {

    private final SmsPrices prices = new SmsPrices(new SmsPrices.Table(new BigDecimal("0.0083"), "USD",
            Map.of("DE", new BigDecimal("0.0792"), "gb", new BigDecimal("0.0463"))));

    @Test
    void aNumberInACountryOfTheTableCostsThatCountrysPricePerSegment() {
        assertThat(prices.estimate("+4915112345678", 2)).isEqualByComparingTo("0.1584");
    }

    @Test
    void countryKeysAreIsoCodesInAnyCase() {
        // environment variables bind map keys in lower case (NOTIFICATIONS_PRICING_COUNTRIES_GB -> "gb")
        assertThat(prices.estimate("+447400123456", 1)).isEqualByComparingTo("0.0463");
    }

    @Test
    void aCountryNotInTheTableCostsTheDefaultPrice() {
        assertThat(prices.estimate("+14155550101", 3)).isEqualByComparingTo("0.0249");
    }

    @Test
    void aNumberWhoseCountryCannotBeToldCostsTheDefaultPrice() {
        assertThat(prices.estimate("+999123", 1)).isEqualByComparingTo("0.0083");
    }

    @Test
    void withoutATableEveryNumberCostsTheDefaultPrice() {
        var flat = new SmsPrices(new SmsPrices.Table(new BigDecimal("0.01"), "EUR", null));

        assertThat(flat.estimate("+4915112345678", 2)).isEqualByComparingTo("0.02");
        assertThat(flat.currency()).isEqualTo("EUR");
    }
}
