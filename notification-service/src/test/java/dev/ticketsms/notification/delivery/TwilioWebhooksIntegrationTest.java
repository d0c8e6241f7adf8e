package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.CloudEventHeaders;
import dev.ticketsms.events.ProfileEvent;
import dev.ticketsms.events.SmsNumberUnusable;
import dev.ticketsms.events.SmsOptInReceived;
import dev.ticketsms.events.SmsOptOutReceived;
import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ticketsms.notification.delivery.FakeUpstreams.twilioError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Twilio's signed webhooks against the running service: status callbacks move the ledger forward only and once,
 * STOP / START / HELP replies suppress, lift and answer, repeated failures mark a number unusable; anything not
 * signed by our account for our public URL is refused and changes nothing.
 */
@AutoConfigureMockMvc
class TwilioWebhooksIntegrationTest extends DeliveryIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PUBLIC_BASE = "https://notify.example.com";
    private static final String ACCOUNT = "AC00000000000000000000000000000000";
    private static final String AUTH_TOKEN = "token";
    private static final JsonMapper WIRE = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    private Consumer<String, String> profileEvents;
    private final List<ConsumerRecord<String, String>> published = new ArrayList<>();

    @BeforeEach
    void readProfileEvents() {
        var props = KafkaTestUtils.consumerProps(kafka, "profile-events-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        profileEvents = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer())
                .createConsumer();
        profileEvents.subscribe(List.of(Topics.PROFILE_EVENTS));
    }

    @AfterEach
    void closeConsumer() {
        profileEvents.close();
    }

    // --- status callbacks

    @Test
    void aSignedDeliveredCallbackMarksTheRowDeliveredAndALateSentLeavesItThere() throws Exception {
        var row = sentTicketTo("+14155550601");

        statusCallback(row, "delivered", null).andExpect(status().isOk());
        statusCallback(row, "sent", null).andExpect(status().isOk());

        assertThat(ledgerRow(row.id())).containsEntry("status", "DELIVERED").containsEntry("twilio_status", "delivered");
        assertThat(outcomes("delivered", "none")).isGreaterThanOrEqualTo(1);
        assertThat(callbackOutcomes("stale")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRepeatedCallbackIsAppliedOnce() throws Exception {
        var row = sentTicketTo("+14155550602");
        double before = callbackOutcomes("confirmed");

        statusCallback(row, "undelivered", 30003).andExpect(status().isOk());
        statusCallback(row, "undelivered", 30003).andExpect(status().isOk());

        assertThat(ledgerRow(row.id())).containsEntry("status", "UNDELIVERED").containsEntry("error_code", 30003);
        assertThat(callbackOutcomes("confirmed")).isEqualTo(before + 1);
        assertThat(outcomes("undelivered", "30003")).isEqualTo(1);
    }

    @Test
    void theSentCallbackEverySmsGetsIsCountedAsConfirmedAndWritesNothing() throws Exception {
        var row = sentTicketTo("+14155550604");
        var before = ledgerRow(row.id());
        double confirmed = callbackOutcomes("confirmed");
        double stale = callbackOutcomes("stale");

        statusCallback(row, "sent", null).andExpect(status().isOk());

        assertThat(ledgerRow(row.id())).isEqualTo(before);
        assertThat(callbackOutcomes("confirmed")).isEqualTo(confirmed + 1);
        assertThat(callbackOutcomes("stale")).isEqualTo(stale);
        assertThat(jdbc.sql("SELECT count(*) FROM status_callbacks WHERE message_sid = ? AND status = 'sent'")
                .param(row.sid()).query(Integer.class).single()).isZero();
    }

    @Test
    void aFailedCallbackWithoutTheDeliveryParameterFindsTheRowByItsSid() throws Exception {
        var row = sentTicketTo("+14155550603");
        var form = callbackForm(row.sid(), "failed", 30007);

        signed(post("/webhooks/twilio/status"), "/webhooks/twilio/status", form).andExpect(status().isOk());

        assertThat(ledgerRow(row.id())).containsEntry("status", "FAILED").containsEntry("error_code", 30007);
        assertThat(outcomes("failed", "30007")).isEqualTo(1);
    }

    @Test
    void aCallbackNamingARowACrashLeftInSendingSettlesItAndRecordsTheSid() throws Exception {
        long id = jdbc.sql("""
                        INSERT INTO deliveries (event_id, kind, user_id, phone_number, status, attempts, event_occurred_at,
                                                created_at, updated_at)
                        VALUES (?, 'MANUAL', 'user-crash', '+14155550604', 'SENDING', 1, now(), now(), now()) RETURNING id""")
                .param(UUID.randomUUID()).query(Long.class).single();
        var row = new Row(id, "SM" + UUID.randomUUID().toString().replace("-", ""));

        statusCallback(row, "sent", null).andExpect(status().isOk());

        assertThat(ledgerRow(id)).containsEntry("status", "SENT").containsEntry("twilio_sid", row.sid());
    }

    @Test
    void aCallbackForAMessageWeDoNotKnowIsAnswered200AndCounted() throws Exception {
        double before = callbackOutcomes("unknown_message");

        signed(post("/webhooks/twilio/status"), "/webhooks/twilio/status", callbackForm("SMunknown", "delivered", null))
                .andExpect(status().isOk());
        signed(post("/webhooks/twilio/status?delivery=999999999"), "/webhooks/twilio/status?delivery=999999999",
                callbackForm("SMunknown2", "delivered", null))
                .andExpect(status().isOk());

        assertThat(callbackOutcomes("unknown_message")).isEqualTo(before + 2);
    }

    @Test
    void aCallbackWithoutStatusIsA400NamingTheField() throws Exception {
        var row = sentTicketTo("+14155550605");
        var form = new LinkedHashMap<>(callbackForm(row.sid(), "sent", null));
        form.remove("MessageStatus");

        signed(post("/webhooks/twilio/status?delivery=" + row.id()), "/webhooks/twilio/status?delivery=" + row.id(), form)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("MessageStatus"));
        assertThat(ledgerRow(row.id())).containsEntry("status", "SENT");
    }

    @Test
    void forgedUnsignedMisaddressedOrOtherAccountCallbacksAre403AndChangeNothing() throws Exception {
        var row = sentTicketTo("+14155550606");
        String path = "/webhooks/twilio/status?delivery=" + row.id();
        var form = callbackForm(row.sid(), "failed", 30008);

        // signed with another auth token
        send(post(path), form, signature("other-token", PUBLIC_BASE + path, form)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        // no signature at all
        send(post(path), form, null).andExpect(status().isForbidden());
        // a genuine signature, but for another URL (replayed from elsewhere, or the internal address behind the proxy)
        send(post(path), form, signature(AUTH_TOKEN, "http://localhost:8083" + path, form)).andExpect(status().isForbidden());
        // a genuine signature, but the body was changed after signing
        var tampered = new LinkedHashMap<>(form);
        send(post(path), tampered, signature(AUTH_TOKEN, PUBLIC_BASE + path, Map.of("AccountSid", ACCOUNT)))
                .andExpect(status().isForbidden());
        // correctly signed with our token, but for another account (replayed to us)
        var otherAccount = new LinkedHashMap<>(form);
        otherAccount.put("AccountSid", "AC11111111111111111111111111111111");
        send(post(path), otherAccount, signature(AUTH_TOKEN, PUBLIC_BASE + path, otherAccount)).andExpect(status().isForbidden());

        assertThat(ledgerRow(row.id())).containsEntry("status", "SENT").containsEntry("error_code", null);
        assertThat(meters.get("notifications.webhooks.refused").tags("endpoint", "status").counters())
                .extracting(counter -> counter.getId().getTag("reason"))
                .contains("bad_signature", "missing_signature", "other_account");
    }

    // --- inbound SMS

    @Test
    void stopSuppressesTheNumberAtOncePublishesTheOptOutAndTheNextTicketSkipsItStartLiftsIt() throws Exception {
        String phone = "+14155550611";
        UUID team = teamOf(phone);

        inbound(phone, " stop ", "SMstop" + UUID.randomUUID())
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(content().string(containsString("<Response/>")));

        assertThat(jdbc.sql("SELECT keyword FROM suppressed_numbers WHERE phone_number = ?").param(phone)
                .query(String.class).single()).isEqualTo("STOP");
        var optOut = awaitEvent(phone, SmsOptOutReceived.class);
        assertThat(optOut.event().keyword()).isEqualTo("STOP");
        assertThat(optOut.record().key()).isEqualTo(phone);
        assertThat(header(optOut.record(), CloudEventHeaders.TYPE)).isEqualTo("sms.opt-out-received.v1");

        TicketCreated whileStopped = publish(ticketCreated(team));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(whileStopped)).containsExactly("SKIPPED"));
        assertThat(requestsFor(phone)).isEmpty();

        inbound(phone, "START", "SMstart" + UUID.randomUUID()).andExpect(status().isOk());
        assertThat(awaitEvent(phone, SmsOptInReceived.class).event().keyword()).isEqualTo("START");

        TicketCreated afterStart = publish(ticketCreated(team));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(afterStart)).containsExactly("SENT"));
        assertThat(sentTo(phone)).hasSize(1);
    }

    @Test
    void everyOptOutSynonymSuppressesAndARepeatedWebhookPublishesOnce() throws Exception {
        List<String> words = List.of("STOPALL", "unsubscribe", "Cancel", "END", "quit", "REVOKE", "OPTOUT");
        for (int i = 0; i < words.size(); i++) {
            String phone = "+1415555062" + i;
            String sid = "SMsyn" + UUID.randomUUID();
            inbound(phone, words.get(i), sid).andExpect(status().isOk());
            inbound(phone, words.get(i), sid).andExpect(status().isOk());
            assertThat(suppressed(phone)).as(words.get(i)).isTrue();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM suppressed_numbers WHERE phone_number LIKE '+1415555062%'")
                .query(Integer.class).single()).isEqualTo(words.size());
        await().atMost(WAIT).untilAsserted(() -> {
            poll();
            assertThat(published.stream().filter(r -> r.key().startsWith("+1415555062"))).hasSize(words.size());
        });
    }

    @Test
    void helpIsAnsweredWithTwimlNamingTheProductAndHowToStop() throws Exception {
        inbound("+14155550631", "help", "SMhelp" + UUID.randomUUID())
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(content().string(containsString("<Response><Message>ticket-sms support notifications")))
                .andExpect(content().string(containsString("Reply STOP to unsubscribe")));
        inbound("+14155550631", "what is this?", "SMother" + UUID.randomUUID())
                .andExpect(content().string(containsString("<Response/>")));
        assertThat(suppressed("+14155550631")).isFalse();
    }

    @Test
    void aForgedStopIsRefusedAndTheNumberKeepsItsSms() throws Exception {
        String phone = "+14155550641";
        var form = inboundForm(phone, "STOP", "SMforged" + UUID.randomUUID());

        send(post("/webhooks/twilio/inbound"), form, signature("not-our-token", PUBLIC_BASE + "/webhooks/twilio/inbound", form))
                .andExpect(status().isForbidden());
        send(post("/webhooks/twilio/inbound"), form, null).andExpect(status().isForbidden());
        var otherAccount = new LinkedHashMap<>(form);
        otherAccount.put("AccountSid", "AC22222222222222222222222222222222");
        send(post("/webhooks/twilio/inbound"), otherAccount,
                signature(AUTH_TOKEN, PUBLIC_BASE + "/webhooks/twilio/inbound", otherAccount))
                .andExpect(status().isForbidden());

        assertThat(suppressed(phone)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_events WHERE message_key = ?").param(phone)
                .query(Integer.class).single()).isZero();
        TicketCreated ticket = publish(ticketCreated(teamOf(phone)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(ticket)).containsExactly("SENT"));
    }

    // --- number health

    @Test
    void twilioRefusingANumberWith21610MarksItUnusableAtOnceAndStopsSendingToIt() {
        String phone = "+14155550651";
        UUID team = teamOf(phone);
        upstreams.twilioAnswers(phone, twilioError(400, 21610));

        TicketCreated refused = publish(ticketCreated(team));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(refused)).containsExactly("FAILED"));

        var unusable = awaitEvent(phone, SmsNumberUnusable.class);
        assertThat(unusable.event().errorCode()).isEqualTo("21610");
        assertThat(header(unusable.record(), CloudEventHeaders.TYPE)).isEqualTo("sms.number-unusable.v1");

        TicketCreated next = publish(ticketCreated(team));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(next)).containsExactly("SKIPPED"));
        assertThat(requestsFor(phone)).hasSize(1);
    }

    @Test
    void threeCarrierFailuresMarkANumberUnusableButTwoDoNot() throws Exception {
        String phone = "+14155550652";
        var first = sentTicketTo(phone);
        var second = sentTicketTo(phone);
        statusCallback(first, "undelivered", 30005).andExpect(status().isOk());
        statusCallback(second, "failed", 30006).andExpect(status().isOk());
        assertThat(unusable(phone)).isFalse();

        var third = sentTicketTo(phone);
        statusCallback(third, "undelivered", 30005).andExpect(status().isOk());

        assertThat(unusable(phone)).isTrue();
        assertThat(awaitEvent(phone, SmsNumberUnusable.class).event().errorCode()).isEqualTo("30005");
    }

    @Test
    void startLiftsAnUnusableMark() throws Exception {
        String phone = "+14155550653";
        UUID team = teamOf(phone);
        upstreams.twilioAnswers(phone, twilioError(400, 21610));
        TicketCreated refused = publish(ticketCreated(team));
        await().atMost(WAIT).until(() -> unusable(phone));

        inbound(phone, "UNSTOP", "SMunstop" + UUID.randomUUID()).andExpect(status().isOk());

        assertThat(unusable(phone)).isFalse();
        TicketCreated next = publish(ticketCreated(team));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(next)).containsExactly("SENT"));
        assertThat(statuses(refused)).containsExactly("FAILED");
    }

    // --- helpers

    record Row(long id, String sid) {
    }

    record Published<E extends ProfileEvent>(E event, ConsumerRecord<String, String> record) {
    }

    private Row sentTicketTo(String phone) {
        TicketCreated event = publish(ticketCreated(teamOf(phone)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("SENT"));
        var row = ledger(event).getFirst();
        return new Row((Long) row.get("id"), (String) row.get("twilio_sid"));
    }

    private Map<String, Object> ledgerRow(long id) {
        return jdbc.sql("SELECT * FROM deliveries WHERE id = ?").param(id).query().singleRow();
    }

    private boolean suppressed(String phone) {
        return jdbc.sql("SELECT count(*) FROM suppressed_numbers WHERE phone_number = ?").param(phone)
                .query(Integer.class).single() > 0;
    }

    private boolean unusable(String phone) {
        return jdbc.sql("SELECT count(*) FROM number_health WHERE phone_number = ? AND blocked_until > now()").param(phone)
                .query(Integer.class).single() > 0;
    }

    private double outcomes(String status, String errorCode) {
        var counter = meters.find("notifications.sms.delivery.outcomes").tags("status", status, "error_code", errorCode).counter();
        return counter == null ? 0 : counter.count();
    }

    private double callbackOutcomes(String outcome) {
        var counter = meters.find("notifications.webhooks.status.callbacks").tags("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Map<String, String> callbackForm(String sid, String status, Integer errorCode) {
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", ACCOUNT);
        form.put("MessageSid", sid);
        form.put("SmsSid", sid);
        form.put("MessageStatus", status);
        form.put("From", "+15005550006");
        form.put("ApiVersion", "2010-04-01");
        if (errorCode != null) {
            form.put("ErrorCode", String.valueOf(errorCode));
        }
        return form;
    }

    private static Map<String, String> inboundForm(String from, String body, String sid) {
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", ACCOUNT);
        form.put("MessageSid", sid);
        form.put("From", from);
        form.put("To", "+15005550006");
        form.put("Body", body);
        form.put("NumMedia", "0");
        return form;
    }

    @Test
    void aMembersResolveIsAppliedAsThemOnceAndAnsweredWithTheNewStatus() throws Exception {
        String phone = "+14155550701";
        upstreams.phoneOwnedBy(phone, "user-701", "Rita Reply");
        upstreams.ticketServiceAnswers(701, new FakeUpstreams.Reply(200, """
                {"id":"%s","number":701,"status":"RESOLVED","version":2}""".formatted(UUID.randomUUID())));
        String sid = "SMresolve" + UUID.randomUUID();

        inbound(phone, "  resolve #701 ", sid)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(content().string(containsString("<Message>Ticket #701 is now Resolved.</Message>")));
        inbound(phone, "  resolve #701 ", sid).andExpect(status().isOk())
                .andExpect(content().string(containsString("<Response/>")));

        var commands = commandsFor(701);
        assertThat(commands).hasSize(1);
        var body = WIRE.readTree(commands.getFirst().body());
        assertThat(body.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(body.get("userId").asString()).isEqualTo("user-701");
        assertThat(body.get("userName").asString()).isEqualTo("Rita Reply");
        assertThat(suppressed(phone)).isFalse();
    }

    @Test
    void ackAndStartWithANumberAskForInProgressWhileStartAloneStaysTheOptIn() throws Exception {
        String phone = "+14155550702";
        upstreams.phoneOwnedBy(phone, "user-702", "Sam Start");
        upstreams.ticketServiceAnswers(702,
                new FakeUpstreams.Reply(200, "{\"number\":702,\"status\":\"IN_PROGRESS\"}"),
                new FakeUpstreams.Reply(200, "{\"number\":702,\"status\":\"IN_PROGRESS\"}"));

        inbound(phone, "ACK 702", "SMack" + UUID.randomUUID())
                .andExpect(content().string(containsString("Ticket #702 is now In Progress.")));
        inbound(phone, "start 702", "SMstart" + UUID.randomUUID())
                .andExpect(content().string(containsString("Ticket #702 is now In Progress.")));
        inbound(phone, "START", "SMoptin" + UUID.randomUUID()).andExpect(content().string(containsString("<Response/>")));

        assertThat(commandsFor(702)).extracting(command -> WIRE.readTree(command.body()).get("status").asString())
                .containsExactly("IN_PROGRESS", "IN_PROGRESS");
    }

    @Test
    void aStrangersNumberIsToldToVerifyAndTicketServiceIsNotAsked() throws Exception {
        inbound("+14155550703", "CLOSE 703", "SMstranger" + UUID.randomUUID())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This number is not verified for ticket-sms")));

        assertThat(commandsFor(703)).isEmpty();
    }

    @Test
    void noSuchTicketAndNotYourTeamsTicketGetOneNeutralAnswer() throws Exception {
        String phone = "+14155550704";
        upstreams.phoneOwnedBy(phone, "user-704", "Nia Neutral");

        inbound(phone, "RESOLVE 704", "SMneutral" + UUID.randomUUID())
                .andExpect(content().string(containsString("<Message>No ticket #704 found for your team.</Message>")));
    }

    @Test
    void aMoveTheWorkflowRefusesIsExplainedWithTheTicketsStatus() throws Exception {
        String phone = "+14155550705";
        upstreams.phoneOwnedBy(phone, "user-705", "Carl Closed");
        upstreams.ticketServiceAnswers(705, new FakeUpstreams.Reply(409, """
                {"title":"Status change not allowed","status":409,"currentStatus":"CLOSED","requestedStatus":"RESOLVED",
                 "allowedStatuses":[]}"""));

        inbound(phone, "resolve 705", "SMrefused" + UUID.randomUUID())
                .andExpect(content().string(containsString("Ticket #705 is Closed and cannot move to Resolved.")));
    }

    @Test
    void failingUpstreamsGetATryAgainAnswerNeverAnError() throws Exception {
        String phone = "+14155550706";
        upstreams.phoneOwnedBy(phone, "user-706", "Una Unlucky");
        upstreams.ticketServiceAnswers(706, new FakeUpstreams.Reply(503, "{\"title\":\"Service Unavailable\"}"));

        inbound(phone, "CLOSE 706", "SMdown" + UUID.randomUUID())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Could not update ticket #706 right now")));

        upstreams.profileServiceDown(true);
        try {
            inbound(phone, "CLOSE 706", "SMprofiledown" + UUID.randomUUID())
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Could not update ticket #706 right now")));
        } finally {
            upstreams.profileServiceDown(false);
        }
        assertThat(commandsFor(706)).hasSize(1);
    }

    @Test
    void somethingMeantAsACommandGetsTheCommandsHelpAndChatStillGetsNoReply() throws Exception {
        inbound("+14155550707", "FIX 707", "SMfix" + UUID.randomUUID())
                .andExpect(content().string(containsString("Reply ACK 1234 or START 1234 (in progress), RESOLVE 1234")));
        inbound("+14155550707", "resolve it", "SMresolveit" + UUID.randomUUID())
                .andExpect(content().string(containsString("Reply ACK 1234")));
        inbound("+14155550707", "on my way", "SMchat" + UUID.randomUUID())
                .andExpect(content().string(containsString("<Response/>")));
        assertThat(commandsFor(707)).isEmpty();
    }

    private static List<FakeUpstreams.TicketCommand> commandsFor(long number) {
        return upstreams.ticketCommands().stream().filter(command -> command.number() == number).toList();
    }

    private ResultActions statusCallback(Row row, String status, Integer errorCode) throws Exception {
        String path = "/webhooks/twilio/status?delivery=" + row.id();
        return signed(post(path), path, callbackForm(row.sid(), status, errorCode));
    }

    private ResultActions inbound(String from, String body, String sid) throws Exception {
        return signed(post("/webhooks/twilio/inbound"), "/webhooks/twilio/inbound", inboundForm(from, body, sid));
    }

    /** Signed as Twilio signs it: our auth token over our public URL (as configured, not as reached) and the form. */
    private ResultActions signed(MockHttpServletRequestBuilder request, String pathAndQuery, Map<String, String> form)
            throws Exception {
        return send(request, form, signature(AUTH_TOKEN, PUBLIC_BASE + pathAndQuery, form));
    }

    private ResultActions send(MockHttpServletRequestBuilder request, Map<String, String> form, String signature)
            throws Exception {
        request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.forEach(request::formField);
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return mvc.perform(request);
    }

    private static String signature(String authToken, String url, Map<String, String> form) {
        return TwilioSignatures.sign(authToken, url, form);
    }

    private <E extends ProfileEvent> Published<E> awaitEvent(String phone, Class<E> type) {
        return await().atMost(WAIT).until(() -> {
            poll();
            return published.stream()
                    .filter(record -> phone.equals(record.key()))
                    .map(record -> new Published<>(WIRE.readValue(record.value(), ProfileEvent.class), record))
                    .filter(p -> type.isInstance(p.event()))
                    .map(p -> new Published<>(type.cast(p.event()), p.record()))
                    .findFirst().orElse(null);
        }, found -> found != null);
    }

    private void poll() {
        KafkaTestUtils.getRecords(profileEvents, Duration.ofMillis(200)).forEach(published::add);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
