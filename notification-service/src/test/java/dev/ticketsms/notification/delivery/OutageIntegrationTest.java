package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.TicketCreated;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static dev.ticketsms.notification.delivery.FakeUpstreams.twilioError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Twilio or profile-service failing for a while: delivery waits, consumption pauses, nothing is lost or doubled. */
@TestPropertySource(properties = "twilio.messages-per-second=5")
class OutageIntegrationTest extends DeliveryIntegrationTest {

    private static final int MESSAGES_PER_SECOND = 5;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void twilioDownOpensTheBreakerPausesConsumptionAndEverySmsGoesOutOnceWhenItIsBack() {
        String[] phones = {"+14155550301", "+14155550302", "+14155550303"};
        UUID team = teamOf(phones);
        var transitions = transitionsOf("twilio");
        upstreams.twilioDown();
        List<TicketCreated> events;
        try {
            events = IntStream.range(0, 3).mapToObj(i -> publish(ticketCreated(team))).toList();

            await().atMost(WAIT).until(() -> transitions.contains(CircuitBreaker.StateTransition.CLOSED_TO_OPEN));
            await().atMost(WAIT).until(() -> listeners.getListenerContainer(TicketEventsListener.LISTENER_ID).isPauseRequested());
            assertThat(upstreams.twilioRequests()).filteredOn(sms -> List.of(phones).contains(sms.to())).isEmpty();
            assertThat(events).allSatisfy(event -> assertThat(statuses(event)).doesNotContain("SENT"));
        } finally {
            upstreams.twilioUp();
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(events)
                .allSatisfy(event -> assertThat(statuses(event)).containsExactly("SENT", "SENT", "SENT")));
        for (String phone : phones) {
            assertThat(requestsFor(phone)).hasSize(3).allMatch(sms -> sms.status() == 201);
        }
        assertThat(listeners.getListenerContainer(TicketEventsListener.LISTENER_ID).isPauseRequested()).isFalse();
    }

    @Test
    void aStormOf429KeepsTheSendRateWithinTheLimitAndEveryoneGetsTheirSmsAfterwards() {
        String[] phones = IntStream.rangeClosed(1, 8).mapToObj(i -> "+1415555031" + i).toArray(String[]::new);
        UUID team = teamOf(phones);
        upstreams.twilioAnswersEveryone(IntStream.range(0, 12).mapToObj(i -> twilioError(429, 20429))
                .toArray(FakeUpstreams.Reply[]::new));

        TicketCreated event = publish(ticketCreated(team));

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).hasSize(8).containsOnly("SENT"));
        for (String phone : phones) {
            assertThat(sentTo(phone)).hasSize(1);
        }
        List<Instant> arrivals = upstreams.twilioRequests().stream()
                .filter(sms -> List.of(phones).contains(sms.to())).map(FakeUpstreams.SentSms::at).sorted().toList();
        assertThat(arrivals).hasSize(20);
        // the limiter grants one call per 1/rate seconds: n calls need n distinct periods, so they span at least
        // n - 2 periods; a sliding second may hold one grant from each edge period, plus one for HTTP jitter
        Duration span = Duration.between(arrivals.getFirst(), arrivals.getLast());
        assertThat(span).isGreaterThanOrEqualTo(Duration.ofMillis((arrivals.size() - 2) * 1000L / MESSAGES_PER_SECOND));
        assertThat(mostRequestsWithinOneSecond(arrivals)).isLessThanOrEqualTo(MESSAGES_PER_SECOND + 2);
    }

    @Test
    void profileServiceDownOpensItsBreakerAndTheSmsGoesOutAfterItReturns() {
        UUID team = teamOf("+14155550321");
        var transitions = transitionsOf("profile-service");
        upstreams.profileServiceDown(true);
        TicketCreated event;
        try {
            event = publish(ticketCreated(team));
            await().atMost(WAIT).until(() -> transitions.contains(CircuitBreaker.StateTransition.CLOSED_TO_OPEN));
            assertThat(ledger(event)).isEmpty();
        } finally {
            upstreams.profileServiceDown(false);
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(statuses(event)).containsExactly("SENT"));
        assertThat(sentTo("+14155550321")).hasSize(1);
    }

    private List<CircuitBreaker.StateTransition> transitionsOf(String breaker) {
        var transitions = new CopyOnWriteArrayList<CircuitBreaker.StateTransition>();
        circuitBreakers.circuitBreaker(breaker).getEventPublisher()
                .onStateTransition(event -> transitions.add(event.getStateTransition()));
        return transitions;
    }

    private static int mostRequestsWithinOneSecond(List<Instant> sorted) {
        int most = 0;
        for (int first = 0, last = 0; last < sorted.size(); last++) {
            while (Duration.between(sorted.get(first), sorted.get(last)).compareTo(Duration.ofSeconds(1)) >= 0) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
