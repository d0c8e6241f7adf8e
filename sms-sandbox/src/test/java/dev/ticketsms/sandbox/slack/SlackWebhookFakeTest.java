package dev.ticketsms.sandbox.slack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.ticketsms.sandbox.FreshSandbox;
import dev.ticketsms.sandbox.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@SandboxTest
class SlackWebhookFakeTest extends FreshSandbox {

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void forgetPosts() {
        http.delete("/sandbox/slack/messages");
    }

    @Test
    void a_post_is_answered_ok_as_slack_does_and_listed_per_channel() throws Exception {
        var first = post("/sandbox/slack/ops", "{\"text\":\"New ticket #3: Printer on fire\"}");
        post("/sandbox/slack/billing", "{\"text\":\"for billing\"}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("ok");
        var ops = http.get("/sandbox/slack/messages?channel=ops", null).json();
        assertThat(ops.size()).isEqualTo(1);
        assertThat(ops.get(0).get("text").asString()).isEqualTo("New ticket #3: Printer on fire");
        assertThat(ops.get(0).get("receivedAt").isNull()).isFalse();
        assertThat(http.get("/sandbox/slack/messages", null).json().size()).isEqualTo(2);
    }

    @Test
    void a_payload_without_text_or_not_an_object_is_refused_with_slacks_words_and_not_kept() throws Exception {
        var noText = post("/sandbox/slack/ops", "{\"blocks\":[]}");
        var notAnObject = post("/sandbox/slack/ops", "[1,2]");

        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(noText.body()).isEqualTo("no_text");
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(notAnObject.body()).isEqualTo("invalid_payload");
        assertThat(http.get("/sandbox/slack/messages", null).json().size()).isZero();
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
