package dev.ticketsms.profile.profiles;

import static dev.ticketsms.profile.web.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ticketsms.profile.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;

class ProfileApiTest extends IntegrationTest {

    private static final JwtRequestPostProcessor ALICE = user("alice", "Alice Adams");

    private static final JwtRequestPostProcessor BOB = user("bob", "Bob Brown");

    @Test
    void aNewUserSeesDefaultSettingsAndNothingIsStored() throws Exception {
        mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value("alice"))
                .andExpect(jsonPath("$.displayName").value("Alice Adams"))
                .andExpect(jsonPath("$.phoneNumber").value(nullValue()))
                .andExpect(jsonPath("$.smsNotificationsEnabled").value(true));

        assertThat(jdbc.sql("select count(*) from user_profiles").query(Long.class).single()).isZero();
    }

    @Test
    void aSavedNumberComesBackInE164() throws Exception {
        save(ALICE, """
                {"phoneNumber": "+1 (415) 555-0101", "smsNotificationsEnabled": true}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phoneNumber").value("+14155550101"));

        mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value("alice"))
                .andExpect(jsonPath("$.displayName").value("Alice Adams"))
                .andExpect(jsonPath("$.phoneNumber").value("+14155550101"))
                .andExpect(jsonPath("$.smsNotificationsEnabled").value(true));
    }

    @Test
    void optingOutIsKeptWhenOnlyTheNumberChanges() throws Exception {
        save(ALICE, """
                {"phoneNumber": "+14155550101", "smsNotificationsEnabled": false}""");

        save(ALICE, """
                {"phoneNumber": "+49 151 12345678"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phoneNumber").value("+4915112345678"))
                .andExpect(jsonPath("$.smsNotificationsEnabled").value(false));
    }

    @Test
    void aNullNumberRemovesIt() throws Exception {
        save(ALICE, """
                {"phoneNumber": "+14155550101"}""");

        save(ALICE, """
                {"phoneNumber": null}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phoneNumber").value(nullValue()));
        mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(jsonPath("$.phoneNumber").value(nullValue()));
    }

    @Test
    void theDisplayNameFollowsTheLatestToken() throws Exception {
        save(ALICE, """
                {"phoneNumber": "+14155550101"}""");

        save(user("alice", "Alice Cooper"), """
                {"phoneNumber": "+14155550101"}""")
                .andExpect(jsonPath("$.displayName").value("Alice Cooper"));
    }

    @Test
    void anInvalidNumberIsA400NamingTheFieldTheReasonAndTheFormat() throws Exception {
        save(ALICE, """
                {"phoneNumber": "415-555-0101"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("phoneNumber"))
                .andExpect(jsonPath("$.errors[0].message", allOf(
                        containsString("must start with + and the country code"),
                        containsString("+14155550101"))))
                .andExpect(jsonPath("$.detail", containsString("phoneNumber")));

        mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(jsonPath("$.phoneNumber").value(nullValue()));
    }

    @Test
    void aLandlineIsRefusedBecauseItCannotReceiveSms() throws Exception {
        save(ALICE, """
                {"phoneNumber": "+44 20 7946 0958"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phoneNumber"))
                .andExpect(jsonPath("$.errors[0].message", containsString("cannot receive SMS")));
    }

    @ParameterizedTest(name = "\"{0}\" in the body is refused")
    @ValueSource(strings = {"userId", "id", "createdAt", "updatedAt", "phone", "phoneNumberStatus", "phoneNumberProblem",
            "smsConsentChangedAt", "consentHistory", "displayName"})
    void fieldsTheClientDoesNotOwnAreA400(String field) throws Exception {
        save(ALICE, """
                {"phoneNumber": "+14155550101", "%s": "bob"}""".formatted(field))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value("is not a known field"));

        mvc.perform(get("/api/user/profile").with(BOB))
                .andExpect(jsonPath("$.phoneNumber").value(nullValue()));
    }

    @Test
    void aWrongTypeIsA400NamingTheField() throws Exception {
        save(ALICE, """
                {"smsNotificationsEnabled": "sometimes"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("smsNotificationsEnabled"))
                .andExpect(jsonPath("$.errors[0].message").value("must be true or false"));
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        save(ALICE, "{\"phoneNumber\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("not valid JSON")));
    }

    @Test
    void aMissingBodyIsA400() throws Exception {
        mvc.perform(post("/api/user/profile").with(ALICE).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aNumberAnotherUserHasIsA409EvenWhenTypedDifferently() throws Exception {
        save(ALICE, """
                {"phoneNumber": "+14155550101"}""");

        save(BOB, """
                {"phoneNumber": "+1 415-555-0101"}""")
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("already registered to another user")));

        mvc.perform(get("/api/user/profile").with(BOB))
                .andExpect(jsonPath("$.phoneNumber").value(nullValue()));
        mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(jsonPath("$.phoneNumber").value("+14155550101"));
    }

    @Test
    void savingYourOwnNumberAgainIsFine() throws Exception {
        save(ALICE, """
                {"phoneNumber": "+14155550101"}""");

        save(ALICE, """
                {"phoneNumber": "+1 415 555 0101", "smsNotificationsEnabled": false}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.smsNotificationsEnabled").value(false));
    }

    @Test
    void aNumberGivenUpCanBeTakenByAnotherUser() throws Exception {
        save(ALICE, """
                {"phoneNumber": "+14155550101"}""");
        save(ALICE, """
                {"phoneNumber": null}""");

        save(BOB, """
                {"phoneNumber": "+14155550101"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phoneNumber").value("+14155550101"));
    }

    @Test
    void eachUserSeesOnlyTheirOwnProfile() throws Exception {
        save(ALICE, """
                {"phoneNumber": "+14155550101", "smsNotificationsEnabled": false}""");

        mvc.perform(get("/api/user/profile").with(BOB))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value("bob"))
                .andExpect(jsonPath("$.displayName").value("Bob Brown"))
                .andExpect(jsonPath("$.phoneNumber").value(nullValue()))
                .andExpect(jsonPath("$.smsNotificationsEnabled").value(true));
    }

    private ResultActions save(JwtRequestPostProcessor caller, String json) throws Exception {
        return mvc.perform(post("/api/user/profile").with(caller)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
