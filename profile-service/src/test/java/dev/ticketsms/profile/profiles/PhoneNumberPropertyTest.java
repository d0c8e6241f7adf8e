package dev.ticketsms.profile.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PhoneNumberPropertyTest {

    private static final List<String> SMS_CAPABLE = List.of(
            "+14155550101", "+12125550100", "+15005550006", "+4915112345678", "+33612345678", "+61412345678");

    @Property
    void anyInputIsEitherAnE164NumberOrRejectedWithAReason(@ForAll String input) {
        try {
            assertThat(PhoneNumber.parse(input).value()).matches("\\+[1-9][0-9]{1,14}");
        } catch (InvalidPhoneNumberException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
        }
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
