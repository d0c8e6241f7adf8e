package dev.ticketsms.ticket;

import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.events.TicketStatusChanged;
import dev.ticketsms.web.security.JwtAuthorities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /internal/tickets/by-number/{number}/status}: a member's reply by SMS, applied as that member with the
 * public API's rules, and the ticket numbers it relies on.
 */
class SmsCommandIntegrationTest extends TicketServiceIntegrationTest {

    private static final UUID TEAM = UUID.randomUUID();
    private static final String MEMBER = "sms-member";
    private static final String STRANGER = "sms-stranger";

    private TicketTopic topic;

    @BeforeEach
    void setUp() {
        topic = new TicketTopic(kafka.getBrokersAsString());
        join(MEMBER, TEAM);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void ticketsGetUniqueIncreasingNumbersShownByTheApiAndCarriedByTheirEvents() throws Exception {
        UUID first = open(MEMBER, TEAM, "First");
        UUID second = open(MEMBER, TEAM, "Second");
        long firstNumber = numberOf(first);
        long secondNumber = numberOf(second);

        assertThat(secondNumber).isGreaterThan(firstNumber);
        await().atMost(Duration.ofSeconds(30)).until(() -> !topic.poll().eventsOf(second).isEmpty());
        assertThat(topic.eventsOf(second).getFirst()).isInstanceOfSatisfying(TicketCreated.class,
                created -> assertThat(created.ticketNumber()).isEqualTo(secondNumber));
        mvc.perform(get("/api/tickets").param("teamId", TEAM.toString()).with(user(MEMBER, "Member")))
                .andExpect(jsonPath("$.content[*].number", hasItem((int) firstNumber)));
    }

    @Test
    void aMemberResolvesByNumberAndTheChangeIsPublishedWithThemAsAuthor() throws Exception {
        UUID ticket = open(MEMBER, TEAM, "Disk full");
        long number = numberOf(ticket);

        command(number, "RESOLVED", MEMBER).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.number").value(number));

        await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().eventsOf(ticket).size() == 2);
        TicketEvent changed = topic.eventsOf(ticket).get(1);
        assertThat(changed).isInstanceOfSatisfying(TicketStatusChanged.class, event -> {
            assertThat(event.fromStatus()).isEqualTo(TicketStatus.OPEN);
            assertThat(event.toStatus()).isEqualTo(TicketStatus.RESOLVED);
            assertThat(event.changedBy()).isEqualTo(MEMBER);
            assertThat(event.changedByName()).isEqualTo("Sms Member");
            assertThat(event.ticketNumber()).isEqualTo(number);
        });
    }

    @Test
    void aMemberAddedAMomentAgoIsConfirmedByProfileService() throws Exception {
        UUID ticket = open(MEMBER, TEAM, "Printer jam");
        String newcomer = "sms-newcomer-" + UUID.randomUUID();
        profileService.hasMember(TEAM, newcomer);

        command(numberOf(ticket), "IN_PROGRESS", newcomer).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
    }

    @Test
    void aStrangerIsAnsweredAsForAnUnknownTicketAndNothingChanges() throws Exception {
        UUID ticket = open(MEMBER, TEAM, "Not yours");
        long number = numberOf(ticket);

        String stranger = command(number, "RESOLVED", STRANGER).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        String unknown = command(number + 1_000_000, "RESOLVED", MEMBER).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();

        assertThat(WIRE_JSON.readTree(stranger).get("title")).isEqualTo(WIRE_JSON.readTree(unknown).get("title"));
        mvc.perform(get("/api/tickets/" + ticket).with(user(MEMBER, "Member"))).andExpect(jsonPath("$.status").value("OPEN"));
        assertThat(outboxAndTopicEventsOf(ticket)).isEqualTo(1);
    }

    @Test
    void aMoveTheWorkflowRefusesIsAConflictAsInThePublicApi() throws Exception {
        UUID ticket = open(MEMBER, TEAM, "Closed already");
        long number = numberOf(ticket);
        command(number, "CLOSED", MEMBER).andExpect(status().isOk());

        command(number, "RESOLVED", MEMBER).andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("CLOSED"))
                .andExpect(jsonPath("$.allowedStatuses").isEmpty());
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        mvc.perform(post("/internal/tickets/by-number/7/status").with(notificationService())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"status":"DONE","userId":"x"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(post("/internal/tickets/by-number/7/status").with(notificationService())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"status":"RESOLVED","userId":" "}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
        mvc.perform(post("/internal/tickets/by-number/seven/status").with(notificationService())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"status":"RESOLVED","userId":"x"}"""))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyNotificationServicesClientWithTheScopeGetsIn() throws Exception {
        UUID ticket = open(MEMBER, TEAM, "Guarded");
        long number = numberOf(ticket);
        String body = """
                {"status":"RESOLVED","userId":"%s"}""".formatted(MEMBER);

        mvc.perform(post("/internal/tickets/by-number/" + number + "/status").with(user(MEMBER, "Member"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/internal/tickets/by-number/" + number + "/status").with(client("profile-service", "tickets:sms-commands"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/internal/tickets/by-number/" + number + "/status").with(client("notification-service", "notifications:recipients"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/internal/tickets/by-number/" + number + "/status")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/tickets/" + ticket).with(user(MEMBER, "Member"))).andExpect(jsonPath("$.status").value("OPEN"));
    }

    private ResultActions command(long number, String status, String userId) throws Exception {
        return mvc.perform(post("/internal/tickets/by-number/" + number + "/status").with(notificationService())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"status":"%s","userId":"%s","userName":"Sms Member"}""".formatted(status, userId)));
    }

    private long numberOf(UUID ticket) throws Exception {
        String body = mvc.perform(get("/api/tickets/" + ticket).with(user(MEMBER, "Member")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return WIRE_JSON.readTree(body).get("number").asLong();
    }

    /** Events of the ticket published or still waiting in the outbox. */
    private long outboxAndTopicEventsOf(UUID ticket) {
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRowsOf(ticket) == 0);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> !topic.poll().eventsOf(ticket).isEmpty());
        return topic.poll().eventsOf(ticket).size();
    }

    private static RequestPostProcessor notificationService() {
        return client("notification-service", "tickets:sms-commands");
    }

    private static JwtRequestPostProcessor client(String clientId, String scope) {
        Consumer<Jwt.Builder> claims = builder -> builder.claims(all -> all.remove("scope"))
                .subject(clientId).claim("client_id", clientId).claim("azp", clientId).claim("scope", scope);
        return jwt().jwt(claims).authorities(new JwtAuthorities());
    }
}
