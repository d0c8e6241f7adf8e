package dev.ticketsms.notification.recipients;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientTest {

    @Test
    void logsShowOnlyTheCountryCodeAndTheLastFourDigits() {
        assertThat(new Recipient("u", "+14155550101", "U").maskedPhoneNumber()).isEqualTo("+1******0101");
        assertThat(Recipient.mask("+4915112345678")).isEqualTo("+49*******5678");
        assertThat(Recipient.mask(null)).isEqualTo("***");
    }
}
