package dev.ticketsms.notification.sms;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DestinationCountriesTest {

    @Test
    void onlyNumbersOfTheConfiguredCountriesAreTexted() {
        var countries = new DestinationCountries(List.of("us", " DE "));

        assertThat(countries.refused("+14155550101")).isEmpty();
        assertThat(countries.refused("+4915123456789")).isEmpty();
        assertThat(countries.refused("+33612345678")).contains("FR");
        assertThat(countries.refused("+882351234567")).isPresent();
    }

    @Test
    void withNoCountryConfiguredEveryCountryMayBeTexted() {
        assertThat(new DestinationCountries(List.of()).refused("+447700900123")).isEmpty();
        assertThat(new DestinationCountries(List.of("")).refused("+447700900123")).isEmpty();
    }
}
