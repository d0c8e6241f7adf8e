package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.Topics;
import dev.ticketsms.testing.EmbeddedPostgreSql;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ticketsms.notification.delivery.FakeUpstreams.twilioError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = "notifications.templates.ticket-url-template=https://support.example.com/t/{ticketId}")
@EmbeddedKafka(partitions = 12, topics = Topics.TICKET_EVENTS, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class TicketCreatedDeliveryIntegrationTest {

    private static final FakeUpstreams upstreams = new FakeUpstreams();
    private static final JsonMapper WIRE = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedPostgreSql.register(registry);
        registry.add("twilio.account-sid", () -> "AC00000000000000000000000000000000");
        registry.add("twilio.auth-token", () -> "token");
        registry.add("twilio.phone-number", () -> "+15005550006");
        registry.add("twilio.api-base-url", upstreams::baseUrl);
        registry.add("notifications.profile-service.base-url", upstreams::baseUrl);
        registry.add("spring.security.oauth2.client.provider.identity.token-uri", () -> upstreams.baseUrl() + "/oauth2/token");
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> upstreams.baseUrl() + "/jwks");
    }

    @AfterAll
    static void stopUpstreams() {
        upstreams.close();
    }

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRecipientGetsOneSmsAndASentLedgerRowWithTwilioSid() {
        UUID team = teamOf("+14155550101", "+14155550102");

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ledger(event)).extracting(row -> row.get("status")).containsExactly("SENT", "SENT"));
        assertThat(sentTo("+14155550101")).hasSize(1).first().satisfies(sms -> {
            assertThat(sms.from()).isEqualTo("+15005550006");
            assertThat(sms.body()).startsWith("New Support Ticket Created\nTitle: Broken login")
                    .endsWith("View ticket: https://support.example.com/t/" + event.ticketId());
        });
        assertThat(sentTo("+14155550102")).hasSize(1);
        assertThat(ledger(event)).allSatisfy(row -> assertThat((String) row.get("twilio_sid")).startsWith("SM"));
    }

    @Test
    void theSameEventDeliveredTwiceSendsNoSecondSms() {
        UUID team = teamOf("+14155550111");
        TicketCreated event = publish(ticketCreated(team));
        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo("+14155550111").size() == 1);

        publish(event);
        // same ticket, so same partition: once this one is handled, the duplicate before it has been too
        TicketCreated later = publish(new TicketCreated(UUID.randomUUID(), Instant.now(), event.ticketId(), team, 1,
                "Broken login", Severity.HIGH, "Auth", "user-1", "Jane Roe"));

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger(later).size() == 1
                && "SENT".equals(ledger(later).getFirst().get("status")));
        assertThat(ledger(event)).hasSize(1);
        assertThat(ledger(later)).hasSize(1);
        assertThat(sentTo("+14155550111")).hasSize(2);
    }

    @Test
    void aPermanentTwilioErrorFailsOnlyThatRecipientWithTheCode() {
        UUID team = teamOf("+15005550001", "+14155550121");
        upstreams.twilioAnswers("+15005550001", twilioError(400, 21211));

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ledger(event))
                .extracting(row -> row.get("phone_number"), row -> row.get("status"), row -> row.get("error_code"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("+15005550001", "FAILED", 21211),
                        org.assertj.core.groups.Tuple.tuple("+14155550121", "SENT", null)));
        assertThat(sentTo("+15005550001")).hasSize(1);
    }

    @Test
    void twilioRateLimitingThenAcceptingSendsExactlyOneSms() {
        UUID team = teamOf("+14155550131");
        upstreams.twilioAnswers("+14155550131", twilioError(429, 20429));

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ledger(event)).extracting(row -> row.get("status")).containsExactly("SENT"));
        assertThat(sentTo("+14155550131")).hasSize(2);
        assertThat(ledger(event).getFirst().get("attempts")).isEqualTo(2);
    }

    @Test
    void anUnreachableProfileServiceDelaysTheSmsButDoesNotDropIt() {
        UUID team = teamOf("+14155550141");
        upstreams.recipientLookupFailsFirst(2);

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ledger(event)).extracting(row -> row.get("status")).containsExactly("SENT"));
        assertThat(sentTo("+14155550141")).hasSize(1);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndThePartitionKeepsFlowing() {
        UUID team = teamOf("+14155550151");
        TicketCreated next = ticketCreated(team);
        send(next.ticketId().toString(), "{\"type\":\"TicketCreated\",\"eventId\":");
        publish(next);

        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo("+14155550151").size() == 1);
        try (var consumer = deadLetterConsumer()) {
            var dead = KafkaTestUtils.getSingleRecord(consumer, Topics.TICKET_EVENTS_DLT, Duration.ofSeconds(20));
            assertThat(dead.key()).isEqualTo(next.ticketId().toString());
            assertThat(new String(dead.value(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"TicketCreated\",\"eventId\":");
            assertThat(dead.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
            assertThat(dead.headers().lastHeader("kafka_dlt-original-topic").value()).asString().isEqualTo(Topics.TICKET_EVENTS);
        }
    }

    @Test
    void aTeamProfileServiceDoesNotKnowTextsNobodyAndDoesNotHoldUpTheNextTicket() {
        UUID unknownTeam = UUID.randomUUID();
        UUID team = teamOf("+14155550161");
        TicketCreated forUnknownTeam = ticketCreated(unknownTeam);
        publish(forUnknownTeam);
        // same key, so same partition, right behind it
        publish(new TicketCreated(UUID.randomUUID(), Instant.now(), forUnknownTeam.ticketId(), team, 1,
                "Broken login", Severity.HIGH, "Auth", "user-1", "Jane Roe"));

        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo("+14155550161").size() == 1);
        assertThat(ledger(forUnknownTeam)).isEmpty();
    }

    private org.apache.kafka.clients.consumer.Consumer<String, byte[]> deadLetterConsumer() {
        var props = KafkaTestUtils.consumerProps(kafka, "dlt-" + UUID.randomUUID(), false);
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var consumer = new org.springframework.kafka.core.DefaultKafkaConsumerFactory<>(props,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer()).createConsumer();
        consumer.subscribe(List.of(Topics.TICKET_EVENTS_DLT));
        return consumer;
    }

    private UUID teamOf(String... phones) {
        UUID team = UUID.randomUUID();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < phones.length; i++) {
            json.append(i == 0 ? "" : ",").append("""
                    {"userId":"user-%s-%d","phoneNumber":"%s","displayName":"Member %d"}""".formatted(team, i, phones[i], i));
        }
        upstreams.teamHas(team.toString(), json.append("]").toString());
        return team;
    }

    private static TicketCreated ticketCreated(UUID team) {
        return new TicketCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), team, 0,
                "Broken login", Severity.HIGH, "Auth", "user-1", "Jane Roe");
    }

    private TicketCreated publish(TicketCreated event) {
        send(event.ticketId().toString(), WIRE.writeValueAsString(event));
        return event;
    }

    private void send(String key, String value) {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        var producer = new DefaultKafkaProducerFactory<String, String>(props);
        try {
            new KafkaTemplate<>(producer).send(new ProducerRecord<>(Topics.TICKET_EVENTS, key, value)).join();
        } finally {
            producer.destroy();
        }
    }

    private List<Map<String, Object>> ledger(TicketCreated event) {
        return jdbc.sql("SELECT * FROM deliveries WHERE event_id = ? ORDER BY phone_number")
                .param(event.eventId()).query().listOfRows();
    }

    private static List<FakeUpstreams.SentSms> sentTo(String number) {
        return upstreams.twilioRequests().stream().filter(sms -> number.equals(sms.to())).toList();
    }
}
