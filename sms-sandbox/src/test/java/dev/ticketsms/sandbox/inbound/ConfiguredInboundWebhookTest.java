package dev.ticketsms.sandbox.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsms.sandbox.SandboxHttp;
import dev.ticketsms.sandbox.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConfiguredInboundWebhookTest {

    static final WebhookReceiver APP = new WebhookReceiver();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void inboundWebhook(DynamicPropertyRegistry registry) {
        registry.add("sandbox.inbound-webhook-url", () -> APP.url("/webhooks/twilio/inbound"));
    }

    @AfterAll
    static void stopApp() {
        APP.close();
    }

    @Test
    void without_a_webhookUrl_in_the_request_the_inbound_message_goes_to_sandbox_inbound_webhook_url() {
        var reply = new SandboxHttp(port).postJson("/sandbox/inbound", """
                {"from":"+15551230301","to":"+15005550006","body":"UNSTOP"}""");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("webhookUrl").asString()).isEqualTo(APP.url("/webhooks/twilio/inbound"));
        assertThat(APP.received()).hasSize(1);
        assertThat(APP.received().getFirst().form()).containsEntry("Body", "UNSTOP");
    }
}
