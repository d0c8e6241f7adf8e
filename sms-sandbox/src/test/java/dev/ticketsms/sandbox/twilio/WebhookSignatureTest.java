package dev.ticketsms.sandbox.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.twilio.security.RequestValidator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The Twilio SDK's own validator is the judge of the sandbox's signatures. */
class WebhookSignatureTest {

    private static final String URL = "http://127.0.0.1:8083/webhooks/twilio/status";

    @Property(tries = 200)
    @Label("RequestValidator accepts every signature for its token, URL and form, and rejects it for any other")
    void validatorAccepts(
            @ForAll @NotEmpty @StringLength(max = 20) @AlphaChars String token,
            @ForAll @Size(max = 6) Map<@NotEmpty @StringLength(max = 12) @AlphaChars String,
                    @StringLength(max = 30) @AlphaChars @NumericChars @Chars({' ', '+', '&', '=', 'é', 'ж'}) String> form) {
        var signature = WebhookSignature.of(token, URL, form);

        assertThat(new RequestValidator(token).validate(URL, form, signature)).isTrue();
        assertThat(new RequestValidator(token + "x").validate(URL, form, signature)).isFalse();
        assertThat(new RequestValidator(token).validate(URL + "?x=1", form, signature)).isFalse();
    }
}
