package dev.ticketsms.profile.recipients;

import static dev.ticketsms.profile.web.Tokens.admin;
import static dev.ticketsms.profile.web.Tokens.service;
import static dev.ticketsms.profile.web.Tokens.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.ticketsms.profile.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.json.JsonCompareMode;

class SmsRecipientApiTest extends IntegrationTest {

    private static final JwtRequestPostProcessor NOTIFICATION_SERVICE = service("notifications:recipients");

    private static final JwtRequestPostProcessor ADMIN = admin("ada");

    private String team;

    /** A team of: opted in with a phone; opted out with a phone; no phone; member without any profile. */
    @BeforeEach
    void supportTeam() throws Exception {
        saveProfile("alice", "Alice Adams", """
                {"phoneNumber": "+1 415 555 0101", "smsNotificationsEnabled": true}""");
        saveProfile("bob", "Bob Brown", """
                {"phoneNumber": "+14155550102", "smsNotificationsEnabled": false}""");
        saveProfile("carol", "Carol Chen", """
                {"smsNotificationsEnabled": true}""");
        saveProfile("erin", "Erin Evans", """
                {"phoneNumber": "+14155550105", "smsNotificationsEnabled": true}""");

        String body = mvc.perform(post("/api/teams").with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Support"}"""))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        team = JsonPath.read(body, "$.id");
        for (String member : new String[] {"alice", "bob", "carol", "dave"}) {
            mvc.perform(put("/api/teams/{id}/members/{userId}", team, member).with(ADMIN))
                    .andExpect(status().isNoContent());
        }
    }

    @Test
    void onlyMembersWhoOptedInAndHaveANumberAreRecipients() throws Exception {
        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", team).with(NOTIFICATION_SERVICE))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"userId": "alice", "phoneNumber": "+14155550101", "displayName": "Alice Adams"}]""", JsonCompareMode.STRICT));
    }

    @Test
    void defaultPreferencesLetEveryTicketThrough() throws Exception {
        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", team).with(NOTIFICATION_SERVICE)
                        .param("severity", "HIGH")
                        .param("category", "Technical")
                        .param("eventType", "TICKET_CREATED"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"userId": "alice", "phoneNumber": "+14155550101", "displayName": "Alice Adams"}]""", JsonCompareMode.STRICT));
    }

    @Test
    void aMemberWhoOptsOutStopsBeingARecipient() throws Exception {
        saveProfile("alice", "Alice Adams", """
                {"phoneNumber": "+14155550101", "smsNotificationsEnabled": false}""");

        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", team).with(NOTIFICATION_SERVICE))
                .andExpect(status().isOk())
                .andExpect(content().json("[]", JsonCompareMode.STRICT));
    }

    @Test
    void aUserTokenWithoutTheScopeIsRefusedEvenForAnAdmin() throws Exception {
        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", team).with(user("alice", "Alice Adams")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", team).with(ADMIN))
                .andExpect(status().isForbidden());
    }

    @Test
    void withoutATokenItIsA401() throws Exception {
        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", team))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownTeamIsA404Problem() throws Exception {
        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", UUID.randomUUID()).with(NOTIFICATION_SERVICE))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private void saveProfile(String userId, String name, String json) throws Exception {
        mvc.perform(post("/api/user/profile").with(user(userId, name))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }
}
