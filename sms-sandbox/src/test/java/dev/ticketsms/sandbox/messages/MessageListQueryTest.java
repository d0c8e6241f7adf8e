package dev.ticketsms.sandbox.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import dev.ticketsms.sandbox.twilio.TwilioApiException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Which messages Twilio's Messages list shows for a query, and how it cuts them into pages. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MessageListQueryTest {

    private static final String ACCOUNT = "AC00000000000000000000000000000000";
    private static final String ALICE = "+15551230701";
    private static final String BOB = "+15551230702";
    private static final String SENDER = "+15005550006";

    private final List<SandboxMessage> kept = new ArrayList<>();

    @Test
    void DateSent_is_one_UTC_day_and_the_inequalities_include_the_day_they_name() {
        var may1Late = keep(ALICE, "2024-05-01T23:59:59Z");
        var may2Early = keep(ALICE, "2024-05-02T00:00:00Z");
        var may3 = keep(ALICE, "2024-05-03T12:00:00Z");

        assertThat(list(form("DateSent", "2024-05-02"))).containsExactly(may2Early);
        assertThat(list(form("DateSent<", "2024-05-02"))).containsExactly(may2Early, may1Late);
        assertThat(list(form("DateSent>", "2024-05-02"))).containsExactly(may3, may2Early);
        assertThat(list(form("DateSent>", "2024-05-01", "DateSent<", "2024-05-01"))).containsExactly(may1Late);
        assertThat(list(form("DateSent>", "2024-05-03", "DateSent<", "2024-05-01"))).isEmpty();
    }

    @Test
    void a_date_with_a_time_of_day_as_the_Twilio_SDK_sends_it_counts_as_its_UTC_day() {
        var may1 = keep(ALICE, "2024-05-01T08:00:00Z");
        var may2 = keep(ALICE, "2024-05-02T08:00:00Z");

        assertThat(list(form("DateSent", "2024-05-02T23:30:00"))).containsExactly(may2);
        assertThat(list(form("DateSent", "2024-05-02T01:30:00+02:00"))).containsExactly(may1);
        assertThat(list(form("DateSent>", "Thu, 02 May 2024 06:00:00 +0000"))).containsExactly(may2);
    }

    @Test
    void To_and_From_match_exactly_and_other_accounts_messages_never_show() {
        var toAlice = keep(ALICE, "2024-05-01T08:00:00Z");
        var toBob = keep(BOB, "2024-05-01T08:00:00Z");
        kept.add(message("AC11111111111111111111111111111111", ALICE, "2024-05-01T08:00:00Z"));

        assertThat(list(form("To", ALICE))).containsExactly(toAlice);
        assertThat(list(form("From", SENDER))).containsExactly(toBob, toAlice);
        assertThat(list(form("From", "+15005550007"))).isEmpty();
    }

    @Test
    void pages_go_newest_first_and_the_next_page_token_continues_after_the_last_message_seen() {
        var messages = keepMany(5);
        var first = page(form("PageSize", "2"));

        assertThat(first.messages()).containsExactly(messages.get(4), messages.get(3));
        assertThat(first.start()).isZero();
        assertThat(first.end()).isEqualTo(1);
        assertThat(first.previousPageUri()).isNull();
        assertThat(first.nextPageUri()).isEqualTo(
                "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json?PageSize=2&Page=1&PageToken=PA" + messages.get(3).sid());

        var newest = keep(ALICE, "2024-05-02T09:00:00Z");
        var second = page(form("PageSize", "2", "Page", "1", "PageToken", "PA" + messages.get(3).sid()));
        var last = page(form("PageSize", "2", "Page", "2", "PageToken", "PA" + messages.get(1).sid()));

        assertThat(second.messages()).as("a message arriving meanwhile shifts nothing")
                .containsExactly(messages.get(2), messages.get(1));
        assertThat(second.start()).isEqualTo(2);
        assertThat(second.end()).isEqualTo(3);
        assertThat(last.messages()).containsExactly(messages.get(0));
        assertThat(last.nextPageUri()).isNull();
        assertThat(page(form("PageSize", "2")).messages()).startsWith(newest);
    }

    @Test
    void the_previous_page_token_ends_before_the_first_message_seen() {
        var messages = keepMany(5);

        var second = page(form("PageSize", "2", "Page", "1", "PageToken", "PA" + messages.get(3).sid()));
        var backToFirst = page(form("PageSize", "2", "Page", "0", "PageToken", "PB" + messages.get(2).sid()));

        assertThat(second.previousPageUri()).endsWith("PageSize=2&Page=0&PageToken=PB" + messages.get(2).sid());
        assertThat(backToFirst.messages()).containsExactly(messages.get(4), messages.get(3));
    }

    @Test
    void without_a_token_a_page_number_counts_whole_pages_from_the_newest() {
        var messages = keepMany(5);

        assertThat(page(form("PageSize", "2", "Page", "2")).messages()).containsExactly(messages.get(0));
        assertThat(page(form("PageSize", "2", "Page", "3")).messages()).isEmpty();
    }

    @Test
    void a_token_whose_message_is_no_longer_kept_ends_the_list() {
        keepMany(3);

        var page = page(form("PageToken", "PA" + MessageSid.random()));

        assertThat(page.messages()).isEmpty();
        assertThat(page.nextPageUri()).isNull();
        assertThat(page.end()).isEqualTo(page.start());
    }

    @Test
    void page_URIs_repeat_the_filters_as_given_in_Twilio_order_and_encoding() {
        keepMany(3);

        var page = page(form("DateSent>", "2024-05-01", "From", SENDER, "To", ALICE, "PageSize", "2"));

        assertThat(page.uri()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT
                + "/Messages.json?To=%2B15551230701&From=%2B15005550006&DateSent%3E=2024-05-01&PageSize=2&Page=0");
        assertThat(page.firstPageUri()).isEqualTo(page.uri());
        assertThat(page.nextPageUri()).startsWith(page.uri().replace("Page=0", "Page=1") + "&PageToken=PA");
    }

    @Test
    void the_page_size_is_50_unless_given_and_at_most_1000() {
        keepMany(60);

        assertThat(page(form()).messages()).hasSize(50);
        assertThat(page(form()).pageSize()).isEqualTo(50);
        assertThat(page(form("PageSize", "1000")).messages()).hasSize(60);
    }

    @Test
    void a_value_that_cannot_be_read_is_Twilio_error_20001_naming_the_parameter() {
        assertInvalid(form("DateSent", "yesterday"), "DateSent");
        assertInvalid(form("DateSent<", "2024-13-01"), "DateSent<");
        assertInvalid(form("DateSent>", ">=2024-05-01"), "DateSent>");
        assertInvalid(form("PageSize", "0"), "PageSize");
        assertInvalid(form("PageSize", "1001"), "PageSize");
        assertInvalid(form("PageSize", "ten"), "PageSize");
        assertInvalid(form("Page", "-1"), "Page");
        assertInvalid(form("PageToken", "PX" + MessageSid.random()), "PageToken");
        assertInvalid(form("PageToken", "PA123"), "PageToken");
    }

    private void assertInvalid(MessageListForm form, String parameter) {
        assertThatExceptionOfType(TwilioApiException.class)
                .isThrownBy(() -> MessageListQuery.of(ACCOUNT, form))
                .satisfies(refusal -> {
                    assertThat(refusal.code()).isEqualTo(20001);
                    assertThat(refusal.status().value()).isEqualTo(400);
                    assertThat(refusal.getMessage()).contains("for parameter " + parameter + ":");
                });
    }

    private List<SandboxMessage> list(MessageListForm form) {
        return page(form).messages();
    }

    private MessagePage page(MessageListForm form) {
        var query = MessageListQuery.of(ACCOUNT, form);
        return MessagePage.of(query, kept.reversed().stream().filter(query::matches).toList());
    }

    /** Messages one minute apart, oldest first. */
    private List<SandboxMessage> keepMany(int count) {
        var messages = new ArrayList<SandboxMessage>();
        for (int i = 0; i < count; i++) {
            messages.add(keep(ALICE, Instant.parse("2024-05-01T08:00:00Z").plusSeconds(60L * i).toString()));
        }
        return messages;
    }

    private SandboxMessage keep(String to, String sentAt) {
        var message = message(ACCOUNT, to, sentAt);
        kept.add(message);
        return message;
    }

    private static SandboxMessage message(String account, String to, String sentAt) {
        var at = Instant.parse(sentAt);
        return new SandboxMessage(MessageSid.random(), account, Direction.OUTBOUND_API, to, SENDER, null, "hi",
                List.of(), MessageStatus.QUEUED, null, 1, null, null, null, at, at);
    }

    /** The list request's query parameters, by Twilio's names: name, value, name, value, ... */
    private static MessageListForm form(String... parameters) {
        var given = new HashMap<String, String>();
        for (int i = 0; i < parameters.length; i += 2) {
            given.put(parameters[i], parameters[i + 1]);
        }
        return new MessageListForm(given.get("To"), given.get("From"), given.get("DateSent"), given.get("DateSent<"),
                given.get("DateSent>"), given.get("PageSize"), given.get("Page"), given.get("PageToken"));
    }
}
