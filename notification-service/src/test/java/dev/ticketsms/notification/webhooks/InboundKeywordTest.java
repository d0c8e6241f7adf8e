package dev.ticketsms.notification.webhooks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class InboundKeywordTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "STOP|OPT_OUT", "' stop '|OPT_OUT", "StopAll|OPT_OUT", "unsubscribe|OPT_OUT", "CANCEL|OPT_OUT", "end|OPT_OUT",
            "Quit|OPT_OUT", "revoke|OPT_OUT", "OPTOUT|OPT_OUT",
            "START|OPT_IN", "yes|OPT_IN", "Unstop|OPT_IN",
            "HELP|HELP", "info|HELP",
            "stop please|OTHER", "STOP!|OTHER", "''|OTHER", "Thanks, on it|OTHER"})
    void theWholeTrimmedBodyIsTheKeywordInAnyCase(String body, InboundKeyword expected) {
        assertThat(InboundKeyword.of(body)).isEqualTo(expected);
    }
}
