package dev.ticketsms.sandbox.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SmsSegmentsTest {

    @Test
    void a_GSM_7_body_of_160_characters_is_one_SMS_and_161_split_into_two() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
    }

    @Test
    void a_split_GSM_7_body_carries_153_characters_per_segment() {
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void GSM_7_extension_characters_such_as_the_euro_sign_take_two_septets() {
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void an_extension_character_is_not_split_across_segments() {
        // 306 septets would fit two segments of 153 if the escape and the euro sign could be split
        assertThat(SmsSegments.count("a".repeat(152) + "€" + "a".repeat(152))).isEqualTo(3);
    }

    @Test
    void one_emoji_switches_the_whole_body_to_UCS_2_with_70_units_in_one_SMS() {
        assertThat(SmsSegments.count("a".repeat(68) + "😀")).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(69) + "😀")).isEqualTo(2);
    }

    @Test
    void a_split_UCS_2_body_carries_67_units_per_segment() {
        assertThat(SmsSegments.count("é".repeat(69) + "ж".repeat(65))).isEqualTo(2);
        assertThat(SmsSegments.count("ж".repeat(135))).isEqualTo(3);
    }

    @Test
    void an_emoji_is_not_split_across_segments() {
        // 134 UTF-16 units would fit two segments of 67 if the surrogate pair could be split
        assertThat(SmsSegments.count("a".repeat(66) + "😀" + "a".repeat(66))).isEqualTo(3);
    }

    @Test
    void upper_case_C_cedilla_is_GSM_7_but_lower_case_is_not() {
        assertThat(SmsSegments.count("Ç".repeat(100))).isEqualTo(1);
        assertThat(SmsSegments.count("ç".repeat(100))).isEqualTo(2);
    }

    @Test
    void an_empty_body_of_a_media_message_is_one_segment() {
        assertThat(SmsSegments.count("")).isEqualTo(1);
    }
}
