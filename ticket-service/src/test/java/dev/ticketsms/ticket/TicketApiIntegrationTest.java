package dev.ticketsms.ticket;

import dev.ticketsms.events.CloudEventHeaders;
import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Creating and reading tickets, and every kind of bad input, through the HTTP API. */
class TicketApiIntegrationTest extends TicketServiceIntegrationTest {

    private static final UUID TEAM = UUID.randomUUID();

    @Autowired
    MeterRegistry meters;

    private Consumer<String, String> consumer;

    @BeforeEach
    void subscribe() {
        var props = KafkaTestUtils.consumerProps(kafka, "test-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer()).createConsumer();
        kafka.consumeFromAnEmbeddedTopic(consumer, Topics.TICKET_EVENTS);
        join("user-42", TEAM);
        join("user-1", TEAM);
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void creatingATicketStoresItAndPublishesTicketCreatedKeyedByTicketIdWithCloudEventHeaders() throws Exception {
        double createdBefore = createdCount(Severity.HIGH);
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
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getContentAsString();
        UUID ticketId = UUID.fromString(WIRE_JSON.readTree(body).get("id").asString());

        ConsumerRecord<String, String> record = recordFor(ticketId);
        TicketEvent event = WIRE_JSON.readValue(record.value(), TicketEvent.class);
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
        assertThat(createdCount(Severity.HIGH)).isEqualTo(createdBefore + 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> outboxRowsOf(ticketId) == 0);

        mvc.perform(get("/api/tickets/{id}", ticketId).with(user("user-42", "John Doe")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.title").value("Database Connection Issue"));
    }

    @Test
    void aReadWithTheCurrentETagInIfNoneMatchIsNotModified() throws Exception {
        UUID ticketId = open("user-1", TEAM, "Cached");

        mvc.perform(get("/api/tickets/{id}", ticketId).with(user("user-1", "A")).header("If-None-Match", "\"0\""))
                .andExpect(status().isNotModified());
    }

    @Test
    void massAssignmentOfStatusAuthorOrVersionIsRejectedAsUnknownFieldsAndNothingIsStored() throws Exception {
        long before = ticketCount();
        for (String field : List.of("\"status\":\"CLOSED\"", "\"createdBy\":\"mallory\"", "\"createdByName\":\"Mallory\"",
                "\"version\":7", "\"id\":\"%s\"".formatted(UUID.randomUUID()))) {
            String name = field.substring(1, field.indexOf('"', 1));
            mvc.perform(post("/api/tickets").with(user("user-1", "A"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"title":"t","severity":"LOW","category":"Billing","teamId":"%s",%s}""".formatted(TEAM, field)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(name))
                    .andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
        }
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void theAuthorComesFromTheTokenNotFromTheRequest() throws Exception {
        UUID ticketId = open("user-1", TEAM, "Mine");

        mvc.perform(get("/api/tickets/{id}", ticketId).with(user("user-1", "A")))
                .andExpect(jsonPath("$.createdBy").value("user-1"))
                .andExpect(jsonPath("$.createdByName").value("User user-1"))
                .andExpect(jsonPath("$.status").value("OPEN"));
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
    void missingRequiredFieldsAreEachNamed() throws Exception {
        mvc.perform(post("/api/tickets").with(user("user-1", "A"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("severity")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("category")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("teamId")));
    }

    @Test
    void oversizeFieldsAreRejectedNamingTheFieldAndNothingIsStored() throws Exception {
        long before = ticketCount();
        mvc.perform(post("/api/tickets").with(user("user-1", "A"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"%s","severity":"LOW","category":"Billing","teamId":"%s"}""".formatted("x".repeat(201), TEAM)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("size must be between 0 and 200"));
        mvc.perform(post("/api/tickets").with(user("user-1", "A"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"t","description":"%s","severity":"LOW","category":"Billing","teamId":"%s"}"""
                                .formatted("x".repeat(10_001), TEAM)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("description"))
                .andExpect(jsonPath("$.errors[0].message").value("size must be between 0 and 10000"));
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void aBodyLargerThanAnyValidTicketIsRefusedBeforeItIsRead() throws Exception {
        long before = ticketCount();
        mvc.perform(post("/api/tickets").with(user("user-1", "A"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"t","description":"%s","severity":"LOW","category":"Billing","teamId":"%s"}"""
                                .formatted("x".repeat(1_000_000), TEAM)))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.detail").value("The request body must not exceed 131072 bytes"));
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void aTitleOfExactly200CharactersIsAccepted() throws Exception {
        open("user-1", TEAM, "x".repeat(200));
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
    void aTeamIdThatIsNotAUuidIsRejectedNamingTheField() throws Exception {
        mvc.perform(post("/api/tickets").with(user("user-1", "A"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"t","severity":"LOW","category":"Billing","teamId":"team-7"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("teamId"));
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() throws Exception {
        mvc.perform(post("/api/tickets").with(user("user-1", "A"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"));
        mvc.perform(patch("/api/tickets/{id}/status", UUID.randomUUID()).with(user("user-1", "A"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\" "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"));
    }

    @Test
    void aMalformedTicketIdIsABadRequestNamingTheParameter() throws Exception {
        mvc.perform(get("/api/tickets/not-a-uuid").with(user("user-1", "A")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(patch("/api/tickets/not-a-uuid/status").with(user("user-1", "A"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CLOSED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void callsWithoutATokenAreUnauthorized() throws Exception {
        mvc.perform(post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/tickets"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theOpenApiDocumentDescribesEveryTicketEndpointWithExamples() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/tickets'].post").exists())
                .andExpect(jsonPath("$.paths['/api/tickets'].get.parameters[*].name", hasItem("status")))
                .andExpect(jsonPath("$.paths['/api/tickets/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/tickets/{id}/status'].patch.responses['409']").exists())
                .andExpect(jsonPath("$.paths['/api/tickets/{id}/status'].patch.responses['412']").exists())
                .andExpect(jsonPath("$.components.schemas.CreateTicketRequest.example.title").value("Database Connection Issue"))
                .andExpect(jsonPath("$.components.schemas.TicketResponse.properties.allowedStatuses.items.enum",
                        hasItem("IN_PROGRESS")))
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                // the error page answers for every service but is no API of it
                .andExpect(jsonPath("$.paths['/error']").doesNotExist());
        mvc.perform(get("/swagger-ui/index.html"))
                .andExpect(status().isOk());
    }

    private double createdCount(Severity severity) {
        var counter = meters.find("tickets.opened").tag("severity", severity.name()).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Reads the topic until the ticket's record arrived and a few quiet seconds more, so a duplicate would show. */
    private ConsumerRecord<String, String> recordFor(UUID ticketId) {
        var found = new ArrayList<ConsumerRecord<String, String>>();
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
}
