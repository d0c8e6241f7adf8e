package dev.ticketsms.sandbox.inbound;

import dev.ticketsms.sandbox.FreshSandbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.twilio.security.RequestValidator;
import dev.ticketsms.sandbox.SandboxHttp;
import dev.ticketsms.sandbox.SandboxTest;
import dev.ticketsms.sandbox.WebhookReceiver;
import dev.ticketsms.sandbox.WebhookReceiver.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@SandboxTest
class InboundSmsTest extends FreshSandbox {

    private static final String PHONE = "+15551230201";
    private static final String TWILIO_NUMBER = "+15005550006";

    WebhookReceiver app;
    String webhookUrl;

    @BeforeEach
    void startTheApplicationsWebhooks() {
        app = new WebhookReceiver();
        webhookUrl = app.url("/webhooks/twilio/inbound");
    }

    @AfterEach
    void stopApp() {
        app.close();
    }

    @Test
    void a_STOP_reply_is_posted_to_the_webhook_with_Twilio_inbound_fields() {
        app.answerNext(new Answer(200, "text/xml", "<Response/>"));

        var reply = inbound("STOP");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(app.received()).hasSize(1);
        var posted = app.received().getFirst();
        assertThat(posted.path()).isEqualTo("/webhooks/twilio/inbound");
        assertThat(posted.form().get("MessageSid")).matches("SM[0-9a-f]{32}").isEqualTo(reply.json().get("messageSid").asString());
        assertThat(posted.form()).containsEntry("SmsSid", posted.form().get("MessageSid"))
                .containsEntry("AccountSid", sandbox.accountSid()).containsEntry("From", PHONE)
                .containsEntry("To", TWILIO_NUMBER).containsEntry("Body", "STOP").containsEntry("NumMedia", "0")
                .containsEntry("NumSegments", "1").containsEntry("SmsStatus", "received")
                .containsEntry("ApiVersion", "2010-04-01");
        assertThat(reply.json().get("webhookStatus").asInt()).isEqualTo(200);
        assertThat(reply.json().get("webhookBody").asString()).isEqualTo("<Response/>");
        assertThat(reply.json().get("replies")).isEmpty();
    }

    @Test
    void the_inbound_webhook_is_signed_so_the_Twilio_SDK_RequestValidator_accepts_it() {
        inbound("START");

        var posted = app.received().getFirst();
        assertThat(new RequestValidator(sandbox.authToken()).validate(webhookUrl, posted.form(), posted.signature())).isTrue();
        assertThat(new RequestValidator("another-auth-token").validate(webhookUrl, posted.form(), posted.signature())).isFalse();
    }

    @Test
    void a_TwiML_Message_answer_to_HELP_is_returned_and_sent_back_to_the_phone() {
        app.answerNext(new Answer(200, "text/xml; charset=utf-8",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Ticket alerts: reply STOP to opt out.</Message></Response>"));

        var reply = inbound("HELP");

        assertThat(reply.json().get("webhookContentType").asString()).startsWith("text/xml");
        assertThat(reply.json().get("webhookBody").asString()).contains("<Message>Ticket alerts: reply STOP to opt out.</Message>");
        var sent = reply.json().get("replies");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("to").asString()).isEqualTo(PHONE);
        assertThat(sent.get(0).get("from").asString()).isEqualTo(TWILIO_NUMBER);
        assertThat(sent.get(0).get("body").asString()).isEqualTo("Ticket alerts: reply STOP to opt out.");

        var listed = http.get("/sandbox/messages", null).json();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("direction").asString()).isEqualTo("inbound");
        assertThat(listed.get(0).get("from").asString()).isEqualTo(PHONE);
        assertThat(listed.get(0).get("body").asString()).isEqualTo("HELP");
        assertThat(listed.get(0).get("status").asString()).isEqualTo("received");
        assertThat(listed.get(1).get("direction").asString()).isEqualTo("outbound-reply");
        assertThat(listed.get(1).get("sid").asString()).isEqualTo(sent.get(0).get("sid").asString());
        await().untilAsserted(() -> assertThat(replyStatus()).isEqualTo("delivered"));
    }

    @Test
    void an_application_that_refuses_the_webhook_is_reported_with_its_status_and_nothing_is_sent_back() {
        app.answerNext(new Answer(403, "application/problem+json", "{\"title\":\"Forbidden\"}"));

        var reply = inbound("STOP");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("webhookStatus").asInt()).isEqualTo(403);
        assertThat(reply.json().get("replies")).isEmpty();
        assertThat(http.get("/sandbox/stats", null).json().get("inbound").get("failed").asInt()).isEqualTo(1);
    }

    @Test
    void an_unreachable_webhook_is_a_502_problem() {
        app.close();

        var reply = http.postJson("/sandbox/inbound", json("STOP"));

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().get("detail").asString()).contains(webhookUrl);
        assertThat(reply.json().get("messageSid").asString()).matches("SM[0-9a-f]{32}");
    }

    @Test
    void an_inbound_message_without_valid_numbers_body_or_webhook_is_a_400_naming_each_field() {
        var reply = http.postJson("/sandbox/inbound", """
                {"from":"555-0101","to":null,"body":null}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(fields(reply.json())).containsExactly("from", "to", "body", "webhookUrl");
        assertThat(app.received()).isEmpty();
        assertThat(http.get("/sandbox/messages", null).json()).isEmpty();
    }

    @Test
    void a_webhook_URL_that_is_not_http_is_a_400_naming_it() {
        var reply = http.postJson("/sandbox/inbound", """
                {"from":"+15551230201","to":"+15005550006","body":"STOP","webhookUrl":"file:///etc/passwd"}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(fields(reply.json())).containsExactly("webhookUrl");
    }

    private SandboxHttp.Reply inbound(String body) {
        var reply = http.postJson("/sandbox/inbound", json(body));
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    private String json(String body) {
        return """
                {"from":"%s","to":"%s","body":"%s","webhookUrl":"%s"}""".formatted(PHONE, TWILIO_NUMBER, body, webhookUrl);
    }

    private String replyStatus() {
        var listed = http.get("/sandbox/messages", null).json();
        for (var message : listed) {
            if (message.get("direction").asString().equals("outbound-reply")) {
                return message.get("status").asString();
            }
        }
        return null;
    }

    private static java.util.List<String> fields(JsonNode problem) {
        var fields = new java.util.ArrayList<String>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
