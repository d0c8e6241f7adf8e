package dev.ticketsms.notification.recipients;

/**
 * A team member who wants this SMS, as profile-service answers: an E.164 number and a display name.
 */
public record Recipient(String userId, String phoneNumber, String displayName) {

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
