package dev.ticketsms.notification.delivery;

import com.sun.net.httpserver.HttpServer;
import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.events.TicketStatusChanged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A team's Slack channel beside its members' SMS, against an in-process HTTP server standing in for Slack's incoming
 * webhook: one post per event and team, whatever the replays; an answer that never says whether it was posted is not
 * posted again; a refused webhook fails that row only.
 */
@TestPropertySource(properties = "notifications.slack.minimum-severity=MEDIUM")
class SlackChannelIntegrationTest extends DeliveryIntegrationTest {

    static final UUID TEAM = UUID.fromString("5b7c2d9e-0000-4000-8000-00000005ac00");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> posts = new CopyOnWriteArrayList<>();
    private static final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private static final HttpServer slack = slack();

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("notifications.slack.webhooks", () -> TEAM + "=http://127.0.0.1:" + slack.getAddress().getPort()
                + "/services/T0000/B0000/secret-token");
    }

    @AfterAll
    static void stopSlack() {
        slack.stop(0);
    }

    @Test
    void eachTicketEventIsPostedOnceToTheTeamsChannelBesideTheMembersSms() {
        upstreams.teamHas(TEAM.toString(), """
                [{"userId":"pia","phoneNumber":"+14155550871","displayName":"Pia"}]""");
        int before = posts.size();

        TicketCreated created = publish(ticketCreated(TEAM));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(created)).containsExactly("SENT", "SENT"));
        publish(created);
        TicketStatusChanged resolved = publish(statusChanged(created, 1, TicketStatus.OPEN, TicketStatus.RESOLVED));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(resolved)).containsExactly("SENT", "SENT"));

        assertThat(ledger(created)).extracting(row -> row.get("channel"), row -> row.get("user_id"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SMS", "pia"),
                        org.assertj.core.groups.Tuple.tuple("SLACK", "slack:" + TEAM));
        List<String> texts = posts.subList(before, posts.size()).stream()
                .map(body -> (String) JSON.readValue(body, Map.class).get("text")).toList();
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0)).startsWith("New Support Ticket Created").contains("Title: Broken login");
        assertThat(texts.get(1)).startsWith("Ticket Status Updated").contains("Open -> Resolved");
        assertThat(sentTo("+14155550871")).hasSize(2);
    }

    @Test
    void aPostWhoseAnswerSaysNothingIsNotPostedAgainAndARefusedWebhookFailsOnlyItsRow() {
        upstreams.teamHas(TEAM.toString(), """
                [{"userId":"pia","phoneNumber":"+14155550872","displayName":"Pia"}]""");
        int before = posts.size();
        answers.add(502);
        TicketCreated unknown = publish(ticketCreated(TEAM));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(unknown)).containsExactly("SENT", "FAILED"));
        assertThat((String) ledger(unknown).get(1).get("error_message")).startsWith("outcome unknown, not posted again: HTTP 502");

        answers.add(404);
        TicketCreated refused = publish(ticketCreated(TEAM));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(refused)).containsExactly("SENT", "FAILED"));
        assertThat((String) ledger(refused).get(1).get("error_message")).startsWith("Slack refused the webhook: HTTP 404");

        assertThat(posts.size() - before).isEqualTo(2);
        assertThat(sentTo("+14155550872")).hasSize(2);
    }

    @Test
    void aTicketBelowTheChannelsMinimumSeverityIsNotPosted() {
        upstreams.teamHas(TEAM.toString(), """
                [{"userId":"pia","phoneNumber":"+14155550873","displayName":"Pia"}]""");
        var low = new TicketCreated(UUID.randomUUID(), java.time.Instant.now(), UUID.randomUUID(), TEAM, 0,
                "Typo on the FAQ page", dev.ticketsms.events.Severity.LOW, "Docs", "user-1", "Jane Roe");

        publish(low);

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(low)).containsExactly("SENT"));
        assertThat(ledger(low)).extracting(row -> row.get("channel")).containsExactly("SMS");
    }

    private static HttpServer slack() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/services/T0000/B0000/secret-token", exchange -> {
                posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                Integer status = answers.poll();
                byte[] body = (status == null ? "ok" : status == 404 ? "no_service" : "").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status == null ? 200 : status, body.length == 0 ? -1 : body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
