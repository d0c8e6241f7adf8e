package dev.ticketsms.profile.profiles;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as a user typed it, checked for shape only (one {@code @}, a dotted domain, no spaces or control
 * characters, at most 254 characters): whether mail reaches it is the mail server's to say. The domain is kept in
 * lower case, the local part as given.
 */
public record EmailAddress(String value) {

    static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}.]+");

    public EmailAddress {
        if (value == null || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()
                || value.contains("..") || value.startsWith(".") || value.contains(".@") || value.contains("@.")) {
            throw new IllegalArgumentException("must be an email address such as jane@example.com, at most " + MAX_LENGTH + " characters");
        }
    }

    /** @throws IllegalArgumentException saying what an address must look like */
    static EmailAddress parse(String typed) {
        String trimmed = typed.strip();
        int at = trimmed.lastIndexOf('@');
        return new EmailAddress(at < 0 ? trimmed : trimmed.substring(0, at) + trimmed.substring(at).toLowerCase(Locale.ROOT));
    }
}
