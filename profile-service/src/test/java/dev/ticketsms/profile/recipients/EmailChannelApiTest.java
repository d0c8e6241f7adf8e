package dev.ticketsms.profile.recipients;

import static dev.ticketsms.profile.web.Tokens.admin;
import static dev.ticketsms.profile.web.Tokens.service;
import static dev.ticketsms.profile.web.Tokens.user;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import com.jayway.jsonpath.JsonPath;
import dev.ticketsms.profile.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Email beside SMS: a member's email address and the channel of each severity live in the profile, and a caller that
 * also sends email (includeEmail=true) learns each recipient's channel; callers that do not ask see the SMS answer
 * they always had.
 */
class EmailChannelApiTest extends IntegrationTest {

    private String team;

    /**
     * kim wants LOW and MEDIUM by email; leo wants LOW by email but has no address; mia has only an address and keeps
     * the default (SMS); ned's number was refused by Twilio; oli has only an address and wants everything by email.
     */
    @BeforeEach
    void team() throws Exception {
        save("kim", """
                {"phoneNumber": "+14155550121", "smsNotificationsEnabled": true, "email": "Kim@Example.COM",
                 "preferences": {"channels": {"LOW": "EMAIL", "MEDIUM": "EMAIL", "HIGH": "SMS"}}}""");
        save("leo", """
                {"phoneNumber": "+14155550122", "smsNotificationsEnabled": true, "preferences": {"channels": {"LOW": "EMAIL"}}}""");
        save("mia", """
                {"email": "mia@example.com"}""");
        save("ned", """
                {"phoneNumber": "+14155550124", "smsNotificationsEnabled": true, "email": "ned@example.com"}""");
        save("oli", """
                {"email": "oli@example.com", "preferences": {"channels":
                    {"LOW": "EMAIL", "MEDIUM": "EMAIL", "HIGH": "EMAIL", "CRITICAL": "EMAIL"}}}""");
        for (String texted : new String[] {"kim", "leo", "ned"}) {
            confirmNumber(texted);
        }
        jdbc.sql("update user_profiles set phone_unusable_since = ?, phone_unusable_error_code = '21610' where user_id = 'ned'")
                .param(java.sql.Timestamp.from(Instant.now())).update();
        String body = mvc.perform(post("/api/teams").with(admin("ada")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Email\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        team = JsonPath.read(body, "$.id");
        for (String member : new String[] {"kim", "leo", "mia", "ned", "oli"}) {
            mvc.perform(put("/api/teams/{id}/members/{userId}", team, member).with(admin("ada"))).andExpect(status().isNoContent());
        }
    }

    @Test
    void eachRecipientGoesByTheChannelTheyChoseForTheSeverityWhereTheyCanBeReached() throws Exception {
        recipients("severity", "LOW", "includeEmail", "true")
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"userId": "kim", "phoneNumber": "+14155550121", "displayName": "kim", "channel": "EMAIL", "email": "Kim@example.com"},
                         {"userId": "leo", "phoneNumber": "+14155550122", "displayName": "leo", "channel": "SMS"},
                         {"userId": "ned", "phoneNumber": null, "displayName": "ned", "channel": "EMAIL", "email": "ned@example.com"},
                         {"userId": "oli", "phoneNumber": null, "displayName": "oli", "channel": "EMAIL", "email": "oli@example.com"}]""",
                        JsonCompareMode.STRICT));
        // kim wants HIGH by SMS; her address comes along, for what may not be texted
        recipients("severity", "HIGH", "includeEmail", "true")
                .andExpect(jsonPath("$[*].channel").value(org.hamcrest.Matchers.contains("SMS", "SMS", "EMAIL", "EMAIL")))
                .andExpect(jsonPath("$[0].email").value("Kim@example.com"));
    }

    @Test
    void aCallerThatDoesNotSendEmailGetsOnlyWhoCanBeTextedInTheShapeItKnows() throws Exception {
        recipients("severity", "LOW")
                .andExpect(content().json("""
                        [{"userId": "kim", "phoneNumber": "+14155550121", "displayName": "kim"},
                         {"userId": "leo", "phoneNumber": "+14155550122", "displayName": "leo"}]""", JsonCompareMode.STRICT));
    }

    @Test
    void theProfileShowsTheAddressAndEveryChannelAndKeepsTheAddressWhenAFormLeavesItOut() throws Exception {
        mvc.perform(get("/api/user/profile").with(user("kim", "kim")))
                .andExpect(jsonPath("$.email").value("Kim@example.com"))
                .andExpect(jsonPath("$.preferences.channels.LOW").value("EMAIL"))
                .andExpect(jsonPath("$.preferences.channels.CRITICAL").value("SMS"));

        save("kim", """
                {"smsNotificationsEnabled": true}""");
        mvc.perform(get("/api/user/profile").with(user("kim", "kim"))).andExpect(jsonPath("$.email").value("Kim@example.com"));

        save("kim", """
                {"email": " "}""");
        mvc.perform(get("/api/user/profile").with(user("kim", "kim"))).andExpect(jsonPath("$.email").doesNotExist());
    }

    @Test
    void anAddressThatIsNoEmailOrAChannelThatIsNoneIsA400NamingTheField() throws Exception {
        mvc.perform(post("/api/user/profile").with(user("kim", "kim")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"kim at example\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("must be an email address")));
        mvc.perform(post("/api/user/profile").with(user("kim", "kim")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"preferences\": {\"channels\": {\"LOW\": \"FAX\"}}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(startsWith("preferences.channels")));
    }

    private ResultActions recipients(String... parameters) throws Exception {
        var request = get("/internal/teams/{teamId}/sms-recipients", team).with(service("notifications:recipients"));
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return mvc.perform(request);
    }

    private void save(String userId, String json) throws Exception {
        mvc.perform(post("/api/user/profile").with(user(userId, userId)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isOk());
    }
}
