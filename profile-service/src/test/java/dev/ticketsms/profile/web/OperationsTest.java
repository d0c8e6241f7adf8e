package dev.ticketsms.profile.web;

import static dev.ticketsms.profile.web.Tokens.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ticketsms.profile.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** What operators and API clients read without a user token: adoption gauges and the OpenAPI description. */
class OperationsTest extends IntegrationTest {

    @Test
    void theAdoptionOfSmsIsAGauge() throws Exception {
        save("alice", """
                {"phoneNumber": "+14155550101"}""");
        save("bob", """
                {"phoneNumber": "+14155550102", "smsNotificationsEnabled": false}""");
        save("carol", """
                {"smsNotificationsEnabled": true}""");
        confirmNumber("alice");

        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("profiles_with_phone 2.0")))
                .andExpect(content().string(containsString("profiles_sms_opted_in 1.0")))
                .andExpect(content().string(containsString("profiles_phone_unusable 0.0")))
                .andExpect(content().string(containsString("profiles_phone_unverified 1.0")))
                .andExpect(content().string(containsString("outbox_backlog_events")));
    }

    @Test
    void theOpenApiDescriptionListsTheEndpointsWithExamples() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/user/profile'].post").exists())
                .andExpect(jsonPath("$.paths['/api/user/profile/sms-consent-history'].get").exists())
                .andExpect(jsonPath("$.paths['/api/user/profile/phone-verification'].post").exists())
                .andExpect(jsonPath("$.paths['/api/user/profile/phone-verification/resend'].post").exists())
                .andExpect(jsonPath("$.paths['/api/teams/{id}/members/{userId}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/users/{userId}/sms-notifications'].put").exists())
                .andExpect(jsonPath("$.paths['/internal/teams/{teamId}/sms-recipients'].get.parameters[*].name", hasItem("eventType")))
                .andExpect(jsonPath("$.paths['/internal/teams/{teamId}/sms-recipients'].get.responses['404'].description",
                        containsString("https://ticket-sms.dev/problems/team-not-found")))
                .andExpect(jsonPath("$.info.description", containsString("https://ticket-sms.dev/problems/team-not-found")))
                .andExpect(jsonPath("$.info.title").value("profile-service"))
                .andExpect(jsonPath("$.components.securitySchemes['bearer-jwt'].scheme").value("bearer"))
                .andExpect(jsonPath("$.components.schemas.ProfileRequest.example.phoneRegion").value("DE"))
                .andExpect(jsonPath("$.components.schemas.Profile.example.preferences.quietHours.timeZone").value("Europe/Berlin"));
        mvc.perform(get("/swagger-ui.html"))
                .andExpect(status().is3xxRedirection());
    }

    private void save(String userId, String json) throws Exception {
        mvc.perform(post("/api/user/profile").with(user(userId, userId))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }
}
