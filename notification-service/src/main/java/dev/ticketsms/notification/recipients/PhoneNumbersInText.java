package dev.ticketsms.notification.recipients;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks phone numbers inside free text such as Twilio's error messages ("The 'To' number +15005550001 is not a valid
 * phone number"), which end up in logs, the delivery log and events: each keeps its country code and last four digits.
 */
public final class PhoneNumbersInText {

    /**
     * An international number (a '+' and at least seven digits, with the separators people and carriers write), or a
     * bare run of 10 to 15 digits; dates, error codes and prices are left as they are.
     */
    private static final Pattern NUMBER = Pattern.compile("\\+\\d(?:[\\s().-]?\\d){6,}|(?<![\\d.-])\\d{10,15}(?![\\d.-])");

    private PhoneNumbersInText() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher numbers = NUMBER.matcher(text);
        var masked = new StringBuilder();
        while (numbers.find()) {
            String digits = numbers.group().replaceAll("[^+\\d]", "");
            numbers.appendReplacement(masked, Matcher.quoteReplacement(Recipient.mask(digits.startsWith("+") ? digits : "+" + digits)
                    .substring(digits.startsWith("+") ? 0 : 1)));
        }
        numbers.appendTail(masked);
        return masked.toString();
    }
}
