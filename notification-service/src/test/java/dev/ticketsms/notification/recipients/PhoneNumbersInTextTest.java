package dev.ticketsms.notification.recipients;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersInTextTest {

    @Test
    void twilioErrorTextsKeepOnlyTheCountryCodeAndTheLastFourDigits() {
        assertThat(PhoneNumbersInText.mask("The 'To' number +15005550001 is not a valid phone number."))
                .isEqualTo("The 'To' number +1******0001 is not a valid phone number.");
        assertThat(PhoneNumbersInText.mask("Attempt to send to unsubscribed recipient +49 151 2345 6789"))
                .isEqualTo("Attempt to send to unsubscribed recipient +49*******6789");
    }

    @Test
    void errorCodesDatesAndShortNumbersAreLeftAlone() {
        assertThat(PhoneNumbersInText.mask("error 21211 at 2026-12-03, see https://www.twilio.com/docs/errors/21211"))
                .isEqualTo("error 21211 at 2026-12-03, see https://www.twilio.com/docs/errors/21211");
        assertThat(PhoneNumbersInText.mask("number 15005550001 is blocked")).isEqualTo("number 1******0001 is blocked");
        assertThat(PhoneNumbersInText.mask(null)).isNull();
    }
}
