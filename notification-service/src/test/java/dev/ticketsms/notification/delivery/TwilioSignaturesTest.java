package dev.ticketsms.notification.delivery;

import com.twilio.security.RequestValidator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests' signatures are Twilio's: the SDK's validator, which the service uses, accepts them and nothing else. */
class TwilioSignaturesTest {

    private static final Map<String, String> FORM = Map.of("MessageSid", "SM1", "MessageStatus", "delivered",
            "AccountSid", "AC1");

    @Test
    void theSdkValidatorAcceptsOurSignatureForTheSameUrlAndFormOnly() {
        String url = "https://notify.example.com/webhooks/twilio/status?delivery=42";
        String signature = TwilioSignatures.sign("token", url, FORM);
        var validator = new RequestValidator("token");

        assertThat(validator.validate(url, FORM, signature)).isTrue();
        assertThat(validator.validate(url.replace("42", "43"), FORM, signature)).isFalse();
        assertThat(validator.validate(url, Map.of("MessageSid", "SM1", "MessageStatus", "sent", "AccountSid", "AC1"), signature)).isFalse();
        assertThat(new RequestValidator("other").validate(url, FORM, signature)).isFalse();
    }
}
