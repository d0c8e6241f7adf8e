package dev.ticketsms.ticket;

import dev.ticketsms.events.CloudEventHeaders;
import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.Topics;
import dev.ticketsms.testing.EmbeddedPostgreSql;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 12, topics = Topics.TICKET_EVENTS, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class TicketApiIntegrationTest {

    private static final UUID TEAM = UUID.randomUUID();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgreSql.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    JdbcClient jdbc;

    private Consumer<String, String> consumer;

    @BeforeEach
    void subscribe() {
        var props = KafkaTestUtils.consumerProps(kafka, "test-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer()).createConsumer();
        kafka.consumeFromAnEmbeddedTopic(consumer, Topics.TICKET_EVENTS);
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void creatingATicketStoresItAndPublishesTicketCreatedKeyedByTicketIdWithCloudEventHeaders() throws Exception {
        String body = mvc.perform(post("/api/tickets").with(user("user-42", "John Doe"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Database Connection Issue","description":"Pool exhausted","severity":"HIGH",
                                 "category":"Technical","teamId":"%s"}""".formatted(TEAM)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.createdBy").value("user-42"))
                .andExpect(jsonPath("$.createdByName").value("John Doe"))
                .andReturn().getResponse().getContentAsString();
        UUID ticketId = UUID.fromString(JsonMapper.builder().build().readTree(body).get("id").asString());

        ConsumerRecord<String, String> record = recordFor(ticketId);
        TicketEvent event = JsonMapper.builder().build().readValue(record.value(), TicketEvent.class);
        assertThat(event).isInstanceOfSatisfying(TicketCreated.class, created -> {
            assertThat(created.ticketId()).isEqualTo(ticketId);
            assertThat(created.teamId()).isEqualTo(TEAM);
            assertThat(created.title()).isEqualTo("Database Connection Issue");
            assertThat(created.severity()).isEqualTo(Severity.HIGH);
            assertThat(created.category()).isEqualTo("Technical");
            assertThat(created.createdBy()).isEqualTo("user-42");
            assertThat(created.createdByName()).isEqualTo("John Doe");
            assertThat(created.ticketVersion()).isZero();
        });
        assertThat(headerOf(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(headerOf(record, CloudEventHeaders.ID)).isEqualTo(event.eventId().toString());
        assertThat(headerOf(record, CloudEventHeaders.TYPE)).isEqualTo("ticket.created.v1");
        assertThat(headerOf(record, CloudEventHeaders.SOURCE)).isEqualTo("ticket-service");
        assertThat(headerOf(record, CloudEventHeaders.SUBJECT)).isEqualTo(ticketId.toString());
        assertThat(headerOf(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(record.headers().lastHeader("__TypeId__")).isNull();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT count(*) FROM outbox_events WHERE aggregate_id = ?")
                        .param(ticketId.toString()).query(Integer.class).single()).isZero());

        mvc.perform(get("/api/tickets/{id}", ticketId).with(user("user-42", "John Doe")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.title").value("Database Connection Issue"));
    }

    @Test
    void aBlankTitleIsRejectedNamingTheFieldAndNothingIsStored() throws Exception {
        long before = ticketCount();
        mvc.perform(post("/api/tickets").with(user("user-1", "A"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"  ","severity":"LOW","category":"Billing","teamId":"%s"}""".formatted(TEAM)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")));
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void aNulCharacterIsABadRequestNotAServerError() throws Exception {
        mvc.perform(post("/api/tickets").with(user("user-1", "A"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"bad\\u0000title","severity":"LOW","category":"Billing","teamId":"%s"}""".formatted(TEAM)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
    }

    @Test
    void aClientSentStatusIsRejectedAsAnUnknownField() throws Exception {
        mvc.perform(post("/api/tickets").with(user("user-1", "A"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"t","severity":"LOW","category":"Billing","teamId":"%s","status":"CLOSED"}""".formatted(TEAM)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void anUnknownSeverityIsRejectedListingTheAllowedValues() throws Exception {
        mvc.perform(post("/api/tickets").with(user("user-1", "A"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"t","severity":"URGENT","category":"Billing","teamId":"%s"}""".formatted(TEAM)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("severity"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of LOW, MEDIUM, HIGH, CRITICAL"));
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() throws Exception {
        mvc.perform(post("/api/tickets").with(user("user-1", "A"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"));
    }

    @Test
    void aMalformedTicketIdIsABadRequestNamingTheParameter() throws Exception {
        mvc.perform(get("/api/tickets/not-a-uuid").with(user("user-1", "A")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void callsWithoutATokenAreUnauthorized() throws Exception {
        mvc.perform(post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
                .andExpect(jsonPath("$.status").value(401));
    }

    private long ticketCount() {
        return jdbc.sql("SELECT count(*) FROM tickets").query(Long.class).single();
    }

    /** Reads the topic until the ticket's record arrived and a few quiet seconds more, so a duplicate would show. */
    private ConsumerRecord<String, String> recordFor(UUID ticketId) {
        var found = new java.util.ArrayList<ConsumerRecord<String, String>>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            collect(ticketId, found);
            return !found.isEmpty();
        });
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
            collect(ticketId, found);
            return found.size() == 1;
        });
        return found.getFirst();
    }

    private void collect(UUID ticketId, List<ConsumerRecord<String, String>> found) {
        KafkaTestUtils.getRecords(consumer, Duration.ofMillis(200)).forEach(r -> {
            if (r.key().equals(ticketId.toString())) {
                found.add(r);
            }
        });
    }

    private static String headerOf(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static RequestPostProcessor user(String id, String name) {
        return jwt().jwt(token -> token.subject(id).claim("name", name).claim("roles", List.of("agent")));
    }
}
