package dev.ticketsms.profile.recipients;

import static dev.ticketsms.profile.web.Tokens.admin;
import static dev.ticketsms.profile.web.Tokens.service;
import static dev.ticketsms.profile.web.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.ticketsms.profile.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.ResultActions;

@ExtendWith(OutputCaptureExtension.class)
class SmsRecipientApiTest extends IntegrationTest {

    @Autowired
    private MeterRegistry meters;

    private static final JwtRequestPostProcessor NOTIFICATION_SERVICE = service("notifications:recipients");

    private static final JwtRequestPostProcessor ADMIN = admin("ada");

    /** 16:00 in Berlin, 10:00 in New York: nobody's quiet hours. */
    private static final Instant AFTERNOON_IN_BERLIN = Instant.parse("2026-11-25T15:00:00Z");

    /** Midnight in Berlin, 18:00 in New York. */
    private static final Instant MIDNIGHT_IN_BERLIN = Instant.parse("2026-11-25T23:00:00Z");

    /** 05:00 in Berlin, 23:00 in New York: both quiet. */
    private static final Instant NIGHT_IN_BOTH = Instant.parse("2026-11-26T04:00:00Z");

    private String team;

    private final List<String> unconfirmed = new ArrayList<>();

    /**
     * A team where each member stands for one rule: alice takes everything; bob opted out; carol has no number;
     * dave has no profile; frank wants HIGH and above; grace muted Billing; heidi wants new tickets only; ivan
     * sleeps 22:00–07:00 in Berlin, judy 22:00–07:00 in New York. Erin is opted in but not a member. Every number
     * is confirmed with its code (an unverified one is never a recipient: PhoneVerificationApiTest).
     */
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
        saveProfile("frank", "Frank Fox", """
                {"phoneNumber": "+14155550106", "preferences": {"minimumSeverity": "HIGH"}}""");
        saveProfile("grace", "Grace Gray", """
                {"phoneNumber": "+14155550107", "preferences": {"mutedCategories": ["billing"]}}""");
        saveProfile("heidi", "Heidi Hill", """
                {"phoneNumber": "+14155550108", "preferences": {"eventTypes": ["TICKET_CREATED"]}}""");
        saveProfile("ivan", "Ivan Ivanov", """
                {"phoneNumber": "+4915112345678", "preferences": {
                    "quietHours": {"start": "22:00", "end": "07:00", "timeZone": "Europe/Berlin"}}}""");
        saveProfile("judy", "Judy Jones", """
                {"phoneNumber": "+14155550110", "preferences": {
                    "quietHours": {"start": "22:00", "end": "07:00", "timeZone": "America/New_York"}}}""");

        String body = mvc.perform(post("/api/teams").with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Support"}"""))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        team = JsonPath.read(body, "$.id");
        for (String member : new String[] {"alice", "bob", "carol", "dave", "frank", "grace", "heidi", "ivan", "judy"}) {
            mvc.perform(put("/api/teams/{id}/members/{userId}", team, member).with(ADMIN))
                    .andExpect(status().isNoContent());
        }
        confirmSavedNumbers();
        clock.setTo(AFTERNOON_IN_BERLIN);
    }

    @Test
    void chosenUsersAreRecipientsOnlyWhenOptedInWithANumberAndOutsideQuietHours() throws Exception {
        clock.setTo(MIDNIGHT_IN_BERLIN);

        mvc.perform(get("/internal/sms-recipients").with(NOTIFICATION_SERVICE)
                        .param("userId", "alice", "bob", "carol", "dave", "erin", "ivan", "nobody"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].userId").value(contains("alice", "erin")));
        mvc.perform(get("/internal/sms-recipients").with(user("alice", "Alice Adams")).param("userId", "alice"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/internal/sms-recipients").with(NOTIFICATION_SERVICE))
                .andExpect(status().isBadRequest());
    }

    @Test
    void membersWhoOptedOutHaveNoNumberOrNoProfileAreNeverRecipients() throws Exception {
        recipients()
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].userId").value(contains("alice", "frank", "grace", "heidi", "ivan", "judy")));
    }

    @Test
    void eachRecipientComesWithTheirE164NumberAndDisplayName() throws Exception {
        recipients("severity", "CRITICAL", "category", "Technical", "eventType", "TICKET_STATUS_CHANGED")
                .andExpect(content().json("""
                        [{"userId": "alice", "phoneNumber": "+14155550101", "displayName": "Alice Adams"},
                         {"userId": "frank", "phoneNumber": "+14155550106", "displayName": "Frank Fox"},
                         {"userId": "grace", "phoneNumber": "+14155550107", "displayName": "Grace Gray"},
                         {"userId": "ivan", "phoneNumber": "+4915112345678", "displayName": "Ivan Ivanov"},
                         {"userId": "judy", "phoneNumber": "+14155550110", "displayName": "Judy Jones"}]""",
                        JsonCompareMode.STRICT));
    }

    @Test
    void ticketsBelowAMembersMinimumSeverityDoNotTextThem() throws Exception {
        recipients("severity", "MEDIUM")
                .andExpect(jsonPath("$[*].userId").value(contains("alice", "grace", "heidi", "ivan", "judy")));
        recipients("severity", "HIGH")
                .andExpect(jsonPath("$[*].userId").value(contains("alice", "frank", "grace", "heidi", "ivan", "judy")));
    }

    @Test
    void aMutedCategoryDoesNotTextTheMemberWhateverItsCase() throws Exception {
        recipients("category", "Billing")
                .andExpect(jsonPath("$[*].userId").value(contains("alice", "frank", "heidi", "ivan", "judy")));
        recipients("category", "Technical")
                .andExpect(jsonPath("$[*].userId").value(contains("alice", "frank", "grace", "heidi", "ivan", "judy")));
    }

    @Test
    void aMemberWhoWantsOnlyNewTicketsIsNotTextedAboutStatusChanges() throws Exception {
        recipients("eventType", "TICKET_STATUS_CHANGED")
                .andExpect(jsonPath("$[*].userId").value(contains("alice", "frank", "grace", "ivan", "judy")));
        recipients("eventType", "TICKET_CREATED")
                .andExpect(jsonPath("$[*].userId").value(contains("alice", "frank", "grace", "heidi", "ivan", "judy")));
    }

    @Test
    void quietHoursAreReadInEachMembersOwnTimeZone() throws Exception {
        clock.setTo(MIDNIGHT_IN_BERLIN);
        recipients("severity", "HIGH")
                .andExpect(jsonPath("$[*].userId").value(contains("alice", "frank", "grace", "heidi", "judy")));

        clock.setTo(NIGHT_IN_BOTH);
        recipients("severity", "HIGH")
                .andExpect(jsonPath("$[*].userId").value(contains("alice", "frank", "grace", "heidi")));
    }

    @Test
    void aCriticalTicketBreaksThroughQuietHours() throws Exception {
        clock.setTo(NIGHT_IN_BOTH);

        recipients("severity", "CRITICAL")
                .andExpect(jsonPath("$[*].userId").value(contains("alice", "frank", "grace", "heidi", "ivan", "judy")));
    }

    @Test
    void withIncludeQuietMembersInTheirQuietHoursComeWithWhenTheirWindowEnds() throws Exception {
        clock.setTo(NIGHT_IN_BOTH);

        recipients("severity", "HIGH", "includeQuiet", "true")
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"userId": "alice", "phoneNumber": "+14155550101", "displayName": "Alice Adams", "quietUntil": null},
                         {"userId": "frank", "phoneNumber": "+14155550106", "displayName": "Frank Fox", "quietUntil": null},
                         {"userId": "grace", "phoneNumber": "+14155550107", "displayName": "Grace Gray", "quietUntil": null},
                         {"userId": "heidi", "phoneNumber": "+14155550108", "displayName": "Heidi Hill", "quietUntil": null},
                         {"userId": "ivan", "phoneNumber": "+4915112345678", "displayName": "Ivan Ivanov",
                          "quietUntil": "2026-11-26T06:00:00Z"},
                         {"userId": "judy", "phoneNumber": "+14155550110", "displayName": "Judy Jones",
                          "quietUntil": "2026-11-26T12:00:00Z"}]""", JsonCompareMode.STRICT));
        // preferences other than quiet hours still decide: frank wants HIGH and above
        recipients("severity", "MEDIUM", "includeQuiet", "true")
                .andExpect(jsonPath("$[*].userId").value(contains("alice", "grace", "heidi", "ivan", "judy")));
    }

    @Test
    void withIncludeQuietACriticalTicketIsNotHeldBackForAnyone() throws Exception {
        clock.setTo(NIGHT_IN_BOTH);

        recipients("severity", "CRITICAL", "includeQuiet", "true")
                .andExpect(jsonPath("$[*].userId").value(contains("alice", "frank", "grace", "heidi", "ivan", "judy")))
                .andExpect(jsonPath("$[*].quietUntil").value(contains(null, null, null, null, null, null)));
    }

    @Test
    void chosenUsersInTheirQuietHoursComeWithWhenTheyEndOnlyWhenAsked() throws Exception {
        clock.setTo(MIDNIGHT_IN_BERLIN);

        mvc.perform(get("/internal/sms-recipients").with(NOTIFICATION_SERVICE)
                        .param("userId", "alice", "ivan", "judy").param("includeQuiet", "true"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"userId": "alice", "quietUntil": null},
                         {"userId": "ivan", "quietUntil": "2026-11-26T06:00:00Z"},
                         {"userId": "judy", "quietUntil": null}]""", JsonCompareMode.LENIENT));
        mvc.perform(get("/internal/sms-recipients").with(NOTIFICATION_SERVICE)
                        .param("userId", "alice", "ivan", "judy").param("includeQuiet", "false"))
                .andExpect(content().json("""
                        [{"userId": "alice", "phoneNumber": "+14155550101", "displayName": "Alice Adams"},
                         {"userId": "judy", "phoneNumber": "+14155550110", "displayName": "Judy Jones"}]""",
                        JsonCompareMode.STRICT));
        mvc.perform(get("/internal/sms-recipients").with(NOTIFICATION_SERVICE)
                        .param("userId", "alice").param("includeQuiet", "later"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("includeQuiet"))
                .andExpect(jsonPath("$.errors[0].message").value("must be true or false"));
    }

    @Test
    void aMemberWhoOptsOutStopsBeingARecipient() throws Exception {
        saveProfile("alice", "Alice Adams", """
                {"phoneNumber": "+14155550101", "smsNotificationsEnabled": false}""");

        recipients().andExpect(jsonPath("$[*].userId").value(contains("frank", "grace", "heidi", "ivan", "judy")));
    }

    @Test
    void unknownFilterValuesAreA400NamingTheParameter() throws Exception {
        recipients("severity", "URGENT")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("severity"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of LOW, MEDIUM, HIGH, CRITICAL"));
        recipients("eventType", "ticket.created.v1")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("eventType"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of TICKET_CREATED, TICKET_STATUS_CHANGED"));
        recipients("category", "c".repeat(101))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        recipients("includeQuiet", "yes please")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("includeQuiet"));
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
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://ticket-sms.dev/problems/team-not-found"))
                .andExpect(jsonPath("$.title").value("Team not found"));
    }

    @Test
    void membersWhoseStoredSettingsCannotBeReadAreSkippedCountedAndLoggedMaskedWhileTheOthersAreAnswered(
            CapturedOutput output) throws Exception {
        double quietHoursBefore = skipped("quiet_hours");
        double timeZoneBefore = skipped("time_zone");
        double mutedBefore = skipped("muted_categories");
        double numberBefore = skipped("phone_number");
        jdbc.sql("update user_profiles set quiet_hours_end = quiet_hours_start where user_id = 'ivan'").update();
        jdbc.sql("update user_profiles set quiet_hours_time_zone = 'Mars/Olympus' where user_id = 'judy'").update();
        jdbc.sql("update user_profiles set muted_categories = '{billing,NULL}' where user_id = 'grace'").update();
        jdbc.sql("update user_profiles set phone_number = '555-0108' where user_id = 'heidi'").update();

        recipients("severity", "HIGH")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].userId").value(contains("alice", "frank")));
        mvc.perform(get("/internal/sms-recipients").with(NOTIFICATION_SERVICE).param("userId", "alice", "ivan", "judy"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].userId").value(contains("alice")));

        assertThat(skipped("quiet_hours") - quietHoursBefore).isEqualTo(2);
        assertThat(skipped("time_zone") - timeZoneBefore).isEqualTo(2);
        assertThat(skipped("muted_categories") - mutedBefore).isEqualTo(1);
        assertThat(skipped("phone_number") - numberBefore).isEqualTo(1);
        String skips = output.getOut().lines().filter(line -> line.contains("Recipient lookup skipped"))
                .collect(Collectors.joining("\n"));
        assertThat(skips).contains("user ivan (+4********5678): quiet_hours", "user judy (+1******0110): time_zone",
                        "user grace (+1******0107): muted_categories", "user heidi (55**0108): phone_number")
                .doesNotContain("4915112345678", "14155550110", "14155550107", "555-0108");
    }

    private double skipped(String reason) {
        Counter counter = meters.find("profile.recipients.skipped").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private ResultActions recipients(String... parameters) throws Exception {
        var request = get("/internal/teams/{teamId}/sms-recipients", team).with(NOTIFICATION_SERVICE);
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return mvc.perform(request);
    }

    /** Saves the profile; a new number is confirmed (by its texted code) in {@link #confirmSavedNumbers()}. */
    private void saveProfile(String userId, String name, String json) throws Exception {
        String saved = mvc.perform(post("/api/user/profile").with(user(userId, name))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        if ("UNVERIFIED".equals(JsonPath.read(saved, "$.phoneNumberStatus"))) {
            unconfirmed.add(userId);
        }
    }

    private void confirmSavedNumbers() throws Exception {
        for (String userId : unconfirmed) {
            confirmNumber(userId);
        }
        unconfirmed.clear();
    }
}
