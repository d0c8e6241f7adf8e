package dev.ticketsms.notification.costs;

import dev.ticketsms.notification.sms.DestinationCountries;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an SMS is estimated to cost: its segments times the price per segment of the destination's country
 * ({@code notifications.pricing.countries}, ISO 3166 codes), or the default price for any other country. An
 * estimate: Twilio's bill also depends on the carrier and on its price changes.
 */
@Component
public class SmsPrices {

    /**
     * @param pricePerSegment the price per segment of any country not in {@code countries} (US long code: 0.0083 USD)
     * @param currency        the currency of every price, a tag on the cost meter
     * @param countries       price per segment by ISO country code, in any case
     */
    @Validated
    @ConfigurationProperties("notifications.pricing")
    public record Table(@NotNull @PositiveOrZero BigDecimal pricePerSegment, @NotBlank String currency,
                        Map<String, @NotNull @PositiveOrZero BigDecimal> countries) {
    }

    private final BigDecimal defaultPrice;
    private final String currency;
    private final Map<String, BigDecimal> byCountry;

    SmsPrices(Table table) {
        this.defaultPrice = table.pricePerSegment();
        this.currency = table.currency();
        this.byCountry = table.countries() == null ? Map.of() : table.countries().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(entry -> entry.getKey().strip().toUpperCase(Locale.ROOT), Map.Entry::getValue));
    }

    /** @return {@code segments} times the price per segment of the number's country */
    public BigDecimal estimate(String e164, int segments) {
        return perSegment(e164).multiply(BigDecimal.valueOf(segments));
    }

    public BigDecimal perSegment(String e164) {
        return byCountry.getOrDefault(DestinationCountries.countryOf(e164), defaultPrice);
    }

    public String currency() {
        return currency;
    }
}
