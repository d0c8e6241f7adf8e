package dev.ticketsms.notification.templates;

import org.junit.jupiter.api.Test;

import static dev.ticketsms.notification.templates.SmsBody.Encoding.GSM_7;
import static dev.ticketsms.notification.templates.SmsBody.Encoding.UCS_2;
import static org.assertj.core.api.Assertions.assertThat;

class SmsBodyTest {

    @Test
    void aPlainBodyOf160CharactersIsOneGsm7Segment() {
        assertThat(SmsBody.of("a".repeat(160))).isEqualTo(new SmsBody("a".repeat(160), GSM_7, 1));
    }

    @Test
    void oneCharacterMoreSplitsIntoSegmentsOf153() {
        assertThat(SmsBody.of("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsBody.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsBody.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void extensionCharactersTakeTwoSeptetsAndStayGsm7() {
        SmsBody body = SmsBody.of("€".repeat(80));
        assertThat(body.encoding()).isEqualTo(GSM_7);
        assertThat(body.segments()).isEqualTo(1);
        assertThat(SmsBody.of("€".repeat(80) + "a").segments()).isEqualTo(2);
    }

    @Test
    void anExtensionCharacterIsNeverSplitAcrossSegments() {
        // 152 septets then a two-septet character: it does not fit in the first segment's last septet
        assertThat(SmsBody.of("a".repeat(152) + "[" + "a".repeat(10)).segments()).isEqualTo(2);
        assertThat(SmsBody.of("a".repeat(152) + "[" + "a".repeat(152)).segments()).isEqualTo(3);
    }

    @Test
    void oneArrowTurnsTheWholeBodyIntoUcs2Of70And67() {
        assertThat(SmsBody.of("→" + "a".repeat(69))).isEqualTo(new SmsBody("→" + "a".repeat(69), UCS_2, 1));
        assertThat(SmsBody.of("→" + "a".repeat(70)).segments()).isEqualTo(2);
        assertThat(SmsBody.of("→" + "a".repeat(133)).segments()).isEqualTo(2);
        assertThat(SmsBody.of("→" + "a".repeat(134)).segments()).isEqualTo(3);
    }

    @Test
    void anEmojiCountsAsTwoUtf16UnitsAndIsNotSplit() {
        assertThat(SmsBody.of("🎫".repeat(35)).segments()).isEqualTo(1);
        assertThat(SmsBody.of("🎫".repeat(36)).segments()).isEqualTo(2);
        // 66 units then an emoji: the pair moves whole to the next segment
        assertThat(SmsBody.of("a".repeat(66) + "🎫" + "a".repeat(5)).segments()).isEqualTo(2);
    }
}
