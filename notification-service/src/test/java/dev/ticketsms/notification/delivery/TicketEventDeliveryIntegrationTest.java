package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.events.TicketStatusChanged;
import dev.ticketsms.events.Topics;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.ticketsms.notification.delivery.FakeUpstreams.twilioError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

class TicketEventDeliveryIntegrationTest extends DeliveryIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MeterRegistry meters;

    @Autowired
    DeliveryLedger deliveryLedger;

    @Autowired
    PendingDeliveries pendingDeliveries;

    @Autowired
    dev.ticketsms.notification.templates.MessageTemplates templates;

    @Autowired
    UnknownOutcomes unknownOutcomes;

    private void backdate(TicketEvent event, Duration by) {
        jdbc.sql("UPDATE deliveries SET updated_at = updated_at - ?::interval, attempted_at = attempted_at - ?::interval WHERE event_id = ?")
                .param(by.toSeconds() + " seconds").param(by.toSeconds() + " seconds").param(event.eventId()).update();
    }

    @Test
    void everyRecipientGetsOneSmsAndASentLedgerRowWithTwilioSid() {
        UUID team = teamOf("+14155550101", "+14155550102");

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("SENT", "SENT"));
        assertThat(sentTo("+14155550101")).hasSize(1).first().satisfies(sms -> {
            assertThat(sms.from()).isEqualTo("+15005550006");
            assertThat(sms.body()).startsWith("New Support Ticket Created\nTitle: Broken login")
                    .endsWith("View ticket: https://support.example.com/t/" + event.ticketId());
            assertThat(sms.statusCallback()).startsWith("https://notify.example.com/webhooks/twilio/status?delivery=");
        });
        assertThat(sentTo("+14155550102")).hasSize(1);
        assertThat(ledger(event)).allSatisfy(row -> {
            assertThat((String) row.get("twilio_sid")).startsWith("SM");
            assertThat(row.get("kind")).isEqualTo("TICKET_CREATED");
            assertThat(row.get("segments")).isEqualTo(1);
            assertThat(row.get("sent_at")).isNotNull();
        });
        assertThat(meters.get("notifications.sms.attempts").tags("outcome", "sent").counter().count()).isPositive();
        assertThat(meters.get("notifications.event.to.send").timer().count()).isPositive();
    }

    @Test
    void aStatusChangeSendsTicketStatusUpdatedWithOldAndNewStatus() {
        UUID team = teamOf("+14155550171");
        TicketCreated created = publish(ticketCreated(team));
        await().atMost(WAIT).until(() -> sentTo("+14155550171").size() == 1);

        TicketStatusChanged resolved = publish(statusChanged(created, 1, TicketStatus.OPEN, TicketStatus.RESOLVED));

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(resolved)).containsExactly("SENT"));
        assertThat(sentTo("+14155550171")).hasSize(2).last().extracting(FakeUpstreams.SentSms::body)
                .isEqualTo("""
                        Ticket Status Updated
                        Ticket: Broken login
                        Status: Open -> Resolved
                        Severity: High

                        View ticket: https://support.example.com/t/%s""".formatted(created.ticketId()));
        assertThat(ledger(resolved).getFirst().get("kind")).isEqualTo("TICKET_STATUS_CHANGED");
    }

    @Test
    void whileTwilioTakesItsTimeTheConsumerMovesOnAndTheTicketsNextSmsWaitsForTheFirst() throws Exception {
        String phone = "+14155550176";
        UUID team = teamOf(phone);
        var release = upstreams.holdNextAnswerTo(phone);
        TicketCreated created = publish(ticketCreated(team));
        TicketStatusChanged resolved;
        try {
            await().atMost(WAIT).until(() -> statuses(created).equals(List.of("SENDING")));
            resolved = publish(statusChanged(created, 1, TicketStatus.OPEN, TicketStatus.RESOLVED));

            // both events are handled, the second one claimed, while the first SMS is still on the wire
            await().atMost(WAIT).until(() -> handled(created) && handled(resolved) && statuses(resolved).equals(List.of("PENDING")));
            assertThat(statuses(created)).containsExactly("SENDING");
        } finally {
            release.countDown();
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(resolved)).containsExactly("SENT"));
        assertThat(sentTo(phone)).extracting(sms -> sms.body().lines().findFirst().orElseThrow())
                .containsExactly("New Support Ticket Created", "Ticket Status Updated");
    }

    private boolean handled(TicketEvent event) {
        return jdbc.sql("SELECT count(*) FROM handled_events WHERE event_id = ?").param(event.eventId())
                .query(Integer.class).single() == 1;
    }

    @Test
    void aStatusChangeOlderThanOneAlreadyAnnouncedIsNotSent() {
        UUID team = teamOf("+14155550181");
        TicketCreated created = publish(ticketCreated(team));
        TicketStatusChanged inProgress = statusChanged(created, 1, TicketStatus.OPEN, TicketStatus.IN_PROGRESS);
        TicketStatusChanged resolved = publish(statusChanged(created, 2, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED));
        await().atMost(WAIT).until(() -> statuses(resolved).equals(List.of("SENT")));

        publish(inProgress);
        // same ticket, same partition: once this one is handled, the stale one before it has been too
        TicketStatusChanged closed = publish(statusChanged(created, 3, TicketStatus.RESOLVED, TicketStatus.CLOSED));

        await().atMost(WAIT).until(() -> statuses(closed).equals(List.of("SENT")));
        assertThat(ledger(inProgress)).isEmpty();
        assertThat(sentTo("+14155550181")).extracting(FakeUpstreams.SentSms::body)
                .noneMatch(body -> body.contains("-> In Progress")).hasSize(3);
    }

    @Test
    void theSameEventDeliveredTwiceSendsNoSecondSms() {
        UUID team = teamOf("+14155550111");
        TicketCreated event = publish(ticketCreated(team));
        await().atMost(WAIT).until(() -> sentTo("+14155550111").size() == 1);

        publish(event);
        TicketStatusChanged later = publish(statusChanged(event, 1, TicketStatus.OPEN, TicketStatus.IN_PROGRESS));

        await().atMost(WAIT).until(() -> statuses(later).equals(List.of("SENT")));
        assertThat(ledger(event)).hasSize(1);
        assertThat(requestsFor("+14155550111")).hasSize(2);
    }

    @Test
    void permanentTwilioErrorsFailOnlyThoseRecipientsWithTheCodeAndTheOthersGetTheirSms() {
        UUID team = teamOf("+15005550001", "+15005550009", "+14155550121", "+4915112345678");
        upstreams.twilioAnswers("+15005550001", twilioError(400, 21211));
        upstreams.twilioAnswers("+15005550009", twilioError(400, 21614));
        // "this From cannot send to this destination": that recipient's problem, nobody else waits for it
        upstreams.twilioAnswers("+4915112345678", twilioError(400, 21606));

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(WAIT).untilAsserted(() -> assertThat(ledger(event))
                .extracting(row -> row.get("phone_number"), row -> row.get("status"), row -> row.get("error_code"))
                .containsExactly(
                        tuple("+14155550121", "SENT", null),
                        tuple("+15005550001", "FAILED", 21211),
                        tuple("+15005550009", "FAILED", 21614),
                        tuple("+4915112345678", "FAILED", 21606)));
        assertThat(requestsFor("+4915112345678")).hasSize(1);
        assertThat(circuitBreakers.circuitBreaker("twilio").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(requestsFor("+15005550001")).hasSize(1);
        assertThat(requestsFor("+15005550009")).hasSize(1);
        assertThat(sentTo("+14155550121")).hasSize(1);
    }

    @Test
    void twilioAnswers503Then201ExactlyOneSmsAndOneSentRow() {
        UUID team = teamOf("+14155550191");
        upstreams.twilioAnswers("+14155550191", twilioError(503, 20503));

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("SENT"));
        assertThat(requestsFor("+14155550191")).extracting(FakeUpstreams.SentSms::status).containsExactly(503, 201);
        assertThat(sentTo("+14155550191")).hasSize(1);
    }

    @Test
    void twilioRateLimitingThenAcceptingSendsExactlyOneSms() {
        UUID team = teamOf("+14155550131");
        upstreams.twilioAnswers("+14155550131", twilioError(429, 20429), twilioError(429, 20429));

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("SENT"));
        assertThat(requestsFor("+14155550131")).extracting(FakeUpstreams.SentSms::status).containsExactly(429, 429, 201);
    }

    @Test
    void twilioAnswers500ButKeptTheMessageItIsSettledFromTwiliosListAndNeverSentTwice() {
        UUID team = teamOf("+14155550201", "+14155550202");
        upstreams.twilioAnswers("+14155550201", FakeUpstreams.keptButAnswered(500, 20500));

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("UNKNOWN", "SENT"));
        publish(event);
        TicketStatusChanged next = publish(statusChanged(event, 1, TicketStatus.OPEN, TicketStatus.CLOSED));
        await().atMost(WAIT).until(() -> statuses(next).equals(List.of("SENT", "SENT")));
        assertThat((String) ledger(event).getFirst().get("error_message")).startsWith("outcome unknown");

        backdate(event, Duration.ofMinutes(10));
        unknownOutcomes.reconcile();

        assertThat(ledger(event).getFirst())
                .containsEntry("status", "SENT")
                .containsEntry("twilio_sid", upstreams.heldFor("+14155550201").getFirst().sid());
        assertThat(requestsFor("+14155550201")).extracting(FakeUpstreams.SentSms::status).containsExactly(500, 201);
        assertThat(upstreams.heldFor("+14155550201")).hasSize(2);
    }

    @Test
    void twilioAnswers500AndDidNotKeepTheMessageItIsSentAgainExactlyOnce() {
        UUID team = teamOf("+14155550203");
        upstreams.twilioAnswers("+14155550203", twilioError(500, 20500));
        TicketCreated event = publish(ticketCreated(team));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("UNKNOWN"));

        backdate(event, Duration.ofMinutes(10));
        unknownOutcomes.reconcile();
        assertThat(statuses(event)).containsExactly("PENDING");
        backdate(event, Duration.ofMinutes(10));
        pendingDeliveries.sendLeftOvers();
        pendingDeliveries.sendLeftOvers();
        unknownOutcomes.reconcile();

        assertThat(statuses(event)).containsExactly("SENT");
        assertThat(requestsFor("+14155550203")).extracting(FakeUpstreams.SentSms::status).containsExactly(500, 201);
        assertThat(ledger(event).getFirst()).containsEntry("attempts", 2);
    }

    @Test
    void aRowWhoseAttemptsAreUsedUpIsFailedWithTheReasonNotSentAgain() {
        UUID team = teamOf("+14155550204");
        upstreams.twilioAnswers("+14155550204", twilioError(502, 20500));
        TicketCreated event = publish(ticketCreated(team));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("UNKNOWN"));
        jdbc.sql("UPDATE deliveries SET attempts = 5 WHERE event_id = ?").param(event.eventId()).update();

        backdate(event, Duration.ofMinutes(10));
        unknownOutcomes.reconcile();

        assertThat(ledger(event).getFirst()).containsEntry("status", "FAILED");
        assertThat((String) ledger(event).getFirst().get("error_message")).contains("gave up after 5 attempts");
        assertThat(requestsFor("+14155550204")).hasSize(1);
    }

    @Test
    void afterACrashOnlyWhatTwilioNeverGotIsSentAndWhatItHasIsSettled() {
        UUID team = teamOf("+14155550211", "+14155550212", "+14155550213", "+14155550214");
        TicketCreated event = ticketCreated(team);
        // what a crash leaves: one member texted, two requests on the wire when the process died (Twilio got one of
        // them), one not yet started
        var before = OutgoingSms.about(event, DeliveryKind.TICKET_CREATED, templates.ticketCreated(event));
        for (int i = 0; i < 4; i++) {
            deliveryLedger.claim(before, new dev.ticketsms.notification.recipients.Recipient(
                    "user-%s-%d".formatted(team, i), "+1415555021" + (i + 1), "Member " + i));
        }
        jdbc.sql("UPDATE deliveries SET status = 'SENT', twilio_sid = 'SMcrashed' WHERE event_id = ? AND phone_number = '+14155550211'")
                .param(event.eventId()).update();
        jdbc.sql("UPDATE deliveries SET status = 'SENDING', attempts = 1, attempted_at = now() WHERE event_id = ? AND phone_number IN ('+14155550212', '+14155550213')")
                .param(event.eventId()).update();
        upstreams.twilioHolds("+14155550213", "+15005550006", before.body().text(), Instant.now());

        publish(event);

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("SENT", "SENDING", "SENDING", "SENT"));
        assertThat(requestsFor("+14155550211")).isEmpty();
        assertThat(requestsFor("+14155550212")).isEmpty();
        assertThat(requestsFor("+14155550213")).isEmpty();
        assertThat(sentTo("+14155550214")).hasSize(1);

        // once no live request can still be waiting for an answer, Twilio's list tells the two apart
        backdate(event, Duration.ofMinutes(10));
        unknownOutcomes.reconcile();
        assertThat(statuses(event)).containsExactly("SENT", "PENDING", "SENT", "SENT");
        assertThat(ledger(event).get(2).get("twilio_sid")).isEqualTo(upstreams.heldFor("+14155550213").getFirst().sid());

        backdate(event, Duration.ofMinutes(10));
        pendingDeliveries.sendLeftOvers();
        assertThat(statuses(event)).containsExactly("SENT", "SENT", "SENT", "SENT");
        assertThat(requestsFor("+14155550212")).hasSize(1);
        assertThat(requestsFor("+14155550213")).isEmpty();
    }

    @Test
    void aPendingRowIsReCheckedBeforeItIsSent() {
        UUID team = teamOf("+14155550251", "+14155550252", "+14155550253");
        TicketCreated event = ticketCreated(team);
        var sms = OutgoingSms.about(event, DeliveryKind.TICKET_CREATED, templates.ticketCreated(event));
        for (int i = 0; i < 3; i++) {
            deliveryLedger.claim(sms, new dev.ticketsms.notification.recipients.Recipient(
                    "user-%s-%d".formatted(team, i), "+1415555025" + (i + 1), "Member " + i));
        }
        // since then: member 1 changed their number, member 2 opted out on the web
        upstreams.teamHas(team.toString(), """
                [{"userId":"user-%1$s-0","phoneNumber":"+14155550251","displayName":"Member 0"},
                 {"userId":"user-%1$s-1","phoneNumber":"+14155550299","displayName":"Member 1"}]""".formatted(team));
        backdate(event, Duration.ofMinutes(10));

        pendingDeliveries.sendLeftOvers();

        assertThat(ledger(event)).extracting(row -> row.get("phone_number"), row -> row.get("status"))
                .containsExactly(tuple("+14155550251", "SENT"), tuple("+14155550252", "SKIPPED"), tuple("+14155550253", "SKIPPED"));
        assertThat(requestsFor("+14155550252")).isEmpty();
        assertThat(requestsFor("+14155550299")).isEmpty();
        assertThat(requestsFor("+14155550253")).isEmpty();
        assertThat(upstreams.recipientQueries().getLast())
                .containsEntry("severity", "HIGH").containsEntry("category", "Auth").containsEntry("eventType", "TICKET_CREATED");
    }

    @Test
    void categoriesWithBracesOrPlusSignsReachProfileServiceAsTheyAre() {
        UUID team = teamOf("+14155550261");
        TicketCreated braces = new TicketCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), team, 0,
                "Deploy failed", Severity.HIGH, "Ops {prod}", "user-1", "Jane Roe");
        TicketCreated plus = new TicketCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), team, 0,
                "Build broken", Severity.HIGH, "C++ & Rust", "user-1", "Jane Roe");

        publish(braces);
        publish(plus);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(statuses(braces)).containsExactly("SENT");
            assertThat(statuses(plus)).containsExactly("SENT");
        });
        assertThat(upstreams.recipientQueries()).extracting(query -> query.get("category"))
                .contains("Ops {prod}", "C++ & Rust");
    }

    @Test
    void a404ThatDoesNotSayTheTeamIsUnknownIsRetriedNotTakenAsNobodyToText() {
        UUID team = teamOf("+14155550271");
        upstreams.recipientLookupAnswersFirst(new FakeUpstreams.Reply(404, "<html>Not Found</html>"));

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("SENT"));
    }

    @Test
    void rowsLeftPendingByAConsumerThatLostItsPartitionAreSentOnceByTheSweeper() {
        UUID team = teamOf("+14155550231", "+14155550232");
        TicketCreated event = ticketCreated(team);
        // what a consumer leaves when it released rows after another consumer had marked the event handled
        var sms = OutgoingSms.about(event, DeliveryKind.TICKET_CREATED, templates.ticketCreated(event));
        for (int i = 0; i < 2; i++) {
            deliveryLedger.claim(sms, new dev.ticketsms.notification.recipients.Recipient(
                    "user-%s-%d".formatted(team, i), "+1415555023" + (i + 1), "Member " + i));
        }
        jdbc.sql("UPDATE deliveries SET updated_at = ? WHERE event_id = ?")
                .param(Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)))).param(event.eventId()).update();

        pendingDeliveries.sendLeftOvers();
        pendingDeliveries.sendLeftOvers();

        assertThat(statuses(event)).containsExactly("SENT", "SENT");
        assertThat(requestsFor("+14155550231")).hasSize(1).first()
                .satisfies(request -> assertThat(request.body()).startsWith("New Support Ticket Created"));
        assertThat(requestsFor("+14155550232")).hasSize(1);
    }

    @Test
    void aMemberWhoIsNoLongerARecipientWhenTheEventIsRetriedIsSkippedNotSentLater() {
        UUID team = teamOf("+14155550241", "+14155550242");
        upstreams.twilioAnswers("+14155550242", twilioError(429, 20429), twilioError(429, 20429),
                twilioError(429, 20429), twilioError(429, 20429));
        TicketCreated event = publish(ticketCreated(team));
        await().atMost(WAIT).until(() -> requestsFor("+14155550242").size() >= 4);
        // the member opts out before the retry: profile-service no longer lists them
        upstreams.teamHas(team.toString(), """
                [{"userId":"user-%s-0","phoneNumber":"+14155550241","displayName":"Member 0"}]""".formatted(team));

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("SENT", "SKIPPED"));
        jdbc.sql("UPDATE deliveries SET updated_at = ? WHERE event_id = ?")
                .param(Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)))).param(event.eventId()).update();
        pendingDeliveries.sendLeftOvers();
        assertThat(sentTo("+14155550242")).isEmpty();
    }

    @Test
    void anUnreachableProfileServiceDelaysTheSmsButDoesNotDropIt() {
        UUID team = teamOf("+14155550141");
        upstreams.recipientLookupFailsFirst(2);

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("SENT"));
        assertThat(sentTo("+14155550141")).hasSize(1);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndThePartitionKeepsFlowing() {
        UUID team = teamOf("+14155550151");
        TicketCreated next = ticketCreated(team);
        double unreadableBefore = deadLetters("unreadable");
        send(next.ticketId().toString(), "{\"type\":\"TicketCreated\",\"eventId\":");
        publish(next);

        await().atMost(WAIT).until(() -> sentTo("+14155550151").size() == 1);
        try (var consumer = deadLetterConsumer()) {
            var dead = KafkaTestUtils.getSingleRecord(consumer, Topics.TICKET_EVENTS_DLT, Duration.ofSeconds(20));
            assertThat(dead.key()).isEqualTo(next.ticketId().toString());
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"TicketCreated\",\"eventId\":");
            assertThat(dead.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
            assertThat(dead.headers().lastHeader("kafka_dlt-original-topic").value()).asString().isEqualTo(Topics.TICKET_EVENTS);
        }
        assertThat(deadLetters("unreadable")).isEqualTo(unreadableBefore + 1);
    }

    private double deadLetters(String reason) {
        var counter = meters.find("notifications.dead.letters").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anEventWithoutTeamGoesToTheDeadLetterTopicAtOnceWithTheReason() {
        UUID team = teamOf("+14155550221");
        TicketCreated next = ticketCreated(team);
        String withoutTeam = """
                {"type":"TicketCreated","eventId":"%s","occurredAt":"2026-11-25T10:00:00Z","ticketId":"%s",
                 "ticketVersion":0,"title":"x","severity":"LOW","category":"c","createdBy":"u","createdByName":"U"}"""
                .formatted(UUID.randomUUID(), next.ticketId());
        double invalidBefore = deadLetters("invalid");
        send(next.ticketId().toString(), withoutTeam);
        publish(next);

        await().atMost(WAIT).until(() -> sentTo("+14155550221").size() == 1);
        try (var consumer = deadLetterConsumer()) {
            var records = KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(10));
            assertThat(records.records(Topics.TICKET_EVENTS_DLT))
                    .filteredOn(dead -> next.ticketId().toString().equals(dead.key()))
                    .singleElement()
                    .satisfies(dead -> assertThat(dead.headers().lastHeader("kafka_dlt-exception-message").value())
                            .asString().contains("teamId is missing"));
        }
        assertThat(deadLetters("invalid")).isEqualTo(invalidBefore + 1);
    }

    @Test
    void aTeamProfileServiceDoesNotKnowTextsNobodyAndDoesNotHoldUpTheNextTicket() {
        UUID unknownTeam = UUID.randomUUID();
        UUID team = teamOf("+14155550161");
        TicketCreated forUnknownTeam = publish(ticketCreated(unknownTeam));
        publish(new TicketCreated(UUID.randomUUID(), Instant.now(), forUnknownTeam.ticketId(), team, 1,
                "Broken login", forUnknownTeam.severity(), "Auth", "user-1", "Jane Roe"));

        await().atMost(WAIT).until(() -> sentTo("+14155550161").size() == 1);
        assertThat(ledger(forUnknownTeam)).isEmpty();
    }

    private Consumer<String, byte[]> deadLetterConsumer() {
        var props = KafkaTestUtils.consumerProps(kafka, "dlt-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer();
        consumer.subscribe(List.of(Topics.TICKET_EVENTS_DLT));
        return consumer;
    }
}
