package dev.ticketsms.profile.profiles;

import static com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat.E164;
import static com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL;
import static com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType.FIXED_LINE;
import static com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType.PAGER;
import static com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType.PREMIUM_RATE;
import static com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType.SHARED_COST;
import static com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType.UAN;
import static com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType.VOICEMAIL;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * A phone number that can receive SMS, always held in E.164 form (e.g. {@code +14155550101}).
 * There is no way to hold an invalid one: the constructor accepts only a valid E.164 number and
 * {@link #parse(String)} turns human input into one.
 */
public record PhoneNumber(String value) {

    public static final String EXAMPLE = "+14155550101";

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

    // libphonenumber would also read letters (1-800-FLOWERS) and extensions ("ext. 12"); SMS can use neither
    private static final Pattern TYPED_NUMBER = Pattern.compile("\\+?[0-9 ().\\-]+");

    private static final Set<String> REGIONS = PHONE_NUMBERS.getSupportedRegions();

    private static final int MAX_INPUT_LENGTH = 32;

    private static final Map<PhoneNumberType, String> NOT_FOR_SMS = Map.of(
            FIXED_LINE, "a landline",
            PREMIUM_RATE, "a premium-rate number",
            SHARED_COST, "a shared-cost number",
            PAGER, "a pager number",
            UAN, "a universal access number",
            VOICEMAIL, "a voicemail access number");

    public PhoneNumber {
        if (value == null || !value.equals(e164Of(value))) {
            throw new InvalidPhoneNumberException("must be a valid number in E.164 format, e.g. " + EXAMPLE);
        }
    }

    /**
     * Reads a number typed in international form; spaces, dashes, dots and parentheses are allowed
     * ({@code +1 (415) 555-0101}).
     *
     * @throws InvalidPhoneNumberException saying why the input is not a number that can receive SMS
     */
    public static PhoneNumber parse(String input) {
        return new PhoneNumber(e164Of(input));
    }

    /**
     * Reads a number typed either in international form or in the national form of {@code region}, an ISO 3166
     * region code such as {@code DE} ({@code 0151 12345678}); a null region means international form only.
     *
     * @throws InvalidPhoneNumberException saying why the input is not a number that can receive SMS
     * @throws IllegalArgumentException    if the region is not one libphonenumber knows
     */
    public static PhoneNumber parse(String input, String region) {
        if (region == null) {
            return parse(input);
        }
        return new PhoneNumber(e164Of(input, regionCode(region)));
    }

    /** The ISO region code in upper case, or an exception if phone numbers of that region are unknown. */
    public static String regionCode(String region) {
        String code = region.strip().toUpperCase(Locale.ROOT);
        if (!REGIONS.contains(code)) {
            throw new UnknownRegionException(region);
        }
        return code;
    }

    /** The ISO 3166 region the number belongs to, e.g. {@code US}; {@code 001} for non-geographic numbers. */
    public String region() {
        return PHONE_NUMBERS.getRegionCodeForNumber(read(value, null));
    }

    /** The number as people write it internationally, e.g. {@code +1 415-555-0101}. */
    public String international() {
        return PHONE_NUMBERS.format(read(value, null), INTERNATIONAL);
    }

    /**
     * A region whose numbers can be typed in national form.
     *
     * @param example a mobile number of the region in international form, or null if libphonenumber has none
     */
    public record Region(String code, int countryCode, String example) {
    }

    /** Every region libphonenumber knows, by code: what a country picker offers. */
    public static List<Region> regions() {
        return REGIONS.stream().sorted(Comparator.naturalOrder())
                .map(code -> {
                    var example = PHONE_NUMBERS.getExampleNumberForType(code, PhoneNumberType.MOBILE);
                    return new Region(code, PHONE_NUMBERS.getCountryCodeForRegion(code),
                            example == null ? null : PHONE_NUMBERS.format(example, INTERNATIONAL));
                })
                .toList();
    }

    /** For logs: keeps the country code's first digit and the last four digits, {@code +1******0101}. */
    public String masked() {
        return mask(value);
    }

    /** The same mask for a stored value that may not even be a valid number; too short to mask: all stars. */
    public static String mask(String number) {
        if (number == null || number.length() < 6) {
            return number == null ? null : "*".repeat(number.length());
        }
        return number.substring(0, 2) + "*".repeat(number.length() - 6) + number.substring(number.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String e164Of(String input) {
        return e164Of(input, null);
    }

    private static String e164Of(String input, String region) {
        if (input == null || input.isBlank()) {
            throw invalid("must not be blank");
        }
        String typed = input.strip();
        if (typed.length() > MAX_INPUT_LENGTH) {
            throw invalid("is too long");
        }
        if (region == null && !typed.startsWith("+")) {
            throw invalid("must start with + and the country code, or come with its phoneRegion");
        }
        if (!TYPED_NUMBER.matcher(typed).matches()) {
            throw invalid("may contain only digits, spaces, dashes, dots and parentheses after the +");
        }
        Phonenumber.PhoneNumber number = read(typed, region);
        if (!PHONE_NUMBERS.isValidNumber(number)) {
            throw invalid("is not a valid number for country code +" + number.getCountryCode());
        }
        String unfit = NOT_FOR_SMS.get(PHONE_NUMBERS.getNumberType(number));
        if (unfit != null) {
            throw new InvalidPhoneNumberException("is " + unfit + ", which cannot receive SMS; use a mobile number in international format, e.g. " + EXAMPLE);
        }
        return PHONE_NUMBERS.format(number, E164);
    }

    private static Phonenumber.PhoneNumber read(String typed, String region) {
        try {
            // "ZZ": no default region, the number must carry its own country code
            return PHONE_NUMBERS.parse(typed, region == null ? "ZZ" : region);
        } catch (NumberParseException e) {
            throw invalid(switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> "does not start with a known country code";
                case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "is too short";
                case TOO_LONG -> "is too long";
                case NOT_A_NUMBER -> "is not a phone number";
            });
        }
    }

    /** A region code libphonenumber does not know, e.g. "XX" or "Germany". */
    public static final class UnknownRegionException extends IllegalArgumentException {

        UnknownRegionException(String region) {
            super("is not a known ISO 3166 region code such as US, DE or GB");
        }
    }

    private static InvalidPhoneNumberException invalid(String reason) {
        return new InvalidPhoneNumberException(
                reason + "; expected international format with country code, e.g. " + EXAMPLE);
    }
}
