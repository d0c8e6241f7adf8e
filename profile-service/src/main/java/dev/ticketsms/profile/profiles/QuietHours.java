package dev.ticketsms.profile.profiles;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A daily window of wall-clock time in the member's own time zone when only CRITICAL tickets may text them.
 * A window whose end is not after its start crosses midnight: 22:00–07:00 is quiet at 23:30 and at 06:59.
 * The start is inside the window, the end is not.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId timeZone) {

    public QuietHours {
        if (start == null || end == null || timeZone == null) {
            throw new IllegalArgumentException("quiet hours need a start, an end and a time zone");
        }
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time");
        }
    }

    public boolean covers(Instant moment) {
        LocalTime local = moment.atZone(timeZone).toLocalTime();
        if (start.isBefore(end)) {
            return !local.isBefore(start) && local.isBefore(end);
        }
        return !local.isBefore(start) || local.isBefore(end);
    }
}
