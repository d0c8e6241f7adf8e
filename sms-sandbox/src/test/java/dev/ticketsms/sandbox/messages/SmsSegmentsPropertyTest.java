package dev.ticketsms.sandbox.messages;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

class SmsSegmentsPropertyTest {

    @Property
    @Label("any GSM-7 body is one SMS up to 160 characters and ceil(n / 153) segments beyond")
    void gsm7Bodies(@ForAll @StringLength(max = 1600) @CharRange(from = 'a', to = 'z') @Chars({' ', '.', '@', '\n'}) String body) {
        var expected = body.length() <= 160 ? 1 : (body.length() + 152) / 153;
        assertThat(SmsSegments.count(body)).isEqualTo(expected);
    }

    @Property
    @Label("any body with a non-GSM character is one SMS up to 70 units and ceil(n / 67) segments beyond")
    void ucs2Bodies(@ForAll @StringLength(min = 1, max = 1600) @CharRange(from = 'а', to = 'я') String body) {
        var expected = body.length() <= 70 ? 1 : (body.length() + 66) / 67;
        assertThat(SmsSegments.count(body)).isEqualTo(expected);
    }
}
