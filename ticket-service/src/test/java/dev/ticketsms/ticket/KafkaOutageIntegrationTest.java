package dev.ticketsms.ticket;

import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.TicketStatusChanged;
import dev.ticketsms.events.Topics;
import dev.ticketsms.testing.EmbeddedPostgreSql;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * Kafka goes away: while the service cannot reach it, it answers 50 creations and 100 status changes; once Kafka is
 * back every event reaches the topic exactly once, in order per ticket.
 * <p>
 * How the outage is made: {@code EmbeddedKafkaKraftBroker} cannot be stopped and restarted, and ignores
 * {@code kafkaPorts}. So the broker advertises a fixed port ({@code listeners} given as a broker property is kept by
 * Kafka's test kit, which still binds its own pre-allocated socket) and a {@link TcpProxy} on that port forwards to
 * the socket it really listens on. Every client, the service's producer included, reaches the broker only through
 * the proxy; stopping the proxy refuses new connections and cuts open ones, as a broker outage does. The outage
 * starts when the outbox is empty, so no send is in flight when the connections are cut (a send cut after Kafka
 * stored it would be published again, which at-least-once delivery allows but this test would report).
 */
// one admin opens and moves 50 tickets within seconds: past the default per-user limit, which is not under test here
@SpringBootTest(properties = {"spring.kafka.listener.auto-startup=false", "tickets.limits.creations-per-user.count=100000"})
@AutoConfigureMockMvc
class KafkaOutageIntegrationTest {

    private static final JsonMapper WIRE_JSON = JsonMapper.builder().build();
    private static final int TICKETS = 50;

    private static EmbeddedKafkaKraftBroker kafka;
    private static TcpProxy kafkaPort;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPostgreSql.register(registry);
        kafkaPort = new TcpProxy(TcpProxy.freePort(), KafkaOutageIntegrationTest::brokerSocketPort);
        kafkaPort.start();
        kafka = new EmbeddedKafkaKraftBroker(1, 12, Topics.TICKET_EVENTS);
        kafka.brokerProperties(Map.of("listeners", "EXTERNAL://localhost:" + kafkaPort.port() + ",CONTROLLER://localhost:0"));
        kafka.afterPropertiesSet();
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + kafkaPort.port());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void stopKafka() {
        kafkaPort.close();
        kafka.destroy();
    }

    @Test
    void ticketsCreatedAndChangedWhileKafkaIsDownAreAnsweredAndTheirEventsArePublishedOnceInOrderWhenItReturns() throws Exception {
        var admin = jwt().jwt(token -> token.subject("ops-1").claim("name", "Ops").claim("roles", List.of("admin")))
                .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_admin"));
        UUID beforeTheOutage = create(admin, "Before the outage");
        try (var topic = new TicketTopic(kafka.getBrokersAsString())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().eventsOf(beforeTheOutage).size() == 1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> backlogOf(List.of(beforeTheOutage)) == 0);

        kafkaPort.stop();
        var ticketIds = new ArrayList<UUID>();
        for (int i = 0; i < TICKETS; i++) {
            ticketIds.add(create(admin, "During the outage " + i));
        }
        for (UUID id : ticketIds) {
            for (String to : List.of("IN_PROGRESS", "RESOLVED")) {
                mvc.perform(patch("/api/tickets/{id}/status", id).with(admin).contentType(MediaType.APPLICATION_JSON)
                                .content("{\"status\":\"%s\"}".formatted(to)))
                        .andExpect(status().isOk());
            }
        }
        assertThat(backlogOf(ticketIds)).isEqualTo(3L * TICKETS);
        assertThat(meters.get("outbox.backlog.events").gauge().value()).isGreaterThanOrEqualTo(3.0 * TICKETS);
        assertThat(meters.get("outbox.backlog.oldest.age").gauge().value()).isPositive();

        kafkaPort.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> backlogOf(ticketIds) == 0);
        try (var topic = new TicketTopic(kafka.getBrokersAsString())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(topic.poll(), ticketIds).size() >= 3 * TICKETS);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> eventsOf(topic.poll(), ticketIds).size() == 3 * TICKETS);

            var eventIds = new HashSet<UUID>();
            for (UUID id : ticketIds) {
                List<TicketEvent> events = topic.eventsOf(id);
                events.forEach(event -> eventIds.add(event.eventId()));
                assertThat(events).extracting(TicketEvent::ticketVersion).containsExactly(0L, 1L, 2L);
                assertThat(events.get(0)).isInstanceOf(TicketCreated.class);
                assertThat(events.get(1)).isInstanceOfSatisfying(TicketStatusChanged.class,
                        changed -> assertThat(changed.toStatus().name()).isEqualTo("IN_PROGRESS"));
                assertThat(events.get(2)).isInstanceOfSatisfying(TicketStatusChanged.class,
                        changed -> assertThat(changed.toStatus().name()).isEqualTo("RESOLVED"));
            }
            assertThat(eventIds).hasSize(3 * TICKETS);
        }
    }

    /** The port the broker really listens on (its test kit's socket), not the advertised one the proxy holds. */
    private static int brokerSocketPort() {
        return kafka.getCluster().brokers().get(0).socketServer().dataPlaneAcceptor("EXTERNAL").get()
                .serverChannel().socket().getLocalPort();
    }

    private UUID create(RequestPostProcessor caller, String title) throws Exception {
        String body = mvc.perform(post("/api/tickets").with(caller).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"%s","severity":"HIGH","category":"Technical","teamId":"%s"}"""
                                .formatted(title, UUID.randomUUID())))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(WIRE_JSON.readTree(body).get("id").asString());
    }

    private long backlogOf(List<UUID> ticketIds) {
        return jdbc.sql("SELECT count(*) FROM outbox_events WHERE aggregate_id = ANY(?)")
                .param(ticketIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(Long.class).single();
    }

    private static List<TicketEvent> eventsOf(TicketTopic topic, List<UUID> ticketIds) {
        return ticketIds.stream().flatMap(id -> topic.eventsOf(id).stream()).toList();
    }
}
