package dev.ticketsms.notification.webhooks;

import dev.ticketsms.events.TicketStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a member texts back to move a ticket: a command word and the ticket's number, in any case and spacing. */
class SmsCommandTest {

    @ParameterizedTest(name = "\"{0}\" moves #{2} to {1}")
    @CsvSource(delimiter = '|', value = {
            "ACK 1234|IN_PROGRESS|1234",
            "START 1234|IN_PROGRESS|1234",
            "RESOLVE 1234|RESOLVED|1234",
            "CLOSE 1234|CLOSED|1234",
            "ack 7|IN_PROGRESS|7",
            "Resolve #1234|RESOLVED|1234",
            "'  close   # 1234  '|CLOSED|1234",
            "resolve#42|RESOLVED|42",
            "'RESOLVE\t0042'|RESOLVED|42",
            "start 999999999999999999|IN_PROGRESS|999999999999999999"})
    void aCommandWordAndANumberMoveThatTicket(String body, TicketStatus status, long number) {
        assertThat(SmsCommand.parse(body)).hasValueSatisfying(command -> {
            assertThat(command.status()).isEqualTo(status);
            assertThat(command.ticketNumber()).isEqualTo(number);
        });
    }

    @Test
    void theCommandWordIsKeptForTheReply() {
        assertThat(SmsCommand.parse("ack 12")).hasValueSatisfying(command ->
                assertThat(command.action()).isEqualTo(SmsCommand.Action.ACK));
    }

    /** Twilio's keywords are whole bodies: START alone opts in, and stays InboundKeyword's. */
    @ParameterizedTest(name = "\"{0}\" is no command")
    @ValueSource(strings = {"START", "start", "STOP", "HELP", "YES", "", "   ", "Thanks, on it", "ok", "1234"})
    void keywordsAndChatAreNoCommand(String body) {
        assertThat(SmsCommand.parse(body)).isEmpty();
        assertThat(SmsCommand.looksLikeOne(body)).isFalse();
    }

    @Test
    void aNullBodyIsNoCommand() {
        assertThat(SmsCommand.parse(null)).isEmpty();
        assertThat(SmsCommand.looksLikeOne(null)).isFalse();
    }

    /** These get the commands' help reply: a command word without a usable number, or a number after an unknown word. */
    @ParameterizedTest(name = "\"{0}\" is a command attempt")
    @ValueSource(strings = {"RESOLVE", "resolve it", "ACK 12a", "CLOSE #", "close 0", "FIX 1234", "done #1234",
            "resolve 1234 now", "ack 1234567890123456789", "START 12 34"})
    void malformedOrUnknownCommandsAreAttempts(String body) {
        assertThat(SmsCommand.parse(body)).isEmpty();
        assertThat(SmsCommand.looksLikeOne(body)).isTrue();
    }

    @Test
    void theKeywordsStayAsTheyWere() {
        assertThat(InboundKeyword.of("START")).isEqualTo(InboundKeyword.OPT_IN);
        assertThat(InboundKeyword.of("START 1234")).isEqualTo(InboundKeyword.OTHER);
        assertThat(InboundKeyword.of("stop")).isEqualTo(InboundKeyword.OPT_OUT);
    }
}
