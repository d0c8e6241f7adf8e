package dev.ticketsms.notification.recipients;

import java.time.Instant;

/**
 * A team member who wants this SMS, as profile-service answers: an E.164 number and a display name.
 *
 * @param quietUntil when the member's quiet hours end, if they are in them now and the SMS is not CRITICAL: it is
 *                   held until then; null when it may go now
 */
public record Recipient(String userId, String phoneNumber, String displayName, Instant quietUntil) {

    public Recipient(String userId, String phoneNumber, String displayName) {
        this(userId, phoneNumber, displayName, null);
    }

    /** Whether the SMS must wait for the end of the member's quiet hours at {@code now}. */
    public boolean isQuietAt(Instant now) {
        return quietUntil != null && quietUntil.isAfter(now);
    }

    /** The number for logs: country code and last four digits only. */
    public String maskedPhoneNumber() {
        return mask(phoneNumber);
    }

    public static String mask(String e164) {
        if (e164 == null || e164.length() < 7) {
            return "***";
        }
        int keepStart = e164.startsWith("+1") ? 2 : 3;
        return e164.substring(0, keepStart) + "*".repeat(e164.length() - keepStart - 4) + e164.substring(e164.length() - 4);
    }
}
