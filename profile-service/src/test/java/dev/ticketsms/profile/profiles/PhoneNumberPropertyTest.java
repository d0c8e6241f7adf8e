package dev.ticketsms.profile.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class PhoneNumberPropertyTest {

    private static final List<String> SMS_CAPABLE = List.of(
            "+14155550101", "+12125550100", "+15005550006", "+4915112345678", "+33612345678", "+61412345678");

    @Property
    void anyInputIsEitherAnE164NumberOrRejectedWithAReason(@ForAll String input) {
        assertAcceptedAsE164OrRejectedWithAReason(input);
    }

    /** Inputs shaped like phone numbers, so that many are accepted and the accepted branch is really exercised. */
    @Property(tries = 2000)
    void whateverLooksLikeANumberIsEitherAnE164NumberThatRoundTripsOrRejectedWithAReason(
            @ForAll("plausibleInput") String input) {
        boolean accepted = assertAcceptedAsE164OrRejectedWithAReason(input);

        Statistics.label("outcome").collect(accepted ? "accepted" : "rejected");
        Statistics.label("outcome").coverage(coverage -> coverage.check("accepted").percentage(p -> p >= 5));
    }

    @Property
    void anyInputWithAnyRegionIsEitherAnE164NumberOrRejectedWithAReason(@ForAll String input, @ForAll("regions") String region) {
        assertAcceptedAsE164OrRejectedWithAReason(() -> PhoneNumber.parse(input, region));
    }

    /** National numbers ("0151 ...", "(415) ...") with the region they belong to. */
    @Property(tries = 2000)
    void whateverIsAcceptedInNationalFormIsAnE164NumberThatRoundTripsWithoutTheRegion(
            @ForAll("nationalInput") National national) {
        boolean accepted = assertAcceptedAsE164OrRejectedWithAReason(() -> PhoneNumber.parse(national.text(), national.region()));

        Statistics.label("outcome").collect(accepted ? "accepted" : "rejected");
        Statistics.label("outcome").coverage(coverage -> coverage.check("accepted").percentage(p -> p >= 5));
    }

    @Property
    void aNumberTypedNationallyIsTheSameAsTypedInternationally(@ForAll("smsCapable") String e164) throws Exception {
        var util = PhoneNumberUtil.getInstance();
        var parsed = util.parse(e164, "ZZ");
        String region = util.getRegionCodeForNumber(parsed);
        String national = util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);

        assertThat(PhoneNumber.parse(national, region).value()).isEqualTo(e164);
    }

    @Property
    void separatorsBetweenDigitsDoNotChangeTheNumber(@ForAll("typedWithSeparators") Typed typed) {
        assertThat(PhoneNumber.parse(typed.text()).value()).isEqualTo(typed.e164());
    }

    @Property
    void parsingAStoredNumberGivesItBack(@ForAll("smsCapable") String e164) {
        var number = PhoneNumber.parse(e164);

        assertThat(PhoneNumber.parse(number.value())).isEqualTo(number);
    }

    /** @return whether the input was accepted */
    private static boolean assertAcceptedAsE164OrRejectedWithAReason(String input) {
        return assertAcceptedAsE164OrRejectedWithAReason(() -> PhoneNumber.parse(input));
    }

    /** @return whether the input was accepted */
    private static boolean assertAcceptedAsE164OrRejectedWithAReason(Supplier<PhoneNumber> parsing) {
        PhoneNumber number;
        try {
            number = parsing.get();
        } catch (InvalidPhoneNumberException rejected) {
            assertThat(rejected.getMessage()).contains("e.g. +14155550101");
            return false;
        }
        assertThat(number.value()).matches("\\+[1-9][0-9]{1,14}");
        assertThat(isValidForLibphonenumber(number.value())).as("%s is a valid number", number).isTrue();
        assertThat(PhoneNumber.parse(number.value())).isEqualTo(number);
        assertThat(new PhoneNumber(number.value())).isEqualTo(number);
        return true;
    }

    private static boolean isValidForLibphonenumber(String e164) {
        var util = PhoneNumberUtil.getInstance();
        try {
            var parsed = util.parse(e164, "ZZ");
            return util.isValidNumber(parsed) && util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164).equals(e164);
        } catch (NumberParseException e) {
            return false;
        }
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of(List.copyOf(PhoneNumberUtil.getInstance().getSupportedRegions()));
    }

    @Provide
    Arbitrary<National> nationalInput() {
        // a region and the start of its mobile numbers as people type them, then random digits in random groups
        Arbitrary<National> start = Arbitraries.of(
                new National("US", "(415) "), new National("US", "212-"), new National("DE", "0151 "),
                new National("DE", "0176 "), new National("GB", "07"), new National("FR", "06 "),
                new National("AU", "04"), new National("IN", "9"), new National("DE", "0049 151"));
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(4).ofMaxLength(10);
        Arbitrary<String> separator = Arbitraries.of("", " ", "-", ".");
        return Combinators.combine(start, digits, separator).as((prefix, rest, sep) ->
                new National(prefix.region(), prefix.text() + String.join(sep, rest.split("(?<=\\G.{3})"))));
    }

    record National(String region, String text) {
    }

    @Provide
    Arbitrary<String> plausibleInput() {
        // country code and a mobile-looking prefix, then random digits of a random length, in random groups
        Arbitrary<String> start = Arbitraries.of("+1 2", "+1 4", "+1 9", "+44 7", "+49 15", "+49 17", "+33 6", "+61 4", "+91 9");
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(5).ofMaxLength(12);
        Arbitrary<String> separator = Arbitraries.of("", " ", "-", ".");
        return Combinators.combine(start, digits, separator).as((prefix, rest, sep) ->
                prefix + String.join(sep, rest.split("(?<=\\G.{3})")));
    }

    @Provide
    Arbitrary<String> smsCapable() {
        return Arbitraries.of(SMS_CAPABLE);
    }

    @Provide
    Arbitrary<Typed> typedWithSeparators() {
        Arbitrary<List<String>> separators = Arbitraries.of("", "", " ", "-", ".").list().ofSize(15);
        return Combinators.combine(smsCapable(), separators).as((e164, between) -> {
            var text = new StringBuilder("+");
            String digits = e164.substring(1);
            for (int i = 0; i < digits.length(); i++) {
                text.append(digits.charAt(i));
                if (i < digits.length() - 1) {
                    text.append(between.get(i));
                }
            }
            return new Typed(text.toString(), e164);
        });
    }

    record Typed(String text, String e164) {
    }
}
