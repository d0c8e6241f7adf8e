package dev.ticketsms.notification.recipients;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Read-your-writes: an answer about a team is reused only for events that happened before it was asked for. */
class RecipientCacheTest {

    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicReference<String> members = new AtomicReference<>("[]");
    private final HttpServer profileService = server();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final RecipientDirectory directory = new RecipientDirectory(
            RestClient.builder().baseUrl("http://127.0.0.1:" + profileService.getAddress().getPort()).build(),
            new SimpleMeterRegistry(), CircuitBreakerRegistry.ofDefaults(),
            new ProfileServiceClientConfiguration.ProfileServiceProperties(URI.create("http://unused"), "profile-service",
                    Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(10)),
            clock, "");
    private final UUID team = UUID.randomUUID();

    @AfterEach
    void stop() {
        profileService.stop(0);
    }

    @Test
    void aMemberRemovedBeforeTheTicketWasCreatedIsNotTextedFromAnOlderCachedAnswer() {
        members.set("[{\"userId\":\"ann\",\"phoneNumber\":\"+14155550101\",\"displayName\":\"Ann\"}]");
        assertThat(directory.smsRecipients(team, null, null, "TICKET_CREATED", now.get())).hasSize(1);

        // ann leaves the team, then a ticket is created
        members.set("[]");
        now.set(now.get().plusMillis(300));
        Instant ticketCreated = now.get();

        assertThat(directory.smsRecipients(team, null, null, "TICKET_CREATED", ticketCreated)).isEmpty();
        assertThat(lookups).hasValue(2);
    }

    @Test
    void anAnswerAskedForAfterTheEventServesItFromTheCache() {
        Instant ticketCreated = now.get();
        now.set(now.get().plusSeconds(5));
        directory.smsRecipients(team, null, null, "TICKET_CREATED", ticketCreated);
        directory.smsRecipients(team, null, null, "TICKET_CREATED", ticketCreated);

        assertThat(lookups).hasValue(1);
    }

    @Test
    void aMembershipChangeDropsTheTeamsCachedAnswers() {
        Instant ticketCreated = now.get();
        now.set(now.get().plusSeconds(5));
        directory.smsRecipients(team, null, null, "TICKET_CREATED", ticketCreated);

        directory.forgetTeam(team);
        directory.smsRecipients(team, null, null, "TICKET_CREATED", ticketCreated);

        assertThat(lookups).hasValue(2);
    }

    private HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/teams/", exchange -> {
                lookups.incrementAndGet();
                byte[] body = members.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
