package dev.ticketsms.sandbox;

/** How phone numbers appear in logs: country code and last four digits only, e.g. {@code +1******7890}. */
public final class PhoneMask {

    private PhoneMask() {
    }

    public static String of(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() <= 6) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 2) + "*".repeat(phone.length() - 6) + phone.substring(phone.length() - 4);
    }
}
