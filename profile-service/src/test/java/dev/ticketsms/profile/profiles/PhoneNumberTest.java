package dev.ticketsms.profile.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest(name = "\"{0}\" is stored as {1}")
    @CsvSource(delimiter = '|', value = {
            "+14155550101        | +14155550101",
            "+1 (415) 555-0101   | +14155550101",
            "+1 415.555.0101     | +14155550101",
            "  +1-415-555-0101   | +14155550101",
            "+49 151 12345678    | +4915112345678",
            "+33 6 12 34 56 78   | +33612345678",
            "+61 4 1234 5678     | +61412345678",
            "+1 800 555 0100     | +18005550100",
            "+44 56 1234 5678    | +445612345678",
    })
    void numbersTypedInInternationalFormAreStoredInE164(String typed, String e164) {
        assertThat(PhoneNumber.parse(typed).value()).isEqualTo(e164);
    }

    @ParameterizedTest(name = "Twilio test number {0} stays usable")
    @ValueSource(strings = {"+15005550006", "+15005550001", "+15005550002", "+15005550004", "+15005550009"})
    void twilioTestNumbersAreAccepted(String testNumber) {
        assertThat(PhoneNumber.parse(testNumber).value()).isEqualTo(testNumber);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected: {1}")
    @CsvSource(delimiter = '|', value = {
            "4155550101              | must start with + and the country code",
            "0049 151 12345678       | must start with + and the country code",
            "+1 415 555              | is not a valid number for country code +1",
            "+1 415 555 01010        | is not a valid number for country code +1",
            "+999 1234567            | does not start with a known country code",
            "+1-800-FLOWERS          | may contain only digits, spaces, dashes, dots and parentheses",
            "+1 415 555 0101 ext. 12 | may contain only digits, spaces, dashes, dots and parentheses",
            "+1 415 555 0101#        | may contain only digits, spaces, dashes, dots and parentheses",
            "+1                      | is not a phone number",
            "+1 415 555 0101 0101 0101 0101 0101 | is too long",
            "+44 20 7946 0958        | is a landline, which cannot receive SMS",
            "+1 900 555 0100         | is a premium-rate number, which cannot receive SMS",
            "+44 870 123 4567        | is a premium-rate number, which cannot receive SMS",
            "+49 180 1 2345          | is a shared-cost number, which cannot receive SMS",
            "+44 76 4012 3456        | is a pager number, which cannot receive SMS",
            "+44 55 1234 5678        | is a universal access number, which cannot receive SMS",
            "+49 177 99 1234567      | is a voicemail access number, which cannot receive SMS",
    })
    void inputsThatCannotReceiveSmsAreRejectedWithTheReason(String typed, String reason) {
        assertThatThrownBy(() -> PhoneNumber.parse(typed))
                .isInstanceOf(InvalidPhoneNumberException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankInputIsRejected(String typed) {
        assertThatThrownBy(() -> PhoneNumber.parse(typed))
                .isInstanceOf(InvalidPhoneNumberException.class)
                .hasMessageContaining("must not be blank");
    }

    @Test
    void formatErrorsShowTheExpectedFormat() {
        assertThatThrownBy(() -> PhoneNumber.parse("415-555-0101"))
                .hasMessageEndingWith("expected international format with country code, e.g. +14155550101");
    }

    @ParameterizedTest(name = "new PhoneNumber(\"{0}\") is refused")
    @ValueSource(strings = {"+1 415 555 0101", "14155550101", "+1415555"})
    void theConstructorOnlyTakesValidE164(String notE164) {
        assertThatThrownBy(() -> new PhoneNumber(notE164)).isInstanceOf(InvalidPhoneNumberException.class);
    }

    @Test
    void sameNumberTypedDifferentlyIsTheSameValue() {
        assertThat(PhoneNumber.parse("+1 (415) 555-0101")).isEqualTo(PhoneNumber.parse("+14155550101"));
    }

    @Test
    void logsSeeOnlyAMaskedNumber() {
        var number = PhoneNumber.parse("+14155550101");

        assertThat(number.masked()).isEqualTo("+1******0101");
        assertThat(number.toString()).doesNotContain("4155550101");
    }
}
