package dev.ticketsms.profile.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static final QuietHours NIGHT_IN_BERLIN = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), BERLIN);

    @ParameterizedTest(name = "{0} UTC is {1} in Berlin: quiet = {2}")
    @CsvSource({
            // November: Berlin is UTC+1
            "2026-11-25T20:59:59Z, 21:59:59, false",
            "2026-11-25T21:00:00Z, 22:00,    true",
            "2026-11-25T22:30:00Z, 23:30,    true",
            "2026-11-25T23:00:00Z, 00:00,    true",
            "2026-11-26T05:59:59Z, 06:59:59, true",
            "2026-11-26T06:00:00Z, 07:00,    false",
            "2026-11-26T11:00:00Z, 12:00,    false",
            // July: Berlin is UTC+2, the same UTC times fall elsewhere in the window
            "2026-07-15T20:30:00Z, 22:30,    true",
            "2026-07-15T19:59:00Z, 21:59,    false",
            "2026-07-16T04:59:00Z, 06:59,    true",
            "2026-07-16T05:00:00Z, 07:00,    false",
    })
    void aWindowCrossingMidnightCoversTheNightInTheMembersOwnTimeZone(Instant moment, String localTime, boolean quiet) {
        assertThat(moment.atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.parse(localTime));
        assertThat(NIGHT_IN_BERLIN.covers(moment)).isEqualTo(quiet);
    }

    @ParameterizedTest(name = "{0}: quiet = {1}")
    @CsvSource({
            "2026-11-25T12:59:00Z, false",
            "2026-11-25T13:00:00Z, true",
            "2026-11-25T14:30:00Z, true",
            "2026-11-25T15:00:00Z, false",
    })
    void aWindowWithinOneDayCoversOnlyThatPart(Instant moment, boolean quiet) {
        var lunchInLondon = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0), ZoneId.of("Europe/London"));

        assertThat(lunchInLondon.covers(moment)).isEqualTo(quiet);
    }

    @Test
    void theSameMomentIsNightInBerlinAndEveningInNewYork() {
        var nightInNewYork = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("America/New_York"));
        Instant berlinMidnight = Instant.parse("2026-11-25T23:00:00Z");

        assertThat(NIGHT_IN_BERLIN.covers(berlinMidnight)).isTrue();
        assertThat(nightInNewYork.covers(berlinMidnight)).isFalse();
        assertThat(nightInNewYork.covers(Instant.parse("2026-11-26T04:00:00Z"))).isTrue();
    }

    @Test
    void theNightOfTheSpringClockChangeIsStillQuiet() {
        // 2026-03-29 02:00 does not exist in Berlin: clocks jump from 02:00 CET to 03:00 CEST
        assertThat(NIGHT_IN_BERLIN.covers(Instant.parse("2026-03-29T00:59:00Z"))).isTrue();
        assertThat(NIGHT_IN_BERLIN.covers(Instant.parse("2026-03-29T01:00:00Z"))).isTrue();
        assertThat(NIGHT_IN_BERLIN.covers(Instant.parse("2026-03-29T05:00:00Z"))).isFalse();
    }

    @Test
    void aWindowMustHaveALength() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(22, 0), LocalTime.of(22, 0), BERLIN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
