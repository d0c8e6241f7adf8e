package dev.ticketsms.ticket;

import dev.ticketsms.events.ProfileEvent;
import dev.ticketsms.events.TeamMemberAdded;
import dev.ticketsms.events.TeamMemberRemoved;
import dev.ticketsms.events.Topics;
import dev.ticketsms.testing.EmbeddedPostgreSql;
import dev.ticketsms.ticket.memberships.TeamMemberships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One application context for the API tests: the service on an embedded Kafka and PostgreSQL, with helpers that
 * make users members of teams the way production does, through {@code profiles.events.v1}, and a stand-in for
 * profile-service's membership answer (by default it knows no team, so it confirms nobody).
 */
// the API tests open many tickets as one user within seconds; TicketLimitsIntegrationTest checks the limits
@SpringBootTest(properties = {"tickets.limits.creations-per-user.count=100000",
        "tickets.limits.status-changes-per-ticket.count=100000"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 12, topics = {Topics.TICKET_EVENTS, Topics.PROFILE_EVENTS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
abstract class TicketServiceIntegrationTest {

    static final JsonMapper WIRE_JSON = JsonMapper.builder().build();

    /** profile-service's membership answer; reached through {@link #profileServicePort}, which a test may close. */
    static final ProfileServiceStandIn profileService = new ProfileServiceStandIn();
    static final TcpProxy profileServicePort = new TcpProxy(TcpProxy.freePort(), profileService::port);

    static {
        profileServicePort.start();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgreSql.register(registry);
        registry.add("tickets.profile-service.base-url", () -> "http://127.0.0.1:" + profileServicePort.port());
        registry.add("spring.security.oauth2.client.provider.identity.token-uri", () -> profileService.baseUrl() + "/oauth2/token");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, String> producer;

    @Autowired
    TeamMemberships memberships;

    static RequestPostProcessor user(String id, String name) {
        return jwt().jwt(token -> token.subject(id).claim("name", name).claim("roles", List.of("agent")));
    }

    static RequestPostProcessor admin(String id) {
        return jwt().jwt(token -> token.subject(id).claim("name", "Admin " + id).claim("roles", List.of("admin")))
                .authorities(new SimpleGrantedAuthority("ROLE_admin"));
    }

    /** Publishes {@code TeamMemberAdded} as profile-service would and waits until the replica has it. */
    void join(String userId, UUID teamId) {
        publish(teamId, new TeamMemberAdded(UUID.randomUUID(), Instant.now(), teamId, userId));
        await().atMost(Duration.ofSeconds(20)).until(() -> memberships.isMember(userId, teamId));
    }

    void leave(String userId, UUID teamId) {
        publish(teamId, new TeamMemberRemoved(UUID.randomUUID(), Instant.now(), teamId, userId));
        await().atMost(Duration.ofSeconds(20)).until(() -> !memberships.isMember(userId, teamId));
    }

    void publish(UUID teamId, Object profileEvent) {
        producer.send(Topics.PROFILE_EVENTS, teamId.toString(),
                WIRE_JSON.writerFor(ProfileEvent.class).writeValueAsString(profileEvent)).join();
    }

    /** Opens a ticket through the API as {@code userId}, who must belong to the team, and returns its id. */
    UUID open(String userId, UUID teamId, String title) throws Exception {
        String body = mvc.perform(post("/api/tickets").with(user(userId, "User " + userId))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"%s","severity":"HIGH","category":"Technical","teamId":"%s"}""".formatted(title, teamId)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(WIRE_JSON.readTree(body).get("id").asString());
    }

    long ticketCount() {
        return jdbc.sql("SELECT count(*) FROM tickets").query(Long.class).single();
    }

    long outboxRowsOf(UUID ticketId) {
        return jdbc.sql("SELECT count(*) FROM outbox_events WHERE aggregate_id = ?")
                .param(ticketId.toString()).query(Long.class).single();
    }
}
