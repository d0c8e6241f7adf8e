package dev.ticketsms.profile.profiles;

import static dev.ticketsms.profile.web.Tokens.admin;
import static dev.ticketsms.profile.web.Tokens.service;
import static dev.ticketsms.profile.web.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.jayway.jsonpath.JsonPath;
import dev.ticketsms.events.PhoneVerificationRequested;
import dev.ticketsms.profile.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Nobody can have the company text a number they do not own: a saved number gets a code and nothing else until the
 * code is typed back. The codes are read where notification-service reads them, from profiles.events.v1.
 */
class PhoneVerificationApiTest extends IntegrationTest {


    private static final JwtRequestPostProcessor NOTIFICATION_SERVICE = service("notifications:recipients");

    private static final String asAliceS_NUMBER = "+14155550101";

    private static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z");

    private String team;

    /** A user id of this test's own, so codes texted in earlier tests never count here. */
    private String alice;

    private JwtRequestPostProcessor asAlice;

    @BeforeEach
    void aliceIsInATeam() throws Exception {
        clock.setTo(NOW);
        alice = "alice-" + java.util.UUID.randomUUID();
        asAlice = user(alice, "Alice Adams");
        String body = mvc.perform(post("/api/teams").with(admin("ada")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Support"}"""))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        team = JsonPath.read(body, "$.id");
        mvc.perform(put("/api/teams/{id}/members/{userId}", team, alice).with(admin("ada")))
                .andExpect(status().isNoContent());
    }

    @Test
    void anUnverifiedNumberIsNoRecipientUntilTheRightCodeIsTyped() throws Exception {
        save("""
                {"phoneNumber": "+1 415 555 0101", "smsNotificationsEnabled": true}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phoneNumber").value(asAliceS_NUMBER))
                .andExpect(jsonPath("$.phoneNumberStatus").value("UNVERIFIED"));

        String code = textedCodes.currentCodeOf(alice);
        PhoneVerificationRequested texted = textedCodes.requestedFor(alice).getLast();
        assertThat(texted.phoneNumber()).isEqualTo(asAliceS_NUMBER);
        assertThat(texted.code()).matches("\\d{6}").isEqualTo(code);
        assertThat(texted.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        expectNoRecipients();

        confirm(code)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phoneNumberStatus").value("OK"));

        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", team).with(NOTIFICATION_SERVICE))
                .andExpect(jsonPath("$[*].phoneNumber").value(org.hamcrest.Matchers.contains(asAliceS_NUMBER)));
        mvc.perform(get("/internal/sms-recipients").param("userId", alice).with(NOTIFICATION_SERVICE))
                .andExpect(jsonPath("$[*].userId").value(org.hamcrest.Matchers.contains(alice)));
        mvc.perform(get("/api/user/profile/sms-consent-history").with(asAlice))
                .andExpect(jsonPath("$[0].source").value("VERIFICATION"))
                .andExpect(jsonPath("$[0].detail").value("number verified by code"))
                .andExpect(jsonPath("$[0].phoneNumber").value(asAliceS_NUMBER))
                .andExpect(jsonPath("$[0].enabled").value(true));
        assertThat(jdbc.sql("select count(*) from phone_verification_codes").query(Long.class).single())
                .as("the used code is gone").isZero();
    }

    @Test
    void theCodeIsStoredOnlyAsASaltedHash() throws Exception {
        save("""
                {"phoneNumber": "+14155550101"}""");
        String code = textedCodes.currentCodeOf(alice);

        var stored = jdbc.sql("select encode(code_hash, 'hex') as hash, encode(code_salt, 'hex') as salt from phone_verification_codes")
                .query().singleRow();
        assertThat(stored.get("hash").toString()).hasSize(64).doesNotContain(code);
        assertThat(stored.get("salt").toString()).hasSize(32);
    }

    @Test
    void wrongCodesUseUpAttemptsAndTheFifthVoidsTheCode() throws Exception {
        save("""
                {"phoneNumber": "+14155550101"}""");
        String code = textedCodes.currentCodeOf(alice);
        String wrong = code.equals("000000") ? "111111" : "000000";

        confirm(wrong)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message", containsString("4 attempts left")));
        for (int attempt = 2; attempt <= 4; attempt++) {
            confirm(wrong).andExpect(status().isBadRequest());
        }
        confirm(wrong)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message", containsString("void")));
        confirm(code)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("void")));
        expectNoRecipients();

        resend().andExpect(status().isAccepted());
        confirm(textedCodes.currentCodeOf(alice)).andExpect(status().isOk());
    }

    @Test
    void anExpiredCodeIsA400NamingCode() throws Exception {
        save("""
                {"phoneNumber": "+14155550101"}""");
        String code = textedCodes.currentCodeOf(alice);

        clock.setTo(NOW.plus(Duration.ofMinutes(10)));

        confirm(code)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message", containsString("has expired")))
                .andExpect(jsonPath("$.errors[0].message", containsString("/phone-verification/resend")));
        expectNoRecipients();
    }

    @Test
    void aResentCodeReplacesTheEarlierOne() throws Exception {
        save("""
                {"phoneNumber": "+14155550101"}""");
        String first = textedCodes.currentCodeOf(alice);

        resend()
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.expiresAt").value(NOW.plus(Duration.ofMinutes(10)).toString()));
        String second = textedCodes.currentCodeOf(alice);

        assertThat(textedCodes.requestedFor(alice)).hasSize(2);
        if (!first.equals(second)) {
            confirm(first).andExpect(status().isBadRequest());
        }
        confirm(second).andExpect(status().isOk());
    }

    @Test
    void codesPerUserAreLimitedAndTheWaitIsInRetryAfter() throws Exception {
        save("""
                {"phoneNumber": "+14155550101"}""");
        for (int resend = 1; resend <= 4; resend++) {
            clock.setTo(NOW.plus(Duration.ofMinutes(resend)));
            resend().andExpect(status().isAccepted());
        }

        clock.setTo(NOW.plus(Duration.ofMinutes(30)));
        resend()
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1800"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("try again in 1800 s")));
        save("""
                {"phoneNumber": "+14155550199"}""")
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/user/profile").with(asAlice)).andExpect(jsonPath("$.phoneNumber").value(asAliceS_NUMBER));

        clock.setTo(NOW.plus(Duration.ofHours(1)));
        resend().andExpect(status().isAccepted());
    }

    @Test
    void codesToOneNumberAreLimitedWhicheverAccountAsks() throws Exception {
        for (String user : new String[] {"u1", "u2", "u3", "u4", "u5"}) {
            save(user(user, user), """
                    {"phoneNumber": "+14155550101"}""").andExpect(status().isOk());
            save(user(user, user), """
                    {"phoneNumber": null}""").andExpect(status().isOk());
        }

        save("""
                {"phoneNumber": "+14155550101"}""")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3600"));
        mvc.perform(get("/api/user/profile").with(asAlice)).andExpect(jsonPath("$.phoneNumber").isEmpty());
    }

    @Test
    void aChangedNumberNeedsItsOwnCodeAndTheOldCodeDoesNotConfirmIt() throws Exception {
        save("""
                {"phoneNumber": "+14155550101"}""");
        confirm(textedCodes.currentCodeOf(alice)).andExpect(status().isOk());
        save("""
                {"phoneNumber": "+4915112345678"}""")
                .andExpect(jsonPath("$.phoneNumberStatus").value("UNVERIFIED"));
        expectNoRecipients();

        String forNewNumber = textedCodes.currentCodeOf(alice);
        save("""
                {"phoneNumber": "+14155550102"}""");
        confirm(forNewNumber)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        confirm(textedCodes.currentCodeOf(alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phoneNumber").value("+14155550102"))
                .andExpect(jsonPath("$.phoneNumberStatus").value("OK"));
    }

    @Test
    void savingTheSameNumberAgainSendsNoNewCodeAndKeepsItVerified() throws Exception {
        save("""
                {"phoneNumber": "+14155550101"}""");
        confirm(textedCodes.currentCodeOf(alice));

        save("""
                {"phoneNumber": "+1 (415) 555-0101", "preferences": {"minimumSeverity": "HIGH"}}""")
                .andExpect(jsonPath("$.phoneNumberStatus").value("OK"));

        assertThat(textedCodes.requestedFor(alice)).hasSize(1);
        resend()
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Number already verified"));
    }

    @Test
    void aMalformedCodeIsA400AndNoNumberIsA409() throws Exception {
        confirm("123456")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("No number to verify"));
        resend().andExpect(status().isConflict());

        save("""
                {"phoneNumber": "+14155550101"}""");
        for (String malformed : new String[] {"12345", "abcdef", "1234567", ""}) {
            confirm(malformed)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("code"))
                    .andExpect(jsonPath("$.errors[0].message", containsString("6 digits")));
        }
        mvc.perform(post("/api/user/profile/phone-verification").with(asAlice).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(post("/api/user/profile/phone-verification").with(asAlice).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "123456", "phoneNumber": "+14155550101"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phoneNumber"));
    }

    private void expectNoRecipients() throws Exception {
        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", team).with(NOTIFICATION_SERVICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", empty()));
        mvc.perform(get("/internal/sms-recipients").param("userId", alice).with(NOTIFICATION_SERVICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", empty()));
    }

    private ResultActions save(String json) throws Exception {
        return save(asAlice, json);
    }

    private ResultActions save(JwtRequestPostProcessor caller, String json) throws Exception {
        return mvc.perform(post("/api/user/profile").with(caller).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions confirm(String code) throws Exception {
        return mvc.perform(post("/api/user/profile/phone-verification").with(asAlice)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"code": "%s"}""".formatted(code)));
    }

    private ResultActions resend() throws Exception {
        return mvc.perform(post("/api/user/profile/phone-verification/resend").with(asAlice));
    }
}
