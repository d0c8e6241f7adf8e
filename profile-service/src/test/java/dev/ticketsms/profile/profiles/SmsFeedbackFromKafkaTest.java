package dev.ticketsms.profile.profiles;

import static dev.ticketsms.profile.web.Tokens.admin;
import static dev.ticketsms.profile.web.Tokens.service;
import static dev.ticketsms.profile.web.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.ticketsms.events.ProfileEvent;
import dev.ticketsms.events.SmsNumberUnusable;
import dev.ticketsms.events.SmsOptInReceived;
import dev.ticketsms.events.SmsOptOutReceived;
import dev.ticketsms.events.Topics;
import dev.ticketsms.profile.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/** What notification-service publishes on profiles.events.v1, sent through the embedded broker and applied here. */
class SmsFeedbackFromKafkaTest extends IntegrationTest {

    private static final JsonMapper WIRE = JsonMapper.builder().build();

    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(10);

    private static final JwtRequestPostProcessor ALICE = user("alice", "Alice Adams");

    private static final String ALICES_NUMBER = "+14155550101";

    @Autowired
    KafkaTemplate<String, String> kafka;

    private String team;

    /** Alice's consent history starts with her WEB opt-in and the VERIFICATION of her number. */
    @BeforeEach
    void aliceIsATeamMemberWithSmsOn() throws Exception {
        save(ALICE, """
                {"phoneNumber": "%s"}""".formatted(ALICES_NUMBER));
        String body = mvc.perform(post("/api/teams").with(admin("ada"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Support"}"""))
                .andReturn().getResponse().getContentAsString();
        team = JsonPath.read(body, "$.id");
        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "alice").with(admin("ada")))
                .andExpect(status().isNoContent());
        confirmNumber("alice");
    }

    @Test
    void aStopReplyOnKafkaSwitchesSmsOffWithinSecondsAndIsKeptInTheConsentHistory() throws Exception {
        publish(new SmsOptOutReceived(UUID.randomUUID(), Instant.now(), ALICES_NUMBER, "STOP", "SM00000000000000000000000000000001"));

        await().atMost(WITHIN_SECONDS).untilAsserted(() -> mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(jsonPath("$.smsNotificationsEnabled").value(false)));
        mvc.perform(get("/api/user/profile/sms-consent-history").with(ALICE))
                .andExpect(jsonPath("$[0].enabled").value(false))
                .andExpect(jsonPath("$[0].source").value("SMS"))
                .andExpect(jsonPath("$[0].phoneNumber").value(ALICES_NUMBER))
                .andExpect(jsonPath("$[0].detail").value("reply STOP (SM00000000000000000000000000000001)"));
        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", team).with(service("notifications:recipients")))
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void aStartReplySwitchesSmsBackOn() throws Exception {
        publish(new SmsOptOutReceived(UUID.randomUUID(), Instant.now(), ALICES_NUMBER, "STOP", "SM1"));
        publish(new SmsOptInReceived(UUID.randomUUID(), Instant.now().plusMillis(1), ALICES_NUMBER, "START", "SM2"));

        await().atMost(WITHIN_SECONDS).untilAsserted(() -> mvc.perform(get("/api/user/profile/sms-consent-history").with(ALICE))
                .andExpect(jsonPath("$[*].enabled").value(contains(true, false, true, true))));
        mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(jsonPath("$.smsNotificationsEnabled").value(true));
    }

    @Test
    void aStopDeliveredAgainAfterALaterStartDoesNotSwitchSmsOffAgain() throws Exception {
        var stop = new SmsOptOutReceived(UUID.randomUUID(), Instant.now(), ALICES_NUMBER, "STOP", "SM1");
        publish(stop);
        publish(new SmsOptInReceived(UUID.randomUUID(), Instant.now().plusMillis(1), ALICES_NUMBER, "START", "SM2"));
        publish(stop);
        // same key, same partition: once this is applied, the redelivered STOP before it has been handled too
        UUID marker = publish(new SmsOptInReceived(UUID.randomUUID(), Instant.now().plusMillis(2), ALICES_NUMBER, "YES", "SM3"));

        await().atMost(WITHIN_SECONDS).until(() -> processed(marker));
        mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(jsonPath("$.smsNotificationsEnabled").value(true));
        mvc.perform(get("/api/user/profile/sms-consent-history").with(ALICE))
                .andExpect(jsonPath("$[*].enabled").value(contains(true, false, true, true)));
    }

    @Test
    void aStopSentBeforeTheUserChoseSmsAgainOnTheWebDoesNotOverruleThem() throws Exception {
        Instant beforeTheWebChoice = Instant.now().minusSeconds(60);

        UUID stale = publish(new SmsOptOutReceived(UUID.randomUUID(), beforeTheWebChoice, ALICES_NUMBER, "STOP", "SM1"));

        await().atMost(WITHIN_SECONDS).until(() -> processed(stale));
        mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(jsonPath("$.smsNotificationsEnabled").value(true));
    }

    @Test
    void aReplyFromANumberNobodyHasChangesNothing() throws Exception {
        UUID stop = publish(new SmsOptOutReceived(UUID.randomUUID(), Instant.now(), "+14155550199", "STOP", "SM1"));

        await().atMost(WITHIN_SECONDS).until(() -> processed(stop));
        mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(jsonPath("$.smsNotificationsEnabled").value(true));
    }

    @Test
    void anUnreadableRecordIsSkippedAndLaterEventsForTheNumberStillApply() throws Exception {
        kafka.send(Topics.PROFILE_EVENTS, ALICES_NUMBER, "{\"type\": \"SmsOptOutReceived\", \"eventId\": ").get();
        kafka.send(Topics.PROFILE_EVENTS, ALICES_NUMBER, "{\"type\": \"SmsSomethingNew\"}").get();
        publish(new SmsOptOutReceived(UUID.randomUUID(), Instant.now(), ALICES_NUMBER, "STOP", "SM1"));

        await().atMost(WITHIN_SECONDS).untilAsserted(() -> mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(jsonPath("$.smsNotificationsEnabled").value(false)));
    }

    @Test
    void aNumberTwilioRefusesIsShownUnusableAndLeftOutOfTheLookupUntilSmsIsEnabledAgain() throws Exception {
        publish(new SmsNumberUnusable(UUID.randomUUID(), Instant.now(), ALICES_NUMBER, "21614",
                "'To' number is not a valid mobile number"));

        await().atMost(WITHIN_SECONDS).untilAsserted(() -> mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(jsonPath("$.phoneNumberStatus").value("UNUSABLE"))
                .andExpect(jsonPath("$.phoneNumberProblem.errorCode").value("21614"))
                .andExpect(jsonPath("$.phoneNumberProblem.reason").value("'To' number is not a valid mobile number"))
                .andExpect(jsonPath("$.phoneNumberProblem.since").isNotEmpty()));
        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", team).with(service("notifications:recipients")))
                .andExpect(jsonPath("$", hasSize(0)));

        save(ALICE, """
                {"phoneNumber": "%s", "smsNotificationsEnabled": true}""".formatted(ALICES_NUMBER))
                .andExpect(jsonPath("$.phoneNumberStatus").value("OK"))
                .andExpect(jsonPath("$.phoneNumberProblem").isEmpty());
        mvc.perform(get("/api/user/profile/sms-consent-history").with(ALICE))
                .andExpect(jsonPath("$[0].enabled").value(true))
                .andExpect(jsonPath("$[0].source").value("WEB"));
        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", team).with(service("notifications:recipients")))
                .andExpect(jsonPath("$[*].userId").value(contains("alice")));
    }

    @Test
    void aNewNumberClearsUnusable() throws Exception {
        UUID unusable = publish(new SmsNumberUnusable(UUID.randomUUID(), Instant.now(), ALICES_NUMBER, "21211", "Invalid 'To' number"));
        await().atMost(WITHIN_SECONDS).until(() -> processed(unusable));

        save(ALICE, """
                {"phoneNumber": "+4915112345678"}""")
                .andExpect(jsonPath("$.phoneNumberStatus").value("UNVERIFIED"));
        confirmNumber("alice");
        mvc.perform(get("/internal/teams/{teamId}/sms-recipients", team).with(service("notifications:recipients")))
                .andExpect(jsonPath("$[*].phoneNumber").value(contains("+4915112345678")));
    }

    @Test
    void aRefusalOfTheNumberFromBeforeItBecameTheUsersIsIgnored() throws Exception {
        UUID old = publish(new SmsNumberUnusable(UUID.randomUUID(), Instant.now().minusSeconds(3600), ALICES_NUMBER,
                "21211", "Invalid 'To' number"));

        await().atMost(WITHIN_SECONDS).until(() -> processed(old));
        mvc.perform(get("/api/user/profile").with(ALICE))
                .andExpect(jsonPath("$.phoneNumberStatus").value("OK"));
    }

    private UUID publish(ProfileEvent event) throws Exception {
        String phoneNumber = switch (event) {
            case SmsOptOutReceived stop -> stop.phoneNumber();
            case SmsOptInReceived start -> start.phoneNumber();
            case SmsNumberUnusable unusable -> unusable.phoneNumber();
            default -> throw new IllegalArgumentException("not published by notification-service");
        };
        kafka.send(Topics.PROFILE_EVENTS, phoneNumber, WIRE.writeValueAsString(event)).get();
        return event.eventId();
    }

    private boolean processed(UUID eventId) {
        return jdbc.sql("select exists (select 1 from processed_events where event_id = :id)")
                .param("id", eventId).query(Boolean.class).single();
    }

    private org.springframework.test.web.servlet.ResultActions save(JwtRequestPostProcessor caller, String json) throws Exception {
        return mvc.perform(post("/api/user/profile").with(caller)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }
}
