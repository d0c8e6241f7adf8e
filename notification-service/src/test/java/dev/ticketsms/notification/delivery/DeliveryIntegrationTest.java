package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.events.TicketStatusChanged;
import dev.ticketsms.events.Topics;
import dev.ticketsms.testing.EmbeddedPostgreSql;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * notification-service on embedded Kafka and PostgreSQL, against {@link FakeUpstreams} for the token issuer,
 * profile-service and Twilio. Resilience timings are shortened so faults play out in seconds.
 */
@SpringBootTest(properties = {
        "notifications.templates.ticket-url-template=https://support.example.com/t/{ticketId}",
        "notifications.webhooks.public-base-url=https://notify.example.com",
        "twilio.messages-per-second=50",
        "twilio.account-sid=AC00000000000000000000000000000000",
        "twilio.auth-token=token",
        "twilio.phone-number=+15005550006",
        "resilience4j.retry.instances.twilio.wait-duration=50ms",
        "resilience4j.retry.instances.twilio.exponential-max-wait-duration=200ms",
        "resilience4j.circuitbreaker.instances.twilio.wait-duration-in-open-state=2s",
        "resilience4j.circuitbreaker.instances.profile-service.wait-duration-in-open-state=2s",
        "notifications.consumer.retry-backoff.max=1s",
        // status changes go out at once here; CoalescingIntegrationTest waits for the next ones
        "notifications.delivery.coalesce-window=0s",
        "notifications.manual-send.per-caller=3",
        "notifications.manual-send.per-caller=3",
        "notifications.profile-service.cache-ttl=0s"})
@EmbeddedKafka(partitions = 12, topics = {Topics.TICKET_EVENTS, Topics.PROFILE_EVENTS}, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class DeliveryIntegrationTest {

    /** One set for every test class in this JVM (each gets its own application context); stopped when the JVM ends. */
    static final FakeUpstreams upstreams = new FakeUpstreams();
    private static final JsonMapper WIRE = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedPostgreSql.register(registry);
        registry.add("twilio.api-base-url", upstreams::twilioBaseUrl);
        registry.add("notifications.profile-service.base-url", upstreams::baseUrl);
        registry.add("notifications.ticket-service.base-url", upstreams::baseUrl);
        registry.add("spring.security.oauth2.client.provider.identity.token-uri", () -> upstreams.baseUrl() + "/oauth2/token");
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> upstreams.baseUrl() + "/jwks");
    }

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @BeforeEach
    void closeBreakers() {
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    UUID teamOf(String... phones) {
        UUID team = UUID.randomUUID();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < phones.length; i++) {
            json.append(i == 0 ? "" : ",").append("""
                    {"userId":"user-%s-%d","phoneNumber":"%s","displayName":"Member %d"}""".formatted(team, i, phones[i], i));
        }
        upstreams.teamHas(team.toString(), json.append("]").toString());
        return team;
    }

    static TicketCreated ticketCreated(UUID team) {
        return new TicketCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), team, 0,
                "Broken login", Severity.HIGH, "Auth", "user-1", "Jane Roe");
    }

    static TicketStatusChanged statusChanged(TicketCreated ticket, long version, TicketStatus from, TicketStatus to) {
        return new TicketStatusChanged(UUID.randomUUID(), Instant.now(), ticket.ticketId(), ticket.teamId(), version,
                ticket.title(), ticket.severity(), ticket.category(), from, to, "user-2", "Ann Lee");
    }

    <E extends TicketEvent> E publish(E event) {
        send(event.ticketId().toString(), WIRE.writeValueAsString(event));
        return event;
    }

    void send(String key, String value) {
        send(Topics.TICKET_EVENTS, key, value);
    }

    void send(String topic, String key, String value) {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        var producer = new DefaultKafkaProducerFactory<String, String>(props);
        try {
            new KafkaTemplate<>(producer).send(new ProducerRecord<>(topic, key, value)).join();
        } finally {
            producer.destroy();
        }
    }

    List<Map<String, Object>> ledger(TicketEvent event) {
        return jdbc.sql("SELECT * FROM deliveries WHERE event_id = ? ORDER BY phone_number")
                .param(event.eventId()).query().listOfRows();
    }

    List<Object> statuses(TicketEvent event) {
        return ledger(event).stream().map(row -> row.get("status")).toList();
    }

    static List<FakeUpstreams.SentSms> sentTo(String number) {
        return upstreams.acceptedFor(number);
    }

    static List<FakeUpstreams.SentSms> requestsFor(String number) {
        return upstreams.twilioRequests().stream().filter(sms -> number.equals(sms.to())).toList();
    }
}
