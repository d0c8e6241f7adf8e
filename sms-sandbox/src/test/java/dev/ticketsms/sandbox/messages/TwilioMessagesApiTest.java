package dev.ticketsms.sandbox.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import dev.ticketsms.sandbox.SandboxHttp;
import dev.ticketsms.sandbox.SandboxHttp.Reply;
import dev.ticketsms.sandbox.SandboxProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What Twilio's Messages API answers; the carrier is held back for an hour so statuses stay as answered. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sandbox.callbacks.delay=PT1H")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TwilioMessagesApiTest {

    private static final String RFC_2822 = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000";

    @LocalServerPort
    int port;

    @Autowired
    SandboxProperties sandbox;

    @Autowired
    ReceivedMessages receivedMessages;

    SandboxHttp http;
    String credentials;
    String messagesPath;

    @BeforeEach
    void emptySandbox() {
        http = new SandboxHttp(port);
        credentials = SandboxHttp.basicAuth(sandbox.accountSid(), sandbox.authToken());
        messagesPath = "/2010-04-01/Accounts/" + sandbox.accountSid() + "/Messages.json";
        http.delete("/sandbox/messages");
    }

    @Test
    void a_valid_message_is_answered_201_with_Twilio_message_fields() {
        var reply = send("To", "+15551230001", "From", "+15005550006", "Body", "Ticket #42 created");

        assertThat(reply.status()).isEqualTo(201);
        var json = reply.json();
        var sid = json.get("sid").asString();
        var uri = "/2010-04-01/Accounts/" + sandbox.accountSid() + "/Messages/" + sid;
        assertThat(sid).matches("SM[0-9a-f]{32}");
        assertThat(json.get("account_sid").asString()).isEqualTo(sandbox.accountSid());
        assertThat(json.get("to").asString()).isEqualTo("+15551230001");
        assertThat(json.get("from").asString()).isEqualTo("+15005550006");
        assertThat(json.get("messaging_service_sid").isNull()).isTrue();
        assertThat(json.get("body").asString()).isEqualTo("Ticket #42 created");
        assertThat(json.get("status").asString()).isEqualTo("queued");
        assertThat(json.get("num_segments").asString()).isEqualTo("1");
        assertThat(json.get("num_media").asString()).isEqualTo("0");
        assertThat(json.get("direction").asString()).isEqualTo("outbound-api");
        assertThat(json.get("api_version").asString()).isEqualTo("2010-04-01");
        assertThat(json.get("date_created").asString()).matches(RFC_2822);
        assertThat(json.get("date_updated").asString()).isEqualTo(json.get("date_created").asString());
        assertThat(json.get("date_sent").asString()).as("the accept time").isEqualTo(json.get("date_created").asString());
        assertThat(json.get("price_unit").asString()).isEqualTo("USD");
        for (var field : new String[] {"price", "error_code", "error_message"}) {
            assertThat(json.has(field)).as(field + " present").isTrue();
            assertThat(json.get(field).isNull()).as(field + " null").isTrue();
        }
        assertThat(json.get("uri").asString()).isEqualTo(uri + ".json");
        assertThat(json.get("subresource_uris").get("media").asString()).isEqualTo(uri + "/Media.json");
        assertThat(json.get("subresource_uris").get("feedback").asString()).isEqualTo(uri + "/Feedback.json");
    }

    @Test
    void a_body_longer_than_one_SMS_reports_its_segments() {
        var reply = send("To", "+15551230001", "From", "+15005550006", "Body", "😀".repeat(36));

        assertThat(reply.json().get("num_segments").asString()).isEqualTo("2");
    }

    @Test
    void a_messaging_service_may_stand_in_for_From() {
        var reply = send("To", "+15551230001", "MessagingServiceSid", "MG00000000000000000000000000000000", "Body", "hi");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("status").asString()).isEqualTo("accepted");
        assertThat(reply.json().get("from").isNull()).isTrue();
        assertThat(reply.json().get("messaging_service_sid").asString()).isEqualTo("MG00000000000000000000000000000000");
    }

    @Test
    void a_media_message_needs_no_body() {
        var reply = send("To", "+15551230001", "From", "+15005550006",
                "MediaUrl", "https://example.com/a.png", "MediaUrl", "https://example.com/b.png");

        assertThat(reply.status()).isEqualTo(201);
        var stored = receivedMessages.find(new MessageSid(reply.json().get("sid").asString())).orElseThrow();
        assertThat(stored.mediaUrls()).containsExactly(URI.create("https://example.com/a.png"), URI.create("https://example.com/b.png"));
    }

    @Test
    void status_callback_validity_period_and_max_price_are_kept_with_the_message() {
        var reply = send("To", "+15551230001", "From", "+15005550006", "Body", "hi",
                "StatusCallback", "http://localhost:8083/webhooks/twilio/status", "ValidityPeriod", "600", "MaxPrice", "0.05");

        var stored = receivedMessages.find(new MessageSid(reply.json().get("sid").asString())).orElseThrow();
        assertThat(stored.statusCallback()).isEqualTo(URI.create("http://localhost:8083/webhooks/twilio/status"));
        assertThat(stored.validityPeriod()).isEqualTo(Duration.ofMinutes(10));
        assertThat(stored.maxPrice()).isEqualTo("0.05");
    }

    @Test
    void missing_To_is_rejected_with_Twilio_error_21604() {
        var reply = send("From", "+15005550006", "Body", "hi");

        assertTwilioError(reply, 400, 21604, "A 'To' phone number is required.");
    }

    @Test
    void missing_From_and_MessagingServiceSid_is_rejected_with_Twilio_error_21603() {
        var reply = send("To", "+15551230001", "Body", "hi");

        assertTwilioError(reply, 400, 21603, "A 'From' phone number is required.");
    }

    @Test
    void missing_Body_without_media_is_rejected_with_Twilio_error_21602() {
        var reply = send("To", "+15551230001", "From", "+15005550006");

        assertTwilioError(reply, 400, 21602, "Message body is required.");
    }

    @Test
    void a_To_that_is_not_E164_is_rejected_with_Twilio_error_21211() {
        for (var to : new String[] {"15551230001", "+1555123", "+1234567890123456", "+1 555 123 0001", "+1555abc0001"}) {
            var reply = send("To", to, "From", "+15005550006", "Body", "hi");

            assertTwilioError(reply, 400, 21211, "The 'To' number " + to + " is not a valid phone number.");
        }
    }

    @Test
    void a_body_over_1600_characters_is_rejected_with_Twilio_error_21617_and_1600_are_accepted() {
        var tooLong = send("To", "+15551230001", "From", "+15005550006", "Body", "a".repeat(1601));
        var longest = send("To", "+15551230001", "From", "+15005550006", "Body", "a".repeat(1600));

        assertTwilioError(tooLong, 400, 21617, "The concatenated message body exceeds the 1600 character limit.");
        assertThat(longest.status()).isEqualTo(201);
        assertThat(longest.json().get("num_segments").asString()).isEqualTo("11");
    }

    @Test
    void a_status_callback_that_is_not_an_http_URL_is_rejected_with_Twilio_error_21609() {
        var reply = send("To", "+15551230001", "From", "+15005550006", "Body", "hi", "StatusCallback", "not a url");

        assertTwilioError(reply, 400, 21609, "Invalid 'StatusCallback'");
    }

    @Test
    void a_validity_period_outside_1_to_36000_seconds_is_rejected_with_Twilio_error_90007() {
        for (var seconds : new String[] {"0", "36001", "ten"}) {
            var reply = send("To", "+15551230001", "From", "+15005550006", "Body", "hi", "ValidityPeriod", seconds);

            assertTwilioError(reply, 400, 90007, "Invalid validity period value");
        }
    }

    @Test
    void a_media_URL_that_is_not_an_http_URL_is_rejected_with_Twilio_error_21620() {
        var reply = send("To", "+15551230001", "From", "+15005550006", "MediaUrl", "file:///etc/passwd");

        assertTwilioError(reply, 400, 21620, "Invalid media URL(s).");
    }

    @Test
    void Twilio_test_recipients_answer_their_documented_errors_and_are_not_kept() {
        assertTwilioError(send("To", "+15005550001", "From", "+15005550006", "Body", "hi"), 400, 21211,
                "The 'To' number +15005550001 is not a valid phone number.");
        assertTwilioError(send("To", "+15005550002", "From", "+15005550006", "Body", "hi"), 400, 21612,
                "The 'To' phone number: +15005550002, is not currently reachable using the 'From' phone number: +15005550006 via SMS.");
        assertTwilioError(send("To", "+15005550003", "From", "+15005550006", "Body", "hi"), 400, 21408,
                "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: +15005550003.");
        assertTwilioError(send("To", "+15005550004", "From", "+15005550006", "Body", "hi"), 400, 21610,
                "Attempt to send to unsubscribed recipient");
        assertTwilioError(send("To", "+15005550009", "From", "+15005550006", "Body", "hi"), 400, 21614,
                "'To' number is not a valid mobile number");

        assertThat(http.get("/sandbox/messages", null).json()).isEmpty();
    }

    @Test
    void Twilio_test_senders_answer_their_documented_errors() {
        assertThat(send("To", "+15551230001", "From", "+15005550001", "Body", "hi").json().get("code").asInt()).isEqualTo(21212);
        assertThat(send("To", "+15551230001", "From", "+15005550007", "Body", "hi").json().get("code").asInt()).isEqualTo(21606);
        assertThat(send("To", "+15551230001", "From", "+15005550008", "Body", "hi").json().get("code").asInt()).isEqualTo(21611);
    }

    @Test
    void the_valid_test_sender_and_any_other_recipient_are_accepted() {
        assertThat(send("To", "+15005550006", "From", "+15005550006", "Body", "hi").status()).isEqualTo(201);
        assertThat(send("To", "+4915112345678", "From", "+15005550006", "Body", "hi").status()).isEqualTo(201);
    }

    @Test
    void an_unknown_resource_under_Twilio_API_is_answered_with_Twilio_error_20404() {
        var path = "/2010-04-01/Accounts/" + sandbox.accountSid() + "/Calls.json";

        var reply = http.postForm(path, credentials, "To", "+15551230001");

        assertTwilioError(reply, 404, 20404, "The requested resource " + path + " was not found");
    }

    @Test
    void an_unknown_resource_without_credentials_is_still_a_401() {
        var reply = http.get("/2010-04-01/Accounts/" + sandbox.accountSid() + "/Calls.json", null);

        assertTwilioError(reply, 401, 20003, "Authenticate");
    }

    @Test
    void a_rejected_message_is_not_kept() {
        send("To", "+15551230001", "Body", "hi");

        assertThat(http.get("/sandbox/messages", null).json()).isEmpty();
    }

    @Test
    void a_created_message_can_be_fetched_by_its_SID() {
        var created = send("To", "+15551230001", "From", "+15005550006", "Body", "hi");

        var fetched = http.get(created.json().get("uri").asString(), credentials);

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(created.json());
    }

    @Test
    void fetching_an_unknown_SID_is_answered_with_Twilio_error_20404() {
        var path = "/2010-04-01/Accounts/" + sandbox.accountSid() + "/Messages/SM0123456789abcdef0123456789abcdef.json";

        var reply = http.get(path, credentials);

        assertTwilioError(reply, 404, 20404, "The requested resource " + path + " was not found");
    }

    @Test
    void the_Messages_list_answers_Twilio_page_fields_and_the_account_messages_newest_first() {
        var older = send("To", "+15551230003", "From", "+15005550006", "Body", "older");
        var newer = send("To", "+15551230003", "From", "+15005550006", "Body", "newer");
        send("To", "+15551230004", "From", "+15005550006", "Body", "someone else");

        var reply = http.get(messagesPath + "?To=%2B15551230003&DateSent%3E=2024-05-01&PageSize=1", credentials);

        assertThat(reply.status()).isEqualTo(200);
        var json = reply.json();
        var firstPage = messagesPath + "?To=%2B15551230003&DateSent%3E=2024-05-01&PageSize=1&Page=0";
        assertThat(json.get("messages")).hasSize(1);
        assertThat(json.get("messages").get(0)).isEqualTo(http.get(newer.json().get("uri").asString(), credentials).json());
        assertThat(json.get("page").asInt()).isZero();
        assertThat(json.get("page_size").asInt()).isEqualTo(1);
        assertThat(json.get("start").asInt()).isZero();
        assertThat(json.get("end").asInt()).isZero();
        assertThat(json.get("uri").asString()).isEqualTo(firstPage);
        assertThat(json.get("first_page_uri").asString()).isEqualTo(firstPage);
        assertThat(json.get("previous_page_uri").isNull()).isTrue();
        assertThat(json.get("next_page_uri").asString())
                .isEqualTo(messagesPath + "?To=%2B15551230003&DateSent%3E=2024-05-01&PageSize=1&Page=1&PageToken=PA"
                        + newer.json().get("sid").asString());

        var next = http.get(json.get("next_page_uri").asString(), credentials).json();

        assertThat(next.get("messages").get(0).get("sid").asString()).isEqualTo(older.json().get("sid").asString());
        assertThat(next.get("start").asInt()).isEqualTo(1);
        assertThat(next.get("next_page_uri").isNull()).isTrue();
        assertThat(next.get("previous_page_uri").asString()).contains("Page=0&PageToken=PB");
    }

    @Test
    void a_Messages_list_filter_Twilio_cannot_read_is_a_400_with_error_20001_naming_the_parameter() {
        var reply = http.get(messagesPath + "?DateSent%3C=last-week", credentials);

        assertTwilioError(reply, 400, 20001,
                "Invalid value 'last-week' for parameter DateSent<: must be a date such as 2024-05-01 (GMT)");
    }

    @Test
    void the_Messages_list_needs_the_account_credentials_and_shows_only_the_path_account() {
        send("To", "+15551230005", "From", "+15005550006", "Body", "hi");

        assertTwilioError(http.get(messagesPath, null), 401, 20003, "Authenticate");
        assertTwilioError(http.get("/2010-04-01/Accounts/AC11111111111111111111111111111111/Messages.json", credentials),
                401, 20003, "Authenticate");
        assertThat(http.get(messagesPath, credentials).json().get("messages")).hasSize(1);
    }

    @Test
    void the_sandbox_lists_received_messages_in_arrival_order_without_credentials() {
        var first = send("To", "+15551230001", "From", "+15005550006", "Body", "first",
                "StatusCallback", "https://example.com/status");
        var second = send("To", "+15551230002", "MessagingServiceSid", "MG00000000000000000000000000000000", "Body", "second");

        var listed = http.get("/sandbox/messages", null).json();

        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("sid").asString()).isEqualTo(first.json().get("sid").asString());
        assertThat(listed.get(0).get("to").asString()).isEqualTo("+15551230001");
        assertThat(listed.get(0).get("from").asString()).isEqualTo("+15005550006");
        assertThat(listed.get(0).get("body").asString()).isEqualTo("first");
        assertThat(listed.get(0).get("status").asString()).isEqualTo("queued");
        assertThat(listed.get(0).get("numSegments").asInt()).isEqualTo(1);
        assertThat(listed.get(0).get("statusCallback").asString()).isEqualTo("https://example.com/status");
        assertThat(listed.get(0).get("receivedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(listed.get(1).get("sid").asString()).isEqualTo(second.json().get("sid").asString());
        assertThat(listed.get(1).get("messagingServiceSid").asString()).isEqualTo("MG00000000000000000000000000000000");
    }

    @Test
    void the_sandbox_lists_only_the_messages_to_a_given_number() {
        send("To", "+15551230001", "From", "+15005550006", "Body", "for one");
        send("To", "+15551230002", "From", "+15005550006", "Body", "for two");

        var listed = http.get("/sandbox/messages?to=%2B15551230002", null).json();

        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("body").asString()).isEqualTo("for two");
    }

    @Test
    void deleting_the_sandbox_messages_empties_the_list() {
        send("To", "+15551230001", "From", "+15005550006", "Body", "hi");

        var deleted = http.delete("/sandbox/messages");

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(http.get("/sandbox/messages", null).json()).isEmpty();
    }

    private Reply send(String... form) {
        return http.postForm(messagesPath, credentials, form);
    }

    static void assertTwilioError(Reply reply, int status, int code, String message) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().get("code").asInt()).isEqualTo(code);
        assertThat(reply.json().get("message").asString()).isEqualTo(message);
        assertThat(reply.json().get("more_info").asString()).isEqualTo("https://www.twilio.com/docs/errors/" + code);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
    }
}
