package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.Topics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The one-time code for a new number goes out through the ledger, once, and only while it is valid. */
class PhoneVerificationCodeIntegrationTest extends DeliveryIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void theCodeIsTextedToTheNewNumberOnceAndTheLedgerForgetsIt() {
        UUID eventId = UUID.randomUUID();
        String request = verification(eventId, "+14155550951", "482913", Instant.now().plus(Duration.ofMinutes(10)));

        send(Topics.PROFILE_EVENTS, "+14155550951", request);
        send(Topics.PROFILE_EVENTS, "+14155550951", request);

        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo("+14155550951").size() == 1);
        assertThat(sentTo("+14155550951").getFirst().body())
                .isEqualTo("Your ticket-sms verification code is 482913. It expires in 10 minutes. If you did not add this number, ignore this message.");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(row(eventId))
                .containsEntry("kind", "PHONE_VERIFICATION").containsEntry("status", "SENT").containsEntry("body", null));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> requestsFor("+14155550951").size() == 1);
    }

    @Test
    void anExpiredCodeAndOtherProfileEventsSendNothing() {
        send(Topics.PROFILE_EVENTS, "+14155550952",
                verification(UUID.randomUUID(), "+14155550952", "111111", Instant.now().minus(Duration.ofMinutes(1))));
        send(Topics.PROFILE_EVENTS, UUID.randomUUID().toString(), """
                {"type":"TeamMemberAdded","eventId":"%s","occurredAt":"%s","teamId":"%s","userId":"u1"}"""
                .formatted(UUID.randomUUID(), Instant.now(), UUID.randomUUID()));
        UUID later = UUID.randomUUID();
        send(Topics.PROFILE_EVENTS, "+14155550953",
                verification(later, "+14155550953", "222222", Instant.now().plus(Duration.ofMinutes(10))));

        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo("+14155550953").size() == 1);
        assertThat(requestsFor("+14155550952")).isEmpty();
    }

    /**
     * Prometheus keeps one set of tag keys per meter name and drops every later meter with other keys: the
     * profile-events listeners' timers must be the observation's, like the ticket-events listener's.
     */
    @Test
    void everyListenerTimesItsRecordsWithTheSameTagsSoPrometheusKeepsThemAll() {
        send(Topics.PROFILE_EVENTS, "+14155550954",
                verification(UUID.randomUUID(), "+14155550954", "333333", Instant.now().plus(Duration.ofMinutes(10))));
        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo("+14155550954").size() == 1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(meters.find("spring.kafka.listener").meters())
                .extracting(meter -> meter.getId().getTag("spring.kafka.listener.id"))
                .anyMatch(id -> id != null && id.startsWith("phone-verification")));
        var tagKeys = meters.find("spring.kafka.listener").meters().stream()
                .map(Meter::getId)
                .map(id -> id.getTags().stream().map(tag -> tag.getKey()).collect(Collectors.toSet()))
                .collect(Collectors.toSet());
        assertThat(tagKeys).hasSize(1);
    }

    private Map<String, Object> row(UUID eventId) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM deliveries WHERE event_id = ?").param(eventId).query().listOfRows();
        return rows.isEmpty() ? Map.of() : rows.getFirst();
    }

    private static String verification(UUID eventId, String phone, String code, Instant expiresAt) {
        return """
                {"type":"PhoneVerificationRequested","eventId":"%s","occurredAt":"%s","userId":"verifier","phoneNumber":"%s",
                 "code":"%s","expiresAt":"%s"}""".formatted(eventId, expiresAt.minus(Duration.ofMinutes(10)), phone, code, expiresAt);
    }
}
