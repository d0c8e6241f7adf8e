package dev.ticketsms.localstack;

import dev.ticketsms.localstack.StackOptions.SmsTarget;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackOptionsTest {

    private static final Map<String, String> TWILIO = Map.of(
            "TWILIO_ACCOUNT_SID", "AC123", "TWILIO_AUTH_TOKEN", "token", "TWILIO_PHONE_NUMBER", "+15005550006");

    @Test
    void withoutTwilioVariablesSmsGoToTheSandboxAndTheDemoDataIsCreated() {
        var options = StackOptions.parse(List.of(), Map.of());

        assertThat(options).isEqualTo(new StackOptions(true, SmsTarget.SANDBOX));
    }

    @Test
    void twilioCredentialsInTheEnvironmentSendRealSms() {
        assertThat(StackOptions.parse(List.of(), TWILIO).smsTarget()).isEqualTo(SmsTarget.TWILIO_FROM_ENVIRONMENT);
    }

    @Test
    void aMessagingServiceCanStandInForThePhoneNumber() {
        var environment = Map.of("TWILIO_ACCOUNT_SID", "AC123", "TWILIO_AUTH_TOKEN", "token",
                "TWILIO_MESSAGING_SERVICE_SID", "MG123");

        assertThat(StackOptions.parse(List.of("--real-twilio"), environment).smsTarget())
                .isEqualTo(SmsTarget.TWILIO_FROM_ENVIRONMENT);
    }

    @Test
    void theSandboxFlagWinsOverTwilioVariables() {
        assertThat(StackOptions.parse(List.of("--sandbox"), TWILIO).smsTarget()).isEqualTo(SmsTarget.SANDBOX);
    }

    @Test
    void incompleteTwilioVariablesAreRefusedNamingWhatIsMissing() {
        assertThatThrownBy(() -> StackOptions.parse(List.of(), Map.of("TWILIO_ACCOUNT_SID", "AC123")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TWILIO_AUTH_TOKEN is missing");
        assertThatThrownBy(() -> StackOptions.parse(List.of("--real-twilio"), Map.of()))
                .hasMessageContaining("TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are missing");
        assertThatThrownBy(() -> StackOptions.parse(List.of(),
                Map.of("TWILIO_ACCOUNT_SID", "AC123", "TWILIO_AUTH_TOKEN", "token")))
                .hasMessageContaining("neither TWILIO_PHONE_NUMBER nor TWILIO_MESSAGING_SERVICE_SID");
    }

    @Test
    void noDemoDataOnRequest() {
        assertThat(StackOptions.parse(List.of("--no-demo-data"), Map.of()).demoData()).isFalse();
    }

    @Test
    void unknownOrContradictoryFlagsAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> StackOptions.parse(List.of("--demo"), Map.of()))
                .hasMessageContaining("Unknown option --demo").hasMessageContaining("Usage:");
        assertThatThrownBy(() -> StackOptions.parse(List.of("--sandbox", "--real-twilio"), TWILIO))
                .hasMessageContaining("exclude each other");
    }
}
