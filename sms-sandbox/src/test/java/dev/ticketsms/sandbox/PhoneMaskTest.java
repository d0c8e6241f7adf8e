package dev.ticketsms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PhoneMaskTest {

    @Test
    void a_logged_number_keeps_only_its_country_code_digit_and_last_four_digits() {
        assertThat(PhoneMask.of("+15551237890")).isEqualTo("+1******7890");
        assertThat(PhoneMask.of("+4915112345678")).isEqualTo("+4********5678");
    }

    @Test
    void a_short_or_missing_value_shows_nothing_of_itself() {
        assertThat(PhoneMask.of("12345")).isEqualTo("*****");
        assertThat(PhoneMask.of(null)).isNull();
    }
}
