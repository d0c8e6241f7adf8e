package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketEvent;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static dev.ticketsms.notification.delivery.FakeUpstreams.twilioError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A second Twilio account as the failover route: it takes what the primary certainly did not take, never what the
 * primary may have taken, and its messages are settled and tracked against its own account.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "twilio.failover.account-sid=" + FailoverIntegrationTest.FAILOVER_ACCOUNT,
        "twilio.failover.auth-token=" + FailoverIntegrationTest.FAILOVER_TOKEN,
        "twilio.failover.phone-number=" + FailoverIntegrationTest.FAILOVER_SENDER})
class FailoverIntegrationTest extends DeliveryIntegrationTest {

    static final String FAILOVER_ACCOUNT = "AC11111111111111111111111111111111";
    static final String FAILOVER_TOKEN = "failover-token";
    static final String FAILOVER_SENDER = "+15005550007";
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** The failover account's API; only its Twilio side is used. */
    static final FakeUpstreams failover = new FakeUpstreams();

    @DynamicPropertySource
    static void failoverRoute(DynamicPropertyRegistry registry) {
        registry.add("twilio.failover.api-base-url", failover::twilioBaseUrl);
    }

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    UnknownOutcomes unknownOutcomes;

    @Autowired
    MockMvc mvc;

    @Test
    void primaryDownEverySmsGoesOutOnceOnTheFailoverRouteAndConsumptionGoesOn() {
        String[] phones = {"+14155550801", "+14155550802", "+14155550803"};
        UUID team = teamOf(phones);
        var transitions = new CopyOnWriteArrayList<CircuitBreaker.StateTransition>();
        circuitBreakers.circuitBreaker("twilio").getEventPublisher().onStateTransition(event -> transitions.add(event.getStateTransition()));
        double before = failovers("unreachable") + failovers("circuit_open");
        double openBefore = failovers("circuit_open");
        upstreams.twilioDown();
        List<TicketCreated> events;
        try {
            TicketCreated first = publish(ticketCreated(team));
            await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(first)).containsExactly("SENT", "SENT", "SENT"));
            await().atMost(WAIT).until(() -> transitions.contains(CircuitBreaker.StateTransition.CLOSED_TO_OPEN));

            // with the primary's breaker open, further tickets go to the failover route at once
            TicketCreated second = publish(ticketCreated(team));
            await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(second)).containsExactly("SENT", "SENT", "SENT"));
            events = List.of(first, second);
            assertThat(listeners.getListenerContainer(TicketEventsListener.LISTENER_ID).isPauseRequested()).isFalse();
        } finally {
            upstreams.twilioUp();
        }

        for (String phone : phones) {
            assertThat(sentTo(phone)).isEmpty();
            assertThat(failover.acceptedFor(phone)).hasSize(2).allMatch(sms -> FAILOVER_SENDER.equals(sms.from()));
            assertThat(failover.twilioRequests()).filteredOn(sms -> phone.equals(sms.to())).hasSize(2);
        }
        assertThat(events).allSatisfy(event -> assertThat(routes(event)).containsOnly("FAILOVER"));
        // the first ticket's SMS fail over once their retries found the primary unreachable or its breaker opened
        // meanwhile, the second ticket's at once
        assertThat(failovers("unreachable") + failovers("circuit_open")).isGreaterThanOrEqualTo(before + 6);
        assertThat(failovers("circuit_open")).isGreaterThanOrEqualTo(openBefore + 3);
        assertThat(meters.find("notifications.sms.attempts").tags("outcome", "sent", "route", "failover").counter())
                .isNotNull().extracting(Counter::count).satisfies(count -> assertThat(count).isGreaterThanOrEqualTo(6));
    }

    @Test
    void aRefusalOfOurCredentialsOrA429ThroughAllRetriesOnThePrimaryGoesToTheFailoverRoute() {
        UUID team = teamOf("+14155550811", "+14155550812");
        upstreams.twilioAnswers("+14155550811", twilioError(401, 20003));
        upstreams.twilioAnswers("+14155550812", IntStream.range(0, 4).mapToObj(i -> twilioError(429, 20429))
                .toArray(FakeUpstreams.Reply[]::new));

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("SENT", "SENT"));
        assertThat(requestsFor("+14155550811")).extracting(FakeUpstreams.SentSms::status).containsExactly(401);
        assertThat(requestsFor("+14155550812")).extracting(FakeUpstreams.SentSms::status).containsExactly(429, 429, 429, 429);
        assertThat(failover.acceptedFor("+14155550811")).hasSize(1);
        assertThat(failover.acceptedFor("+14155550812")).hasSize(1);
        assertThat(routes(event)).containsExactly("FAILOVER", "FAILOVER");
        // handed back by the primary, so only the failover's request counts as an attempt Twilio may have seen
        assertThat(ledger(event)).allSatisfy(row -> assertThat(row).containsEntry("attempts", 1));
    }

    @Test
    void anOutcomeUnknownOnThePrimaryIsNeverSentOnTheFailoverRouteAndIsSettledFromThePrimarysList() {
        UUID team = teamOf("+14155550821");
        upstreams.twilioAnswers("+14155550821", FakeUpstreams.keptButAnswered(500, 20500));

        TicketCreated event = publish(ticketCreated(team));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("UNKNOWN"));
        assertThat(routes(event)).containsExactly("PRIMARY");

        backdate(event);
        unknownOutcomes.reconcile();

        assertThat(ledger(event).getFirst())
                .containsEntry("status", "SENT")
                .containsEntry("twilio_sid", upstreams.heldFor("+14155550821").getFirst().sid());
        assertThat(failover.twilioRequests()).filteredOn(sms -> "+14155550821".equals(sms.to())).isEmpty();
        assertThat(requestsFor("+14155550821")).hasSize(1);
    }

    @Test
    void anOutcomeUnknownOnTheFailoverRouteIsSettledFromTheFailoverAccountsListAndItsCallbacksApply() throws Exception {
        UUID team = teamOf("+14155550831");
        circuitBreakers.circuitBreaker("twilio").transitionToForcedOpenState();
        failover.twilioAnswers("+14155550831", FakeUpstreams.keptButAnswered(502, 20500));

        TicketCreated event = publish(ticketCreated(team));
        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("UNKNOWN"));
        assertThat(routes(event)).containsExactly("FAILOVER");

        // the primary does not have it: asked there, the row would be sent again
        backdate(event);
        unknownOutcomes.reconcile();

        String sid = failover.heldFor("+14155550831").getFirst().sid();
        assertThat(ledger(event).getFirst()).containsEntry("status", "SENT").containsEntry("twilio_sid", sid);
        assertThat(requestsFor("+14155550831")).isEmpty();
        assertThat(failover.twilioRequests()).filteredOn(sms -> "+14155550831".equals(sms.to())).hasSize(1);

        long row = (Long) ledger(event).getFirst().get("id");
        String path = "/webhooks/twilio/status?delivery=" + row;
        var callback = new LinkedHashMap<String, String>();
        callback.put("AccountSid", FAILOVER_ACCOUNT);
        callback.put("MessageSid", sid);
        callback.put("MessageStatus", "delivered");
        callback.put("From", FAILOVER_SENDER);
        mvc.perform(form(post(path), callback, TwilioSignatures.sign(FAILOVER_TOKEN, "https://notify.example.com" + path, callback)))
                .andExpect(status().isOk());
        assertThat(statuses(event)).containsExactly("DELIVERED");
    }

    /** The failover alert reads increase(...) > 0, which a counter first scraped at 1 would never show. */
    @Test
    void everyReasonToFailOverIsCountedFromZeroBeforeTheFirstFailover() {
        for (String reason : new String[] {"rate_limited", "unavailable", "unreachable", "sender_refused", "circuit_open"}) {
            assertThat(meters.find("notifications.sms.failovers").tags("from", "primary", "to", "failover", "reason", reason)
                    .counter()).as(reason).isNotNull();
        }
        assertThat(meters.find("notifications.sms.failovers").tag("reason", "local_limit").counter())
                .as("a busy primary is not failed over from").isNull();
    }

    private double failovers(String reason) {
        Counter counter = meters.find("notifications.sms.failovers").tags("from", "primary", "to", "failover", "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<Object> routes(TicketEvent event) {
        return ledger(event).stream().map(row -> row.get("route")).toList();
    }

    private void backdate(TicketEvent event) {
        jdbc.sql("UPDATE deliveries SET updated_at = updated_at - interval '10 minutes', attempted_at = attempted_at - interval '10 minutes' WHERE event_id = ?")
                .param(event.eventId()).update();
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, Map<String, String> form, String signature) {
        request.contentType(MediaType.APPLICATION_FORM_URLENCODED).header("X-Twilio-Signature", signature);
        form.forEach(request::formField);
        return request;
    }
}
