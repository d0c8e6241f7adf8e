package dev.ticketsms.ticket;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14, read-your-writes: an admin adds a member in profile-service, and that member's first ticket right after
 * is accepted although the membership event has not reached this service's replica yet. Here the event never comes:
 * the stand-in profile-service knows the member, the replica does not.
 */
class MembershipReadYourWritesIntegrationTest extends TicketServiceIntegrationTest {

    private final UUID team = UUID.randomUUID();

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @BeforeEach
    @AfterEach
    void profileServiceReachable() {
        reachable();
        breaker().reset();
    }

    @Test
    void aMemberProfileServiceKnowsButTheReplicaNotYetOpensATicketAndTheReplicaNowHasThem() throws Exception {
        String newMember = "new-member-" + UUID.randomUUID();
        profileService.hasMember(team, newMember);
        assertThat(memberships.isMember(newMember, team)).isFalse();

        openAs(newMember).andExpect(status().isCreated());

        assertThat(memberships.isMember(newMember, team)).isTrue();
        // the cached answer serves reads too, and the next ticket does not ask again
        int asked = profileService.membershipRequests();
        openAs(newMember).andExpect(status().isCreated());
        mvc.perform(get("/api/tickets").param("teamId", team.toString()).with(user(newMember, "New")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(2));
        assertThat(profileService.membershipRequests()).isEqualTo(asked);
        assertThat(profileService.tokenRequests()).anySatisfy(form -> assertThat(form)
                .contains("grant_type=client_credentials").contains("scope=teams%3Amembership"));
    }

    @Test
    void aRemovalEventAfterTheConfirmedAnswerStillRemovesTheMember() throws Exception {
        String newMember = "short-lived-" + UUID.randomUUID();
        profileService.hasMember(team, newMember);
        openAs(newMember).andExpect(status().isCreated());

        leave(newMember, team);

        assertThat(memberships.isMember(newMember, team)).isFalse();
    }

    @Test
    void someoneProfileServiceSaysIsNotAMemberIsRefusedAndNotWrittenToTheReplica() throws Exception {
        String outsider = "outsider-" + UUID.randomUUID();
        profileService.hasTeam(team);
        long before = ticketCount();

        openAs(outsider)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("teamId"));

        assertThat(ticketCount()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM team_members WHERE user_id = ?").param(outsider)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aTeamProfileServiceDoesNotKnowIsRefused() throws Exception {
        openAs("someone-" + UUID.randomUUID()).andExpect(status().isForbidden());
    }

    @Test
    void userIdsAreSentAsOneEncodedPathSegment() throws Exception {
        String oddId = "auth0|user/7 ü?x=1&y#z+";
        profileService.hasMember(team, oddId);

        openAs(oddId).andExpect(status().isCreated());

        assertThat(profileService.askedUserIds()).contains(oddId);
    }

    @Test
    void whileProfileServiceIsDownTheReplicaDecidesAndTheBreakerStopsAskingIt() throws Exception {
        String newMember = "new-member-" + UUID.randomUUID();
        profileService.hasMember(team, newMember);
        String replicaMember = "known-" + UUID.randomUUID();
        join(replicaMember, team);
        profileServicePort.stop();

        for (int attempt = 0; attempt < 5; attempt++) {
            openAs(newMember).andExpect(status().isForbidden());
        }
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        // back up, but the breaker is open: nobody waits on it, the replica still decides
        reachable();
        int asked = profileService.membershipRequests();
        openAs(newMember).andExpect(status().isForbidden());
        openAs(replicaMember).andExpect(status().isCreated());
        assertThat(profileService.membershipRequests()).isEqualTo(asked);
    }

    @Test
    void membersTheReplicaKnowsNeverCauseALookup() throws Exception {
        String member = "known-" + UUID.randomUUID();
        join(member, team);
        int asked = profileService.membershipRequests();

        openAs(member).andExpect(status().isCreated());

        assertThat(profileService.membershipRequests()).isEqualTo(asked);
    }

    private ResultActions openAs(String userId) throws Exception {
        return mvc.perform(post("/api/tickets").with(user(userId, "User"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"title":"First ticket","severity":"LOW","category":"Access","teamId":"%s"}""".formatted(team)));
    }

    /** The port is free again once the closed listener is gone, which may take a moment after a stop. */
    private static void reachable() {
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> {
            profileServicePort.start();
            return true;
        });
    }

    private CircuitBreaker breaker() {
        return circuitBreakers.circuitBreaker("profile-service");
    }
}
