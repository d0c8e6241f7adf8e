package dev.ticketsms.profile.teams;

import static dev.ticketsms.profile.web.Tokens.admin;
import static dev.ticketsms.profile.web.Tokens.service;
import static dev.ticketsms.profile.web.Tokens.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.ticketsms.profile.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.json.JsonCompareMode;

/** ticket-service asks whether a user is a member when its replica of the memberships does not know yet. */
class TeamMembershipApiTest extends IntegrationTest {

    private static final JwtRequestPostProcessor TICKET_SERVICE = service("teams:membership");

    private static final JwtRequestPostProcessor ADMIN = admin("ada");

    private String team;

    @BeforeEach
    void supportTeamWithAlice() throws Exception {
        String body = mvc.perform(post("/api/teams").with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Support"}"""))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        team = JsonPath.read(body, "$.id");
        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "alice").with(ADMIN))
                .andExpect(status().isNoContent());
    }

    @Test
    void aMemberIsAMemberTheMomentTheChangeIsCommitted() throws Exception {
        mvc.perform(get("/internal/teams/{teamId}/members/{userId}", team, "alice").with(TICKET_SERVICE))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"teamId": "%s", "userId": "alice", "member": true}""".formatted(team), JsonCompareMode.STRICT));
    }

    @Test
    void someoneWhoIsNotInTheTeamIsNotAMember() throws Exception {
        mvc.perform(get("/internal/teams/{teamId}/members/{userId}", team, "bob").with(TICKET_SERVICE))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"teamId": "%s", "userId": "bob", "member": false}""".formatted(team), JsonCompareMode.STRICT));
    }

    @Test
    void anUnknownTeamIsTheTeamNotFoundProblem() throws Exception {
        mvc.perform(get("/internal/teams/{teamId}/members/{userId}", UUID.randomUUID(), "alice").with(TICKET_SERVICE))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://ticket-sms.dev/problems/team-not-found"))
                .andExpect(jsonPath("$.title").value("Team not found"));
    }

    @Test
    void withoutATokenItIsA401() throws Exception {
        mvc.perform(get("/internal/teams/{teamId}/members/{userId}", team, "alice"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theRecipientScopeDoesNotAnswerMembershipAndTheMembershipScopeDoesNotAnswerRecipients() throws Exception {
        mvc.perform(get("/internal/teams/{teamId}/members/{userId}", team, "alice").with(service("notifications:recipients")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", team).with(TICKET_SERVICE))
                .andExpect(status().isForbidden());
        mvc.perform(get("/internal/sms-recipients").param("userId", "alice").with(TICKET_SERVICE))
                .andExpect(status().isForbidden());
    }

    @Test
    void aUserTokenIsRefusedEvenForTheUserThemselvesOrAnAdmin() throws Exception {
        mvc.perform(get("/internal/teams/{teamId}/members/{userId}", team, "alice").with(user("alice", "Alice Adams")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/internal/teams/{teamId}/members/{userId}", team, "alice").with(ADMIN))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMalformedTeamIdOrAnOverlongUserIdIsA400NamingIt() throws Exception {
        mvc.perform(get("/internal/teams/{teamId}/members/{userId}", "not-a-uuid", "alice").with(TICKET_SERVICE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("teamId"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a UUID"));
        mvc.perform(get("/internal/teams/{teamId}/members/{userId}", team, "u".repeat(256)).with(TICKET_SERVICE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
    }
}
