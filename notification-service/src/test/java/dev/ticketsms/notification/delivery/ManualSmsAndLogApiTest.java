package dev.ticketsms.notification.delivery;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin API: {@code POST /api/sms/send} and {@code GET /api/notifications}. */
@AutoConfigureMockMvc
class ManualSmsAndLogApiTest extends DeliveryIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void anAdminTextsATeamOnceEvenWhenTheClientRetriesWithTheSameIdempotencyKey() throws Exception {
        UUID team = teamOf("+14155550401", "+14155550402");
        String body = """
                {"teamId":"%s","message":"Maintenance tonight 22:00-23:00 UTC"}""".formatted(team);

        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/sms/send").with(admin()).header("Idempotency-Key", "maint-1")
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.recipients").value(2))
                    .andExpect(jsonPath("$.segments").value(1))
                    .andExpect(jsonPath("$.deliveryLog").value(containsString("/api/notifications?eventId=")));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo("+14155550401").size() == 1 && sentTo("+14155550402").size() == 1);
        assertThat(sentTo("+14155550401").getFirst().body()).isEqualTo("Maintenance tonight 22:00-23:00 UTC");
        mvc.perform(get("/api/notifications").with(admin()).param("userId", "user-" + team + "-0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].kind").value("MANUAL"))
                .andExpect(jsonPath("$.items[0].requestedBy").value("admin-1"))
                .andExpect(jsonPath("$.items[0].phoneNumber").value("+1******0401"));
        assertThat(requestsFor("+14155550401")).hasSize(1);
    }

    @Test
    void anAdminTextsChosenUsersAndOnlyThoseWithAnOptedInNumberAreCounted() throws Exception {
        upstreams.userHas("ops-lead", "+14155550411");

        mvc.perform(post("/api/sms/send").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userIds":["ops-lead","no-phone-user"],"message":"Call me"}"""))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.recipients").value(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo("+14155550411").size() == 1);
    }

    @Test
    void onlyAdminsMaySendOrReadTheLog() throws Exception {
        mvc.perform(post("/api/sms/send").with(user("member-1")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"teamId":"%s","message":"hi"}""".formatted(UUID.randomUUID())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/notifications").with(user("member-1"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/notifications")).andExpect(status().isUnauthorized());
    }

    @Test
    void aMessageToAPhoneNumberOrToBothATeamAndUsersIsRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/sms/send").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"to":"+14155550499","message":"hi"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(post("/api/sms/send").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"teamId":"%s","userIds":["a"],"message":"hi"}""".formatted(UUID.randomUUID())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userIds"));
        mvc.perform(post("/api/sms/send").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"teamId":"%s","message":"%s"}""".formatted(UUID.randomUUID(), "x".repeat(1601))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("message"));
        mvc.perform(get("/api/notifications").with(admin()).param("status", "LOST"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/notifications").with(admin()).param("size", "5000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void oneAdminIsRateLimitedWithRetryAfterAndOthersAreNot() throws Exception {
        UUID team = teamOf("+14155550421");
        String body = """
                {"teamId":"%s","message":"ping"}""".formatted(team);
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/sms/send").with(admin("admin-busy")).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isAccepted());
        }
        mvc.perform(post("/api/sms/send").with(admin("admin-busy")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isTooManyRequests())
                .andExpect(result -> assertThat(result.getResponse().getHeader("Retry-After")).isNotBlank());
        mvc.perform(post("/api/sms/send").with(admin("admin-calm")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo("+14155550421").size() == 4);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherMessageIsRefusedAndSendsNothing() throws Exception {
        UUID team = teamOf("+14155550441");
        mvc.perform(post("/api/sms/send").with(admin("admin-keys")).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"teamId":"%s","message":"Deploy at 10"}""".formatted(team)))
                .andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo("+14155550441").size() == 1);

        mvc.perform(post("/api/sms/send").with(admin("admin-keys")).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"teamId":"%s","message":"Deploy at 11"}""".formatted(team)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        mvc.perform(post("/api/sms/send").with(admin("admin-keys")).header("Idempotency-Key", " ")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"teamId":"%s","message":"Deploy at 11"}""".formatted(team)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> requestsFor("+14155550441").size() == 1);
    }

    @Test
    void theLimitPerAdminIsSharedByEveryReplicaAndRetryAfterIsTheRealWait() {
        var limits = new dev.ticketsms.notification.delivery.web.ManualSendLimitsProbe(dataSource);
        // three per hour come back one every 20 minutes; two replicas share the bucket in PostgreSQL
        limits.replica(0).accept("admin-shared");
        limits.replica(1).accept("admin-shared");
        limits.replica(0).accept("admin-shared");

        long retryAfter = limits.replica(1).refusedWithRetryAfter("admin-shared");

        assertThat(retryAfter).isBetween(Duration.ofMinutes(19).toSeconds(), Duration.ofMinutes(20).toSeconds());
    }

    @Test
    void aLogQueryOutsideTheYearsTheDatabaseHoldsIsRefusedNamingTheField() throws Exception {
        mvc.perform(get("/api/notifications").with(admin()).param("from", "+999999999-12-31T23:59:59Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/notifications").with(admin()).param("to", "-5000-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void theLogFiltersByTicketAndStatus() throws Exception {
        UUID team = teamOf("+14155550431", "+14155550432");
        upstreams.twilioAnswers("+14155550432", FakeUpstreams.twilioError(400, 21211));
        var event = publish(ticketCreated(team));
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(event).equals(List.of("SENT", "FAILED")));

        mvc.perform(get("/api/notifications").with(admin()).param("ticketId", event.ticketId().toString())
                        .param("status", "FAILED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].errorCode").value(21211))
                .andExpect(jsonPath("$.hasMore").value(false));
    }

    private static RequestPostProcessor admin() {
        return admin("admin-1");
    }

    private static RequestPostProcessor admin(String id) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(jwt -> jwt.subject(id).claim("roles", List.of("admin")))
                .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_admin"));
    }

    private static RequestPostProcessor user(String id) {
        return SecurityMockMvcRequestPostProcessors.jwt().jwt(jwt -> jwt.subject(id));
    }
}
