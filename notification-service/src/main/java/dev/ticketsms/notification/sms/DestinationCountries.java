package dev.ticketsms.notification.sms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The countries this service may text (ISO 3166 codes, {@code notifications.sms.allowed-countries}); none configured
 * means any. A number elsewhere is never texted, whoever asks: an SMS to a premium destination abroad is the classic
 * way a sender gets abused ("SMS pumping"), and Twilio's own geo permissions are an account-wide second line.
 */
@Component
public class DestinationCountries {

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

    private final Set<String> allowed;

    DestinationCountries(@Value("${notifications.sms.allowed-countries:}") List<String> allowed) {
        this.allowed = allowed.stream().map(String::strip).filter(code -> !code.isEmpty())
                .map(code -> code.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** @return the number's country if it may not be texted, empty if it may */
    public Optional<String> refused(String e164) {
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        String country = countryOf(e164);
        return allowed.contains(country) ? Optional.empty() : Optional.of(country);
    }

    /** @return the ISO 3166 code of the number's country, or {@code unknown} */
    public static String countryOf(String e164) {
        try {
            String region = PHONE_NUMBERS.getRegionCodeForNumber(PHONE_NUMBERS.parse(e164, null));
            return region == null ? "unknown" : region;
        } catch (NumberParseException e) {
            return "unknown";
        }
    }
}
