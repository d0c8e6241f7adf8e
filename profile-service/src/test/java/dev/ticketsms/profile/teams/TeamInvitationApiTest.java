package dev.ticketsms.profile.teams;

import static dev.ticketsms.profile.web.Tokens.admin;
import static dev.ticketsms.profile.web.Tokens.service;
import static dev.ticketsms.profile.web.Tokens.user;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.ticketsms.profile.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** Nobody is texted by a team they did not agree to join, and only the team's people see who is in it. */
class TeamInvitationApiTest extends IntegrationTest {

    private static final JwtRequestPostProcessor ADMIN = admin("ada");

    private static final JwtRequestPostProcessor OLIVIA = user("olivia", "Olivia Owen");

    private static final JwtRequestPostProcessor ALICE = user("alice", "Alice Adams");

    private static final JwtRequestPostProcessor NOTIFICATION_SERVICE = service("notifications:recipients");

    private String team;

    /** Olivia owns Billing; Alice has a verified number and SMS on. */
    @BeforeEach
    void oliviasTeamAndAlicesNumber() throws Exception {
        String body = mvc.perform(post("/api/teams").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Billing", "ownerId": "olivia"}"""))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        team = JsonPath.read(body, "$.id");
        mvc.perform(post("/api/user/profile").with(ALICE).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"phoneNumber": "+14155550101"}"""))
                .andExpect(status().isOk());
        confirmNumber("alice");
    }

    @Test
    void anInvitedUserIsNotTextedByTheTeamUntilTheyAccept() throws Exception {
        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "alice").with(OLIVIA)).andExpect(status().isAccepted());

        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", team).with(NOTIFICATION_SERVICE))
                .andExpect(jsonPath("$", empty()));
        mvc.perform(get("/internal/teams/{teamId}/members/{userId}", team, "alice").with(service("teams:membership")))
                .andExpect(jsonPath("$.member").value(false));
        mvc.perform(get("/api/user/team-invitations").with(ALICE))
                .andExpect(jsonPath("$[*].teamName").value(contains("Billing")))
                .andExpect(jsonPath("$[0].invitedBy").value("olivia"));
        mvc.perform(get("/api/teams/{id}", team).with(ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Billing"));
        mvc.perform(get("/api/teams/{id}/members", team).with(ALICE)).andExpect(status().isForbidden());

        mvc.perform(post("/api/teams/{id}/invitations/accept", team).with(ALICE)).andExpect(status().isNoContent());

        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", team).with(NOTIFICATION_SERVICE))
                .andExpect(jsonPath("$[*].userId").value(contains("alice")));
        mvc.perform(get("/api/teams/{id}/members", team).with(ALICE))
                .andExpect(content().json("""
                        [{"userId": "alice"}]"""));
        mvc.perform(get("/api/user/team-invitations").with(ALICE)).andExpect(jsonPath("$", empty()));
        mvc.perform(post("/api/teams/{id}/invitations/accept", team).with(ALICE)).andExpect(status().isNoContent());
    }

    @Test
    void aDeclinedInvitationIsGoneAndCannotBeAcceptedLater() throws Exception {
        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "alice").with(OLIVIA)).andExpect(status().isAccepted());

        mvc.perform(post("/api/teams/{id}/invitations/decline", team).with(ALICE)).andExpect(status().isNoContent());

        mvc.perform(post("/api/teams/{id}/invitations/accept", team).with(ALICE))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invitation not found"));
        mvc.perform(get("/api/teams/{id}/invitations", team).with(OLIVIA)).andExpect(jsonPath("$", empty()));
        mvc.perform(get("/api/teams/{id}", team).with(ALICE)).andExpect(status().isForbidden());
    }

    @Test
    void nobodyJoinsWithoutAnInvitationAndAWithdrawnOneCannotBeAccepted() throws Exception {
        mvc.perform(post("/api/teams/{id}/invitations/accept", team).with(ALICE)).andExpect(status().isNotFound());

        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "alice").with(OLIVIA)).andExpect(status().isAccepted());
        mvc.perform(delete("/api/teams/{id}/members/{userId}", team, "alice").with(OLIVIA)).andExpect(status().isNoContent());

        mvc.perform(post("/api/teams/{id}/invitations/accept", team).with(ALICE)).andExpect(status().isNotFound());
        mvc.perform(get("/api/teams/{id}/members", team).with(OLIVIA)).andExpect(jsonPath("$", empty()));
    }

    @Test
    void anAdminEnrolsAtOnceAndThatEndsAPendingInvitation() throws Exception {
        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "alice").with(OLIVIA)).andExpect(status().isAccepted());

        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "alice").with(ADMIN)).andExpect(status().isNoContent());

        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", team).with(NOTIFICATION_SERVICE))
                .andExpect(jsonPath("$[*].userId").value(contains("alice")));
        mvc.perform(get("/api/user/team-invitations").with(ALICE)).andExpect(jsonPath("$", empty()));
        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "alice").with(OLIVIA)).andExpect(status().isNoContent());
    }

    @Test
    void onlyMembersTheOwnerAndAdminsSeeWhoIsInTheTeam() throws Exception {
        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "alice").with(ADMIN)).andExpect(status().isNoContent());
        var mallory = user("mallory", "Mallory");

        for (JwtRequestPostProcessor insider : new JwtRequestPostProcessor[] {ALICE, OLIVIA, ADMIN}) {
            mvc.perform(get("/api/teams/{id}", team).with(insider)).andExpect(status().isOk());
            mvc.perform(get("/api/teams/{id}/members", team).with(insider))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].userId").value(contains("alice")));
        }
        mvc.perform(get("/api/teams/{id}", team).with(mallory))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/teams/{id}/members", team).with(mallory)).andExpect(status().isForbidden());
        mvc.perform(get("/api/teams/{id}/invitations", team).with(ALICE)).andExpect(status().isForbidden());
    }
}
