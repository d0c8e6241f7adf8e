package dev.ticketsms.ticket;

import org.apache.kafka.clients.producer.ProducerRecord;
import dev.ticketsms.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.ticketsms.events.SmsOptOutReceived;
import dev.ticketsms.events.TeamMemberAdded;
import dev.ticketsms.events.TeamMemberRemoved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who sees which ticket: members of its team and admins. Membership arrives on {@code profiles.events.v1}, as
 * profile-service publishes it; everyone else gets 404, as if the ticket did not exist.
 */
class TicketAccessIntegrationTest extends TicketServiceIntegrationTest {

    private final UUID team = UUID.randomUUID();
    private final UUID otherTeam = UUID.randomUUID();
    private final String member = "member-" + UUID.randomUUID();
    private final String outsider = "outsider-" + UUID.randomUUID();

    @BeforeEach
    void teams() {
        join(member, team);
        join(outsider, otherTeam);
    }

    @Test
    void aTicketOfAnotherTeamIsNotFoundForReadingOrChangingAndStaysUnchanged() throws Exception {
        UUID ticketId = open(member, team, "Members only");

        mvc.perform(get("/api/tickets/{id}", ticketId).with(user(outsider, "Outsider")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Ticket not found"));
        mvc.perform(patch("/api/tickets/{id}/status", ticketId).with(user(outsider, "Outsider"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CLOSED\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/tickets").with(user(outsider, "Outsider")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", not(hasItem(ticketId.toString()))));
        mvc.perform(get("/api/tickets").param("teamId", team.toString()).with(user(outsider, "Outsider")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(0));

        mvc.perform(get("/api/tickets/{id}", ticketId).with(user(member, "Member")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void nobodyOpensTicketsForATeamTheyDoNotBelongTo() throws Exception {
        long before = ticketCount();

        mvc.perform(post("/api/tickets").with(user(outsider, "Outsider"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Spam the team","severity":"CRITICAL","category":"x","teamId":"%s"}""".formatted(team)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("teamId"));

        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void anAdminSeesAndChangesEveryTeamsTicketsAndOpensTicketsForAnyTeam() throws Exception {
        UUID ticketId = open(member, team, "Admin can see");

        mvc.perform(get("/api/tickets/{id}", ticketId).with(admin("root")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/tickets").param("teamId", team.toString()).with(admin("root")))
                .andExpect(jsonPath("$.content[*].id", hasItem(ticketId.toString())));
        mvc.perform(patch("/api/tickets/{id}/status", ticketId).with(admin("root"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        mvc.perform(post("/api/tickets").with(admin("root"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Opened by an admin","severity":"LOW","category":"x","teamId":"%s"}""".formatted(otherTeam)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.createdBy").value("root"));
    }

    @Test
    void aMemberAddedOnTheTopicSeesTheTeamsTicketsAndLosesThemWhenRemoved() throws Exception {
        UUID ticketId = open(member, team, "Welcome aboard");
        String newcomer = "newcomer-" + UUID.randomUUID();
        mvc.perform(get("/api/tickets/{id}", ticketId).with(user(newcomer, "Newcomer")))
                .andExpect(status().isNotFound());

        publish(team, new TeamMemberAdded(UUID.randomUUID(), Instant.now(), team, newcomer));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                mvc.perform(get("/api/tickets/{id}", ticketId).with(user(newcomer, "Newcomer")))
                        .andExpect(status().isOk()));

        publish(team, new TeamMemberRemoved(UUID.randomUUID(), Instant.now(), team, newcomer));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                mvc.perform(get("/api/tickets/{id}", ticketId).with(user(newcomer, "Newcomer")))
                        .andExpect(status().isNotFound()));
    }

    @Test
    void replayedAndRedeliveredMembershipEventsLeaveTheReplicaAsTheLastEventOnTheTopicSays() {
        String user = "replayed-" + UUID.randomUUID();
        String skewed = "skewed-" + UUID.randomUUID();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        var added = new TeamMemberAdded(UUID.randomUUID(), t0, team, user);
        var removed = new TeamMemberRemoved(UUID.randomUUID(), t0.plusSeconds(60), team, user);
        String marker = "marker-" + UUID.randomUUID();

        // a replay from an earlier offset sends both again in order; a redelivery repeats the last one
        publish(team, added);
        publish(team, removed);
        publish(team, added);
        publish(team, removed);
        publish(team, removed);
        // a removal stamped before the addition it follows (profile-service replicas with skewed clocks) still removes
        publish(team, new TeamMemberAdded(UUID.randomUUID(), t0.plusSeconds(120), team, skewed));
        publish(team, new TeamMemberRemoved(UUID.randomUUID(), t0.plusSeconds(119), team, skewed));
        publish(team, new TeamMemberAdded(UUID.randomUUID(), Instant.now(), team, marker));
        await().atMost(Duration.ofSeconds(10)).until(() -> memberships.isMember(marker, team));

        assertThat(memberships.isMember(user, team)).isFalse();
        assertThat(memberships.isMember(skewed, team)).isFalse();
    }

    @Test
    void unreadableRecordsAndSmsOptOutsOnTheProfileTopicAreSkippedAndLaterMembershipsStillApply() {
        String user = "after-garbage-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topics.PROFILE_EVENTS, team.toString(), "not json at all")).join();
        producer.send(new ProducerRecord<>(Topics.PROFILE_EVENTS, team.toString(), "{\"type\":\"TeamRenamed\"}")).join();
        publish(team, new SmsOptOutReceived(UUID.randomUUID(), Instant.now(), "+14155550101", "STOP", "SM1"));

        join(user, team);

        assertThat(memberships.teamsOf(user)).containsExactly(team);
    }
}
