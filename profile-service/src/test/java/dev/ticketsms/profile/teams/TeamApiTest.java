package dev.ticketsms.profile.teams;

import static dev.ticketsms.profile.web.Tokens.admin;
import static dev.ticketsms.profile.web.Tokens.service;
import static dev.ticketsms.profile.web.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.ticketsms.profile.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.json.JsonCompareMode;

class TeamApiTest extends IntegrationTest {

    private static final JwtRequestPostProcessor ADMIN = admin("ada");

    private static final JwtRequestPostProcessor ALICE = user("alice", "Alice Adams");

    @Test
    void anAdminCreatesATeamAndFindsItAtItsLocation() throws Exception {
        String location = mvc.perform(post("/api/teams").with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Database on-call"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Database on-call"))
                .andExpect(jsonPath("$.ownerId").value("ada"))
                .andReturn().getResponse().getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        mvc.perform(get(location).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.name").value("Database on-call"));
    }

    @Test
    void aUserWhoIsNotAdminCannotCreateTeams() throws Exception {
        mvc.perform(post("/api/teams").with(ALICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Mine"}"""))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(jdbc.sql("select count(*) from teams").query(Long.class).single()).isZero();
    }

    @Test
    void aTeamNeedsAName() throws Exception {
        mvc.perform(post("/api/teams").with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "  "}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
    }

    @Test
    void eachUserListsTheTeamsTheyAreInOrOwnByNameAndNoOthers() throws Exception {
        String support = createTeam("Support");
        mvc.perform(post("/api/teams").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Billing", "ownerId": "carol"}"""))
                .andExpect(status().isCreated());
        String database = createTeam("Database on-call");
        mvc.perform(put("/api/teams/{id}/members/{userId}", support, "alice").with(ADMIN)).andExpect(status().isNoContent());
        mvc.perform(put("/api/teams/{id}/members/{userId}", database, "alice").with(ADMIN)).andExpect(status().isNoContent());

        mvc.perform(get("/api/user/teams").with(ALICE))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"id": "%s", "name": "Database on-call", "ownerId": "ada", "member": true},
                         {"id": "%s", "name": "Support", "ownerId": "ada", "member": true}]""".formatted(database, support),
                        JsonCompareMode.STRICT));
        mvc.perform(get("/api/user/teams").with(user("carol", "Carol")))
                .andExpect(jsonPath("$[*].name").value(contains("Billing")))
                .andExpect(jsonPath("$[0].member").value(false));
        mvc.perform(get("/api/user/teams").with(user("bob", "Bob")))
                .andExpect(status().isOk())
                .andExpect(content().json("[]", JsonCompareMode.STRICT));
    }

    @Test
    void anAdminEnrolsMembersDirectlyAndTheMembersSeeThem() throws Exception {
        String team = createTeam("Support");

        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "bob").with(ADMIN)).andExpect(status().isNoContent());
        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "alice").with(ADMIN)).andExpect(status().isNoContent());
        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "alice").with(ADMIN)).andExpect(status().isNoContent());

        mvc.perform(get("/api/teams/{id}/members", team).with(ALICE))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"userId": "alice"}, {"userId": "bob"}]""", JsonCompareMode.STRICT));

        mvc.perform(delete("/api/teams/{id}/members/{userId}", team, "bob").with(ADMIN)).andExpect(status().isNoContent());

        mvc.perform(get("/api/teams/{id}/members", team).with(ALICE))
                .andExpect(content().json("""
                        [{"userId": "alice"}]""", JsonCompareMode.STRICT));
    }

    @Test
    void aUserWhoIsNotAdminCannotChangeMembership() throws Exception {
        String team = createTeam("Support");

        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "alice").with(ALICE))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/teams/{id}/members/{userId}", team, "alice").with(ALICE))
                .andExpect(status().isForbidden());

        mvc.perform(get("/api/teams/{id}/members", team).with(ADMIN))
                .andExpect(content().json("[]", JsonCompareMode.STRICT));
    }

    @Test
    void anUnknownTeamIsA404Problem() throws Exception {
        UUID unknown = UUID.randomUUID();

        mvc.perform(get("/api/teams/{id}/members", unknown).with(ALICE))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://ticket-sms.dev/problems/team-not-found"))
                .andExpect(jsonPath("$.title").value("Team not found"))
                .andExpect(jsonPath("$.detail", containsString(unknown.toString())));
        mvc.perform(put("/api/teams/{id}/members/{userId}", unknown, "alice").with(ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://ticket-sms.dev/problems/team-not-found"));
        mvc.perform(delete("/api/teams/{id}/members/{userId}", unknown, "alice").with(ADMIN))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMalformedTeamIdIsA400NamingTheParameter() throws Exception {
        mvc.perform(get("/api/teams/{id}/members", "not-a-uuid").with(ALICE))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a UUID"));
    }

    @Test
    void anOverlongUserIdIsA400() throws Exception {
        String team = createTeam("Support");

        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "u".repeat(256)).with(ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
    }

    @Test
    void aBlankUserIdIsA400AndNobodyBecomesAMember() throws Exception {
        String team = createTeam("Support");

        mvc.perform(put("/api/teams/{id}/members/{userId}", team, " ").with(ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userId"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
        mvc.perform(delete("/api/teams/{id}/members/{userId}", team, " ").with(ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
        mvc.perform(get("/internal/teams/{teamId}/members/{userId}", team, " ").with(service("teams:membership")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
        mvc.perform(put("/api/users/{userId}/sms-notifications", " ").with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"enabled": false}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
        mvc.perform(get("/internal/sms-recipients").param("userId", "alice", " ").with(service("notifications:recipients")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userIds"));

        mvc.perform(get("/api/teams/{id}/members", team).with(ADMIN))
                .andExpect(content().json("[]", JsonCompareMode.STRICT));
    }

    @Test
    void theTeamsOwnerInvitesJoinsThemselfAndRemovesWithoutBeingAdmin() throws Exception {
        String body = mvc.perform(post("/api/teams").with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Billing", "ownerId": "olivia"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ownerId").value("olivia"))
                .andReturn().getResponse().getContentAsString();
        String team = JsonPath.read(body, "$.id");
        var olivia = user("olivia", "Olivia Owen");

        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "olivia").with(olivia)).andExpect(status().isNoContent());
        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "alice").with(olivia)).andExpect(status().isAccepted());
        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "bob").with(olivia)).andExpect(status().isAccepted());
        mvc.perform(delete("/api/teams/{id}/members/{userId}", team, "bob").with(olivia)).andExpect(status().isNoContent());

        mvc.perform(get("/api/teams/{id}/members", team).with(olivia))
                .andExpect(content().json("""
                        [{"userId": "olivia"}]""", JsonCompareMode.STRICT));
        mvc.perform(get("/api/teams/{id}/invitations", team).with(olivia))
                .andExpect(jsonPath("$[*].userId").value(contains("alice")))
                .andExpect(jsonPath("$[0].invitedBy").value("olivia"))
                .andExpect(jsonPath("$[0].teamName").value("Billing"));
    }

    @Test
    void theOwnerOfOneTeamCannotChangeAnother() throws Exception {
        mvc.perform(post("/api/teams").with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Billing", "ownerId": "olivia"}"""))
                .andExpect(status().isCreated());
        String other = createTeam("Support");

        mvc.perform(put("/api/teams/{id}/members/{userId}", other, "olivia").with(user("olivia", "Olivia Owen")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/teams/{id}/members", other).with(ADMIN))
                .andExpect(content().json("[]", JsonCompareMode.STRICT));
    }

    @Test
    void theOwnerSetsTheEscalationListOfMembersAndNotificationServiceReadsItWithTheLead() throws Exception {
        String team = mvc.perform(post("/api/teams").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Database on-call\", \"ownerId\": \"olga\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(team, "$.id");
        for (String member : new String[]{"alice", "bob", "olga"}) {
            mvc.perform(put("/api/teams/{id}/members/{userId}", id, member).with(ADMIN)).andExpect(status().isNoContent());
        }

        mvc.perform(put("/api/teams/{id}/escalation", id).with(user("olga", "Olga Owner"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"userIds\": [\"bob\", \"alice\"]}"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"userIds": ["bob", "alice"], "lead": "olga"}""", JsonCompareMode.STRICT));
        mvc.perform(get("/internal/teams/{id}/escalation", id).with(service("notifications:recipients")))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"userIds": ["bob", "alice"], "lead": "olga"}""", JsonCompareMode.STRICT));

        // whoever leaves the team leaves the list
        mvc.perform(delete("/api/teams/{id}/members/{userId}", id, "bob").with(ADMIN)).andExpect(status().isNoContent());
        mvc.perform(get("/api/teams/{id}/escalation", id).with(ALICE))
                .andExpect(content().json("""
                        {"userIds": ["alice"], "lead": "olga"}""", JsonCompareMode.STRICT));
    }

    @Test
    void anEscalationListWithStrangersOrRepeatsIsA400NamingEachEntryAndChangesNothing() throws Exception {
        String team = createTeam("Network");
        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "alice").with(ADMIN)).andExpect(status().isNoContent());
        mvc.perform(put("/api/teams/{id}/escalation", team).with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content("{\"userIds\": [\"alice\"]}")).andExpect(status().isOk());

        mvc.perform(put("/api/teams/{id}/escalation", team).with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"userIds\": [\"alice\", \"mallory\", \"alice\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userIds[1]"))
                .andExpect(jsonPath("$.errors[1].field").value("userIds[2]"));
        mvc.perform(put("/api/teams/{id}/escalation", team).with(ALICE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"userIds\": []}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/teams/{id}/escalation", team).with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());

        mvc.perform(get("/api/teams/{id}/escalation", team).with(ADMIN))
                .andExpect(jsonPath("$.userIds[0]").value("alice"));
        mvc.perform(get("/internal/teams/{id}/escalation", team).with(user("alice", "Alice Adams")))
                .andExpect(status().isForbidden());
    }

    private String createTeam(String name) throws Exception {
        String body = mvc.perform(post("/api/teams").with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }
}
