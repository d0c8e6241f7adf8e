package dev.ticketsms.profile.profiles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * A daily window of wall-clock time in the member's own time zone when only CRITICAL tickets may text them.
 * A window whose end is not after its start crosses midnight: 22:00–07:00 is quiet at 23:30 and at 06:59.
 * The start is inside the window, the end is not. Start and end are whole minutes: a window that differed
 * only in seconds would be stored, and compared, as one of no length.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId timeZone) {

    public QuietHours {
        if (start == null || end == null || timeZone == null) {
            throw new IllegalArgumentException("quiet hours need a start, an end and a time zone");
        }
        if (!start.equals(start.truncatedTo(ChronoUnit.MINUTES)) || !end.equals(end.truncatedTo(ChronoUnit.MINUTES))) {
            throw new IllegalArgumentException("quiet hours start and end on whole minutes");
        }
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time");
        }
    }

    /**
     * Quiet hours as stored: empty when there are none, and also when the stored ones cannot be used (a window of
     * no length or with seconds, or a time zone this JVM does not know), so that reading a profile never fails.
     */
    public static Optional<QuietHours> fromStored(LocalTime start, LocalTime end, String timeZone) {
        if (start == null || end == null || timeZone == null || !isKnownTimeZone(timeZone)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new QuietHours(start, end, ZoneId.of(timeZone)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Region ids only (Europe/Berlin): a fixed offset such as +01:00 would silently ignore daylight saving time. */
    public static boolean isKnownTimeZone(String id) {
        return ZoneId.getAvailableZoneIds().contains(id);
    }

    public boolean covers(Instant moment) {
        return covers(moment.atZone(timeZone).toLocalTime());
    }

    /**
     * When the window {@code moment} falls in ends: the first instant after it that is no longer quiet. Empty
     * outside the window. Where the end's wall-clock time is skipped by a clock change, the window ends at the
     * change; where it occurs twice, at the first occurrence after {@code moment}.
     */
    public Optional<Instant> endOfWindowAt(Instant moment) {
        ZonedDateTime local = moment.atZone(timeZone);
        if (!covers(local.toLocalTime())) {
            return Optional.empty();
        }
        // a window crossing midnight, entered this evening, ends tomorrow
        boolean endsTomorrow = !start.isBefore(end) && !local.toLocalTime().isBefore(start);
        LocalDate day = endsTomorrow ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        LocalDateTime endLocal = LocalDateTime.of(day, end);
        ZoneOffsetTransition change = timeZone.getRules().getTransition(endLocal);
        if (change != null && change.isGap()) {
            return Optional.of(change.getInstant());
        }
        ZonedDateTime ending = endLocal.atZone(timeZone);
        if (!ending.toInstant().isAfter(moment)) {
            ending = ending.withLaterOffsetAtOverlap();
        }
        return Optional.of(ending.toInstant());
    }

    private boolean covers(LocalTime local) {
        if (start.isBefore(end)) {
            return !local.isBefore(start) && local.isBefore(end);
        }
        return !local.isBefore(start) || local.isBefore(end);
    }
}
