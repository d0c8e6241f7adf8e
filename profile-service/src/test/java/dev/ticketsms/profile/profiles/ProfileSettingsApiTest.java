package dev.ticketsms.profile.profiles;

import static dev.ticketsms.profile.web.Tokens.admin;
import static dev.ticketsms.profile.web.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import dev.ticketsms.profile.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.ResultActions;

/** Preferences, quiet hours, national numbers and the consent history of the caller's own profile. */
class ProfileSettingsApiTest extends IntegrationTest {

    private static final JwtRequestPostProcessor ALICE = user("alice", "Alice Adams");

    private static final JwtRequestPostProcessor BOB = user("bob", "Bob Brown");

    @Test
    void aNewProfileShowsTheDefaultPreferences() throws Exception {
        mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phoneNumberStatus").value("NONE"))
                .andExpect(content().json("""
                        {"preferences": {"minimumSeverity": "LOW", "mutedCategories": [],
                                         "eventTypes": ["TICKET_CREATED", "TICKET_STATUS_CHANGED"], "quietHours": null}}"""));
    }

    @Test
    void preferencesAndQuietHoursAreStoredAndShown() throws Exception {
        save(ALICE, """
                {"phoneNumber": "+4915112345678", "preferences": {
                    "minimumSeverity": "HIGH", "mutedCategories": ["Billing", "billing", " Sales "],
                    "eventTypes": ["TICKET_CREATED"],
                    "quietHours": {"start": "22:00", "end": "07:00", "timeZone": "Europe/Berlin"}}}""")
                .andExpect(status().isOk());

        mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phoneNumberStatus").value("UNVERIFIED"))
                .andExpect(content().json("""
                        {"preferences": {"minimumSeverity": "HIGH", "mutedCategories": ["Billing", "Sales"],
                                         "eventTypes": ["TICKET_CREATED"],
                                         "quietHours": {"start": "22:00", "end": "07:00", "timeZone": "Europe/Berlin"}}}""",
                        JsonCompareMode.LENIENT));
    }

    @Test
    void leavingOutPreferencesKeepsThemAndGivingThemReplacesThemWhole() throws Exception {
        save(ALICE, """
                {"preferences": {"minimumSeverity": "HIGH", "mutedCategories": ["Billing"],
                    "quietHours": {"start": "22:00", "end": "07:00", "timeZone": "Europe/Berlin"}}}""");

        save(ALICE, """
                {"phoneNumber": "+4915112345678"}""")
                .andExpect(jsonPath("$.preferences.minimumSeverity").value("HIGH"))
                .andExpect(jsonPath("$.preferences.quietHours.timeZone").value("Europe/Berlin"));

        save(ALICE, """
                {"phoneNumber": "+4915112345678", "preferences": {"minimumSeverity": "MEDIUM"}}""")
                .andExpect(jsonPath("$.preferences.minimumSeverity").value("MEDIUM"))
                .andExpect(jsonPath("$.preferences.mutedCategories", hasSize(0)))
                .andExpect(jsonPath("$.preferences.quietHours").value(nullValue()));
    }

    @ParameterizedTest(name = "{0} = {1} is a 400 naming the field")
    @CsvSource(delimiter = '|', value = {
            "preferences.quietHours.timeZone | {\"start\": \"22:00\", \"end\": \"07:00\", \"timeZone\": \"Mars/Olympus\"} | must be an IANA time zone id",
            "preferences.quietHours.timeZone | {\"start\": \"22:00\", \"end\": \"07:00\", \"timeZone\": \"+01:00\"}       | must be an IANA time zone id",
            "preferences.quietHours.timeZone | {\"start\": \"22:00\", \"end\": \"07:00\"}                                   | must be an IANA time zone id",
            "preferences.quietHours.start    | {\"start\": \"25:00\", \"end\": \"07:00\", \"timeZone\": \"Europe/Berlin\"} | must be a time of day as HH:mm",
            "preferences.quietHours.end      | {\"start\": \"22:00\", \"end\": \"7pm\", \"timeZone\": \"Europe/Berlin\"}   | must be a time of day as HH:mm",
            "preferences.quietHours.end      | {\"start\": \"22:00\", \"end\": \"22:00\", \"timeZone\": \"Europe/Berlin\"} | must differ from start",
            // quiet hours are kept to the minute: seconds would be stored as a window of no length
            "preferences.quietHours.start    | {\"start\": \"22:00:00\", \"end\": \"07:00\", \"timeZone\": \"Europe/Berlin\"} | must be a time of day as HH:mm",
            "preferences.quietHours.end      | {\"start\": \"22:00\",    \"end\": \"22:00:30\", \"timeZone\": \"Europe/Berlin\"} | must be a time of day as HH:mm",
            "preferences.quietHours.end      | {\"start\": \"22:00\", \"end\": \"07:00:00.5\", \"timeZone\": \"Europe/Berlin\"} | without seconds",
            "preferences.quietHours.start    | {\"start\": \"7:00\", \"end\": \"08:00\", \"timeZone\": \"Europe/Berlin\"}    | must be a time of day as HH:mm",
            "preferences.quietHours.timeZone | {\"start\": \"22:00\", \"end\": \"07:00\", \"timeZone\": \"Etc/GMT+99\"}    | must be an IANA time zone id",
            "preferences.quietHours.timeZone | {\"start\": \"22:00\", \"end\": \"07:00\", \"timeZone\": \"../../etc\"}     | must be an IANA time zone id",
    })
    void badQuietHoursAreA400NamingTheField(String field, String quietHours, String message) throws Exception {
        save(ALICE, """
                {"preferences": {"quietHours": %s}}""".formatted(quietHours))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message", containsString(message)));

        assertThat(jdbc.sql("select count(*) from user_profiles").query(Long.class).single()).isZero();
    }

    @Test
    void aStoredWindowOfNoLengthIsShownAsNoQuietHoursAndCanBeSetAgain() throws Exception {
        save(ALICE, """
                {"phoneNumber": "+4915112345678", "preferences": {
                    "quietHours": {"start": "22:00", "end": "07:00", "timeZone": "Europe/Berlin"}}}""");
        // what an older version let through: an end that differed from the start only by seconds
        jdbc.sql("update user_profiles set quiet_hours_end = quiet_hours_start where user_id = 'alice'").update();

        mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phoneNumber").value("+4915112345678"))
                .andExpect(jsonPath("$.preferences.quietHours").value(nullValue()));
        save(ALICE, """
                {"phoneNumber": "+4915112345678", "preferences": {
                    "quietHours": {"start": "23:00", "end": "06:00", "timeZone": "Europe/Berlin"}}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.preferences.quietHours.start").value("23:00"));
    }

    @Test
    void aStoredTimeZoneThatIsNoLongerKnownIsShownAsNoQuietHours() throws Exception {
        save(ALICE, """
                {"preferences": {"mutedCategories": ["Billing"],
                    "quietHours": {"start": "22:00", "end": "07:00", "timeZone": "Europe/Berlin"}}}""");
        jdbc.sql("update user_profiles set quiet_hours_time_zone = 'Mars/Olympus', muted_categories = '{Billing,NULL}' "
                + "where user_id = 'alice'").update();

        mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.preferences.mutedCategories").value(org.hamcrest.Matchers.contains("Billing")))
                .andExpect(jsonPath("$.preferences.quietHours").value(nullValue()));
    }

    @Test
    void badPreferenceValuesAreA400NamingTheField() throws Exception {
        save(ALICE, """
                {"preferences": {"minimumSeverity": "URGENT"}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("preferences.minimumSeverity"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of LOW, MEDIUM, HIGH, CRITICAL"));
        save(ALICE, """
                {"preferences": {"eventTypes": ["TICKET_DELETED"]}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", containsString("preferences.eventTypes")));
        save(ALICE, """
                {"preferences": {"mutedCategories": ["Billing", " "]}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("preferences.mutedCategories[1]"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
        save(ALICE, """
                {"preferences": {"mutedCategories": ["Bill\\u0000ing"]}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("preferences.mutedCategories[0]"));
    }

    @Test
    void aNationalNumberWithItsRegionIsStoredInE164() throws Exception {
        save(ALICE, """
                {"phoneNumber": "0151 1234 5678", "phoneRegion": "de"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phoneNumber").value("+4915112345678"));
        save(ALICE, """
                {"phoneNumber": "(415) 555-0101", "phoneRegion": "US"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phoneNumber").value("+14155550101"));
    }

    @Test
    void aNationalNumberWithoutARegionOrWithAnUnknownOneIsA400() throws Exception {
        save(ALICE, """
                {"phoneNumber": "0151 1234 5678"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phoneNumber"))
                .andExpect(jsonPath("$.errors[0].message", containsString("phoneRegion")));
        save(ALICE, """
                {"phoneNumber": "0151 1234 5678", "phoneRegion": "Germany"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phoneRegion"))
                .andExpect(jsonPath("$.errors[0].message", containsString("ISO 3166")));
    }

    @Test
    void aNationalLandlineIsRefusedWithTheExpectedFormat() throws Exception {
        save(ALICE, """
                {"phoneNumber": "020 7946 0958", "phoneRegion": "GB"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phoneNumber"))
                .andExpect(jsonPath("$.errors[0].message", containsString("cannot receive SMS")))
                .andExpect(jsonPath("$.errors[0].message", containsString("+14155550101")));
    }

    @Test
    void switchingSmsOnTheWebIsKeptInTheConsentHistory() throws Exception {
        clock.setTo(Instant.parse("2026-11-25T10:00:00Z"));
        save(ALICE, """
                {"phoneNumber": "+14155550101"}""");
        clock.setTo(Instant.parse("2026-11-25T11:00:00Z"));
        save(ALICE, """
                {"phoneNumber": "+14155550101", "smsNotificationsEnabled": false}""");
        clock.setTo(Instant.parse("2026-11-25T12:00:00Z"));
        save(ALICE, """
                {"phoneNumber": "+14155550101", "smsNotificationsEnabled": false, "preferences": {"minimumSeverity": "HIGH"}}""");

        mvc.perform(get("/api/user/profile/sms-consent-history").with(ALICE))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"enabled": false, "source": "WEB", "phoneNumber": "+14155550101", "recordedAt": "2026-11-25T11:00:00Z"},
                         {"enabled": true, "source": "WEB", "phoneNumber": "+14155550101", "recordedAt": "2026-11-25T10:00:00Z"}]""",
                        JsonCompareMode.LENIENT))
                .andExpect(jsonPath("$", hasSize(2)));
    }

    @Test
    void aNewNumberWhileSmsIsOnIsConsentForThatNumber() throws Exception {
        save(ALICE, """
                {"phoneNumber": "+14155550101"}""");
        save(ALICE, """
                {"phoneNumber": "+4915112345678"}""");

        mvc.perform(get("/api/user/profile/sms-consent-history").with(ALICE))
                .andExpect(jsonPath("$[*].phoneNumber").value(org.hamcrest.Matchers.contains("+4915112345678", "+14155550101")))
                .andExpect(jsonPath("$[*].enabled").value(org.hamcrest.Matchers.contains(true, true)));
    }

    @Test
    void eachUserSeesOnlyTheirOwnConsentHistory() throws Exception {
        save(ALICE, """
                {"phoneNumber": "+14155550101", "smsNotificationsEnabled": false}""");

        mvc.perform(get("/api/user/profile/sms-consent-history").with(BOB))
                .andExpect(status().isOk())
                .andExpect(content().json("[]", JsonCompareMode.STRICT));
    }

    @Test
    void aPostChangesOnlyTheCallersProfile() throws Exception {
        save(BOB, """
                {"phoneNumber": "+14155550102", "preferences": {"minimumSeverity": "CRITICAL"}}""");

        save(ALICE, """
                {"phoneNumber": "+14155550101", "smsNotificationsEnabled": false, "preferences": {"minimumSeverity": "LOW"}}""")
                .andExpect(jsonPath("$.userId").value("alice"));

        mvc.perform(get("/api/user/profile").with(BOB))
                .andExpect(jsonPath("$.phoneNumber").value("+14155550102"))
                .andExpect(jsonPath("$.smsNotificationsEnabled").value(true))
                .andExpect(jsonPath("$.preferences.minimumSeverity").value("CRITICAL"));
    }

    @Test
    void anAdminSwitchesAUsersSmsOffAndItIsRecordedAsAdmin() throws Exception {
        save(ALICE, """
                {"phoneNumber": "+14155550101"}""");

        mvc.perform(put("/api/users/{userId}/sms-notifications", "alice").with(admin("ada"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"enabled": false}"""))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(jsonPath("$.smsNotificationsEnabled").value(false));
        mvc.perform(get("/api/user/profile/sms-consent-history").with(ALICE))
                .andExpect(jsonPath("$[0].enabled").value(false))
                .andExpect(jsonPath("$[0].source").value("ADMIN"))
                .andExpect(jsonPath("$[0].detail").value("by admin ada"));
    }

    @Test
    void onlyAdminsSwitchAnotherUsersSms() throws Exception {
        save(ALICE, """
                {"phoneNumber": "+14155550101"}""");

        mvc.perform(put("/api/users/{userId}/sms-notifications", "alice").with(BOB)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"enabled": false}"""))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/users/{userId}/sms-notifications", "nobody").with(admin("ada"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"enabled": false}"""))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(jsonPath("$.smsNotificationsEnabled").value(true));
    }

    private ResultActions save(JwtRequestPostProcessor caller, String json) throws Exception {
        return mvc.perform(post("/api/user/profile").with(caller)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
