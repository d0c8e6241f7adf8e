package dev.ticketsms.profile.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

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

    @ParameterizedTest(name = "at {0} the window ends at {1}")
    @CsvSource(nullValues = "none", value = {
            // November, Berlin UTC+1: 22:00 local is 21:00Z, 07:00 local is 06:00Z
            "2026-11-25T20:59:59Z, none",                   // 21:59:59, before the start
            "2026-11-25T21:00:00Z, 2026-11-26T06:00:00Z",   // 22:00, the start is inside
            "2026-11-25T22:59:59Z, 2026-11-26T06:00:00Z",   // 23:59:59: ends tomorrow morning
            "2026-11-25T23:00:00Z, 2026-11-26T06:00:00Z",   // 00:00: ends this morning
            "2026-11-26T05:59:59Z, 2026-11-26T06:00:00Z",   // 06:59:59
            "2026-11-26T06:00:00Z, none",                   // 07:00, the end is not inside
            // spring forward: 2026-03-29 02:00 CET is 03:00 CEST, so 07:00 that morning is 05:00Z
            "2026-03-28T22:00:00Z, 2026-03-29T05:00:00Z",
            "2026-03-29T04:59:00Z, 2026-03-29T05:00:00Z",
            // fall back: 2026-10-25 03:00 CEST is 02:00 CET, so 07:00 that morning is 06:00Z
            "2026-10-24T20:00:00Z, 2026-10-25T06:00:00Z",
    })
    void aWindowCrossingMidnightEndsAtTheNextEndInTheMembersTimeZone(Instant moment, Instant end) {
        assertThat(NIGHT_IN_BERLIN.endOfWindowAt(moment)).isEqualTo(Optional.ofNullable(end));
        assertThat(NIGHT_IN_BERLIN.covers(moment)).isEqualTo(end != null);
    }

    @ParameterizedTest(name = "at {0} the window ends at {1}")
    @CsvSource(nullValues = "none", value = {
            "2026-11-26T02:59:00Z, none",                   // 21:59 EST
            "2026-11-26T03:00:00Z, 2026-11-26T12:00:00Z",   // 22:00 EST
            "2026-11-26T04:00:00Z, 2026-11-26T12:00:00Z",   // 23:00 EST, which is 05:00 in Berlin
            // fall back: 2026-11-01 02:00 EDT is 01:00 EST; the night started at 22:00 EDT (02:00Z)
            "2026-11-01T02:00:00Z, 2026-11-01T12:00:00Z",
            // spring forward: 2026-03-08 02:00 EST is 03:00 EDT, so 07:00 that morning is 11:00Z
            "2026-03-08T03:00:00Z, 2026-03-08T11:00:00Z",
    })
    void theSameWindowInNewYorkEndsAtSevenThere(Instant moment, Instant end) {
        var nightInNewYork = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("America/New_York"));

        assertThat(nightInNewYork.endOfWindowAt(moment)).isEqualTo(Optional.ofNullable(end));
    }

    @ParameterizedTest(name = "at {0} the window ends at {1}")
    @CsvSource(nullValues = "none", value = {
            "2026-11-25T12:59:00Z, none",
            "2026-11-25T13:00:00Z, 2026-11-25T15:00:00Z",
            "2026-11-25T14:59:59Z, 2026-11-25T15:00:00Z",
            "2026-11-25T15:00:00Z, none",
    })
    void aWindowWithinOneDayEndsTheSameDay(Instant moment, Instant end) {
        var lunchInLondon = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0), ZoneId.of("Europe/London"));

        assertThat(lunchInLondon.endOfWindowAt(moment)).isEqualTo(Optional.ofNullable(end));
    }

    @Test
    void anEndTheClockSkipsIsTheMomentTheClockJumps() {
        // 23:00-02:30 in Berlin; on 2026-03-29 the clock jumps from 02:00 CET to 03:00 CEST at 01:00Z
        var window = new QuietHours(LocalTime.of(23, 0), LocalTime.of(2, 30), BERLIN);

        assertThat(window.endOfWindowAt(Instant.parse("2026-03-28T23:30:00Z"))).contains(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(window.covers(Instant.parse("2026-03-29T00:59:59Z"))).isTrue();
        assertThat(window.covers(Instant.parse("2026-03-29T01:00:00Z"))).isFalse();
    }

    @Test
    void anEndTheClockShowsTwiceEndsTheWindowEachTime() {
        // 22:00-02:30 in Berlin; on 2026-10-25 02:00-03:00 comes twice: first CEST (00:00Z-01:00Z), then CET
        var window = new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30), BERLIN);

        assertThat(window.endOfWindowAt(Instant.parse("2026-10-24T22:00:00Z"))).contains(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(window.covers(Instant.parse("2026-10-25T00:30:00Z"))).isFalse();
        assertThat(window.endOfWindowAt(Instant.parse("2026-10-25T01:10:00Z"))).contains(Instant.parse("2026-10-25T01:30:00Z"));
    }

    @Test
    void aWindowMustHaveALength() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(22, 0), LocalTime.of(22, 0), BERLIN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
