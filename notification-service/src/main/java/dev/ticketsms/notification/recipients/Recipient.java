package dev.ticketsms.notification.recipients;

import java.time.Instant;

/**
 * A team member who wants this message, as profile-service answers: an E.164 number and a display name, and, when
 * this service sends email, the channel chosen for it and the member's email address.
 *
 * @param quietUntil when the member's quiet hours end, if they are in them now and the SMS is not CRITICAL: it is
 *                   held until then; null when it may go now
 * @param channel    SMS (also when profile-service did not say) or EMAIL
 * @param email      the member's address, if they gave one: where an EMAIL message goes, and an SMS the team's
 *                   budget does not allow
 */
public record Recipient(String userId, String phoneNumber, String displayName, Instant quietUntil, Channel channel,
                        String email) {

    public Recipient {
        channel = channel == null ? Channel.SMS : channel;
    }

    public Recipient(String userId, String phoneNumber, String displayName, Instant quietUntil) {
        this(userId, phoneNumber, displayName, quietUntil, Channel.SMS, null);
    }

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

    /** An address for logs: its first character and its domain ({@code j***@example.com}). */
    public static String maskEmail(String email) {
        if (email == null) {
            return "***";
        }
        int at = email.lastIndexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
