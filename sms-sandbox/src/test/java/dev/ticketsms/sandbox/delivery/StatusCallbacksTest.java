package dev.ticketsms.sandbox.delivery;

import dev.ticketsms.sandbox.FreshSandbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.twilio.security.RequestValidator;
import dev.ticketsms.sandbox.SandboxHttp;
import dev.ticketsms.sandbox.SandboxHttp.Reply;
import dev.ticketsms.sandbox.SandboxTest;
import dev.ticketsms.sandbox.WebhookReceiver;
import dev.ticketsms.sandbox.WebhookReceiver.Answer;
import dev.ticketsms.sandbox.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SandboxTest
class StatusCallbacksTest extends FreshSandbox {

    private static final String SENDER = "+15005550006";

    WebhookReceiver app;
    String callbackUrl;

    @BeforeEach
    void startTheApplicationsWebhooks() {
        http.delete("/sandbox/callbacks");
        app = new WebhookReceiver();
        callbackUrl = app.url("/webhooks/twilio/status");
    }

    @AfterEach
    void stopApp() {
        app.close();
    }

    @Test
    void an_accepted_message_is_reported_sent_then_delivered_with_Twilio_callback_fields() {
        var sid = send("+15551230001", "From", SENDER).json().get("sid").asString();

        var callbacks = awaitCallbacks(2);

        assertThat(statuses(callbacks)).containsExactly("sent", "delivered");
        for (var callback : callbacks) {
            assertThat(callback.path()).isEqualTo("/webhooks/twilio/status");
            assertThat(callback.contentType()).startsWith("application/x-www-form-urlencoded");
            assertThat(callback.form()).containsEntry("MessageSid", sid).containsEntry("SmsSid", sid)
                    .containsEntry("AccountSid", sandbox.accountSid()).containsEntry("From", SENDER)
                    .containsEntry("To", "+15551230001").containsEntry("ApiVersion", "2010-04-01")
                    .doesNotContainKey("ErrorCode");
            assertThat(callback.form().get("SmsStatus")).isEqualTo(callback.form().get("MessageStatus"));
        }
    }

    @Test
    void every_callback_carries_a_signature_the_Twilio_SDK_RequestValidator_accepts() {
        send("+15551230002", "From", SENDER);

        var callbacks = awaitCallbacks(2);

        var validator = new RequestValidator(sandbox.authToken());
        var impostor = new RequestValidator("another-auth-token");
        for (var callback : callbacks) {
            assertThat(callback.signature()).isNotBlank();
            assertThat(validator.validate(callbackUrl, callback.form(), callback.signature())).isTrue();
            assertThat(impostor.validate(callbackUrl, callback.form(), callback.signature())).isFalse();
        }
    }

    @Test
    void the_stored_status_follows_the_callbacks_to_delivered() {
        var created = send("+15551230003", "From", SENDER);

        awaitCallbacks(2);

        await().untilAsserted(() -> {
            var fetched = fetch(created);
            assertThat(fetched.json().get("status").asString()).isEqualTo("delivered");
            assertThat(fetched.json().get("error_code").isNull()).isTrue();
        });
    }

    @Test
    void a_message_without_a_StatusCallback_is_delivered_in_the_store_all_the_same() {
        var created = http.postForm(messagesPath(), credentials(), "To", "+15551230004", "From", SENDER, "Body", "hi");

        await().untilAsserted(() -> assertThat(fetch(created).json().get("status").asString()).isEqualTo("delivered"));
        assertThat(app.received()).isEmpty();
    }

    @Test
    void a_message_sent_through_a_messaging_service_is_queued_before_it_is_sent() {
        send("+15551230005", "MessagingServiceSid", "MG00000000000000000000000000000000");

        var callbacks = awaitCallbacks(3);

        assertThat(statuses(callbacks)).containsExactly("queued", "sent", "delivered");
        assertThat(callbacks.getFirst().form())
                .containsEntry("MessagingServiceSid", "MG00000000000000000000000000000000")
                .doesNotContainKey("From");
    }

    @Test
    void an_UNDELIVERED_fault_ends_an_accepted_message_undelivered_with_its_carrier_error() {
        http.postJson("/sandbox/faults", """
                {"to":"+15551230006","kind":"UNDELIVERED","errorCode":30005}""");

        var created = send("+15551230006", "From", SENDER);

        assertThat(created.status()).isEqualTo(201);
        var callbacks = awaitCallbacks(2);
        assertThat(statuses(callbacks)).containsExactly("sent", "undelivered");
        assertThat(callbacks.getFirst().form()).doesNotContainKey("ErrorCode");
        assertThat(callbacks.getLast().form()).containsEntry("ErrorCode", "30005");
        await().untilAsserted(() -> {
            var fetched = fetch(created).json();
            assertThat(fetched.get("status").asString()).isEqualTo("undelivered");
            assertThat(fetched.get("error_code").asInt()).isEqualTo(30005);
        });
    }

    @Test
    void a_FAILED_fault_fails_the_message_with_30008_without_it_ever_being_sent() {
        http.postJson("/sandbox/faults", """
                {"to":"+15551230007","kind":"FAILED"}""");

        send("+15551230007", "From", SENDER);

        var callbacks = awaitCallbacks(1);
        assertThat(statuses(callbacks)).containsExactly("failed");
        assertThat(callbacks.getFirst().form()).containsEntry("ErrorCode", "30008");
    }

    @Test
    void a_carrier_fault_for_one_number_leaves_other_numbers_delivered() {
        http.postJson("/sandbox/faults", """
                {"to":"+15551230008","kind":"UNDELIVERED"}""");

        send("+15551230009", "From", SENDER);

        assertThat(statuses(awaitCallbacks(2))).containsExactly("sent", "delivered");
    }

    @Test
    void on_request_callbacks_arrive_in_reverse_order_while_the_store_ends_delivered() {
        http.putJson("/sandbox/callbacks", """
                {"order":"REVERSED"}""");

        var created = send("+15551230010", "From", SENDER);

        assertThat(statuses(awaitCallbacks(2))).containsExactly("delivered", "sent");
        await().untilAsserted(() -> assertThat(fetch(created).json().get("status").asString()).isEqualTo("delivered"));
    }

    @Test
    void on_request_callbacks_arrive_shuffled_each_status_once() {
        http.putJson("/sandbox/callbacks", """
                {"order":"SHUFFLED"}""");

        send("+15551230011", "MessagingServiceSid", "MG00000000000000000000000000000000");

        assertThat(statuses(awaitCallbacks(3))).containsExactlyInAnyOrder("queued", "sent", "delivered");
    }

    @Test
    void on_request_no_callback_is_posted_while_the_message_still_ends_delivered() {
        http.putJson("/sandbox/callbacks", """
                {"order":"NONE"}""");

        var created = send("+15551230013", "From", SENDER);

        await().untilAsserted(() -> assertThat(fetch(created).json().get("status").asString()).isEqualTo("delivered"));
        assertThat(app.received()).isEmpty();
    }

    @Test
    void on_request_each_callback_is_duplicated() {
        var changed = http.putJson("/sandbox/callbacks", """
                {"order":"TWILIO","duplicates":2}""");

        send("+15551230012", "From", SENDER);

        assertThat(changed.json().get("duplicates").asInt()).isEqualTo(2);
        assertThat(statuses(awaitCallbacks(6)))
                .containsExactly("sent", "sent", "sent", "delivered", "delivered", "delivered");
    }

    @Test
    void a_callback_the_application_answers_with_500_is_posted_again() {
        app.answerNext(new Answer(500, null, ""));

        send("+15551230013", "From", SENDER);

        assertThat(statuses(awaitCallbacks(3))).containsExactly("sent", "sent", "delivered");
    }

    @Test
    void an_unreachable_callback_URL_does_not_stop_the_message_being_delivered() {
        app.close();

        var created = send("+15551230014", "From", SENDER);

        await().untilAsserted(() -> assertThat(fetch(created).json().get("status").asString()).isEqualTo("delivered"));
        await().untilAsserted(() -> assertThat(http.get("/sandbox/stats", null).json().get("callbacks").get("failed").asInt())
                .isGreaterThanOrEqualTo(2));
    }

    @Test
    void callback_settings_outside_the_allowed_values_are_a_400_naming_the_field() {
        var tooMany = http.putJson("/sandbox/callbacks", """
                {"duplicates":11}""");
        var unknownOrder = http.putJson("/sandbox/callbacks", """
                {"order":"RANDOM"}""");

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("duplicates");
        assertThat(unknownOrder.status()).isEqualTo(400);
        assertThat(unknownOrder.json().get("errors").get(0).get("field").asString()).isEqualTo("order");
        assertThat(http.get("/sandbox/callbacks", null).json().get("order").asString()).isEqualTo("TWILIO");
    }

    private Reply send(String to, String senderField, String sender) {
        var reply = http.postForm(messagesPath(), credentials(), "To", to, senderField, sender, "Body", "Ticket #7 resolved",
                "StatusCallback", callbackUrl);
        assertThat(reply.status()).isEqualTo(201);
        return reply;
    }

    private Reply fetch(Reply created) {
        return http.get(created.json().get("uri").asString(), credentials());
    }

    private List<Received> awaitCallbacks(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> app.received().size() >= count);
        return app.received();
    }

    private static List<String> statuses(List<Received> callbacks) {
        return callbacks.stream().map(callback -> callback.form().get("MessageStatus")).toList();
    }

    private String messagesPath() {
        return "/2010-04-01/Accounts/" + sandbox.accountSid() + "/Messages.json";
    }

    private String credentials() {
        return SandboxHttp.basicAuth(sandbox.accountSid(), sandbox.authToken());
    }
}
