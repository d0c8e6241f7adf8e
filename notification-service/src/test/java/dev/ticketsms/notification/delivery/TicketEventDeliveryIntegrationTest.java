package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.events.TicketStatusChanged;
import dev.ticketsms.events.Topics;
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
        UUID team = teamOf("+15005550001", "+15005550009", "+14155550121");
        upstreams.twilioAnswers("+15005550001", twilioError(400, 21211));
        upstreams.twilioAnswers("+15005550009", twilioError(400, 21614));

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(WAIT).untilAsserted(() -> assertThat(ledger(event))
                .extracting(row -> row.get("phone_number"), row -> row.get("status"), row -> row.get("error_code"))
                .containsExactly(
                        tuple("+14155550121", "SENT", null),
                        tuple("+15005550001", "FAILED", 21211),
                        tuple("+15005550009", "FAILED", 21614)));
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
    void aServerErrorAfterTheRequestWasSentIsNeverSentAgain() {
        UUID team = teamOf("+14155550201", "+14155550202");
        upstreams.twilioAnswers("+14155550201", twilioError(500, 20500));

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("SENDING", "SENT"));
        publish(event);
        TicketStatusChanged next = publish(statusChanged(event, 1, TicketStatus.OPEN, TicketStatus.CLOSED));
        await().atMost(WAIT).until(() -> statuses(next).equals(List.of("SENT", "SENT")));
        assertThat(requestsFor("+14155550201")).extracting(FakeUpstreams.SentSms::status).containsExactly(500, 201);
        assertThat((String) ledger(event).getFirst().get("error_message")).startsWith("outcome unknown");
    }

    @Test
    void aProcessThatDiedMidBatchResumesWithoutTextingAnyoneTwice() {
        UUID team = teamOf("+14155550211", "+14155550212", "+14155550213", "+14155550214");
        TicketCreated event = ticketCreated(team);
        // what a crash leaves: one member texted, one call in flight when the process died, two not yet started
        var before = new OutgoingSms(event.eventId(), DeliveryKind.TICKET_CREATED, event.ticketId(), team,
                event.occurredAt(), null, null);
        for (int i = 0; i < 4; i++) {
            deliveryLedger.claim(before, new dev.ticketsms.notification.recipients.Recipient(
                    "user-%s-%d".formatted(team, i), "+1415555021" + (i + 1), "Member " + i));
        }
        jdbc.sql("UPDATE deliveries SET status = 'SENT', twilio_sid = 'SMcrashed' WHERE event_id = ? AND phone_number = '+14155550211'")
                .param(event.eventId()).update();
        jdbc.sql("UPDATE deliveries SET status = 'SENDING' WHERE event_id = ? AND phone_number = '+14155550212'")
                .param(event.eventId()).update();

        publish(event);

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("SENT", "SENDING", "SENT", "SENT"));
        assertThat(requestsFor("+14155550211")).isEmpty();
        assertThat(requestsFor("+14155550212")).isEmpty();
        assertThat(sentTo("+14155550213")).hasSize(1);
        assertThat(sentTo("+14155550214")).hasSize(1);

        // the watchdog settles the in-flight row once its time is up, without sending it
        jdbc.sql("UPDATE deliveries SET updated_at = ? WHERE event_id = ? AND phone_number = '+14155550212'")
                .param(Timestamp.from(Instant.now().minus(Duration.ofHours(1)))).param(event.eventId()).update();
        assertThat(deliveryLedger.giveUpSendingOlderThan(Duration.ofMinutes(15))).isEqualTo(1);
        assertThat(statuses(event)).containsExactly("SENT", "FAILED", "SENT", "SENT");
        assertThat(requestsFor("+14155550212")).isEmpty();

        // Twilio had taken it after all: its late callback (naming the row) settles the given-up row
        long inFlight = jdbc.sql("SELECT id FROM deliveries WHERE event_id = ? AND phone_number = '+14155550212'")
                .param(event.eventId()).query(Long.class).single();
        assertThat(deliveryLedger.advance(inFlight, DeliveryStatus.DELIVERED,
                new StatusCallback(inFlight, "SMlate", "delivered", null))).isTrue();
        assertThat(statuses(event)).containsExactly("SENT", "DELIVERED", "SENT", "SENT");
        assertThat(ledger(event).get(1).get("twilio_sid")).isEqualTo("SMlate");
    }

    @Test
    void rowsLeftPendingByAConsumerThatLostItsPartitionAreSentOnceByTheSweeper() {
        UUID team = teamOf("+14155550231", "+14155550232");
        TicketCreated event = ticketCreated(team);
        // what a consumer leaves when it released rows after another consumer had marked the event handled
        var sms = new OutgoingSms(event.eventId(), DeliveryKind.TICKET_CREATED, event.ticketId(), team,
                event.occurredAt(), null, templates.ticketCreated(event));
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
    }

    @Test
    void anEventWithoutTeamGoesToTheDeadLetterTopicAtOnceWithTheReason() {
        UUID team = teamOf("+14155550221");
        TicketCreated next = ticketCreated(team);
        String withoutTeam = """
                {"type":"TicketCreated","eventId":"%s","occurredAt":"2026-11-25T10:00:00Z","ticketId":"%s",
                 "ticketVersion":0,"title":"x","severity":"LOW","category":"c","createdBy":"u","createdByName":"U"}"""
                .formatted(UUID.randomUUID(), next.ticketId());
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
