package dev.ticketsms.sandbox.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsms.sandbox.inbound.TwimlReplies.Reply;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TwimlRepliesTest {

    private static final String PHONE = "+15551230401";

    @Test
    void each_Message_of_the_Response_is_a_reply_to_the_sender_in_order() {
        var replies = TwimlReplies.in("<Response><Message>one</Message><Message> two </Message></Response>", PHONE);

        assertThat(replies).containsExactly(new Reply(PHONE, "one"), new Reply(PHONE, "two"));
    }

    @Test
    void a_Message_with_a_Body_and_Media_sends_the_Body_text() {
        var replies = TwimlReplies.in(
                "<Response><Message><Body>see picture</Body><Media>https://example.com/a.png</Media></Message></Response>", PHONE);

        assertThat(replies).containsExactly(new Reply(PHONE, "see picture"));
    }

    @Test
    void a_Message_with_a_to_attribute_goes_to_that_number() {
        var replies = TwimlReplies.in("<Response><Message to=\"+15551230402\">fwd</Message></Response>", PHONE);

        assertThat(replies).containsExactly(new Reply("+15551230402", "fwd"));
    }

    @Test
    void escaped_characters_arrive_as_text() {
        var replies = TwimlReplies.in("<Response><Message>a &lt; b &amp; c</Message></Response>", PHONE);

        assertThat(replies).containsExactly(new Reply(PHONE, "a < b & c"));
    }

    @Test
    void an_empty_Response_JSON_or_an_empty_answer_asks_for_no_reply() {
        assertThat(TwimlReplies.in("<Response/>", PHONE)).isEmpty();
        assertThat(TwimlReplies.in("{\"message\":\"ok\"}", PHONE)).isEmpty();
        assertThat(TwimlReplies.in("", PHONE)).isEmpty();
        assertThat(TwimlReplies.in(null, PHONE)).isEmpty();
        assertThat(TwimlReplies.in("<Other><Message>x</Message></Other>", PHONE)).isEmpty();
    }

    @Test
    void a_document_type_declaration_is_refused_so_no_external_entity_is_ever_read() {
        var xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>"
                + "<Response><Message>&secret;</Message></Response>";

        assertThat(TwimlReplies.in(xxe, PHONE)).isEmpty();
    }
}
