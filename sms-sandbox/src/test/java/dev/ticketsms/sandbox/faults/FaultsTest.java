package dev.ticketsms.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import dev.ticketsms.sandbox.faults.Faults.CarrierFailure;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FaultsTest {

    private static final String ALICE = "+15551230601";
    private static final String BOB = "+15551230602";

    private final Faults faults = new Faults();

    @Test
    void every_matching_latency_adds_up_before_the_request_is_answered() {
        faults.add(fault(null, FaultKind.LATENCY, Duration.ofSeconds(1), null, null, null));
        faults.add(fault(ALICE, FaultKind.LATENCY, Duration.ofSeconds(2), null, null, null));

        assertThat(faults.forRequest(ALICE).latency()).isEqualTo(Duration.ofSeconds(3));
        assertThat(faults.forRequest(BOB).latency()).isEqualTo(Duration.ofSeconds(1));
        assertThat(faults.forRequest(BOB).answer()).isNull();
    }

    @Test
    void the_number_own_fault_answers_before_a_global_one_added_earlier() {
        var global = faults.add(fault(null, FaultKind.SERVER_ERROR, null, 500, null, null));
        var alices = faults.add(fault(ALICE, FaultKind.TOO_MANY_REQUESTS, null, null, null, null));

        assertThat(faults.forRequest(ALICE).answer()).isEqualTo(alices);
        assertThat(faults.forRequest(BOB).answer()).isEqualTo(global);
    }

    @Test
    void a_fault_counts_down_only_when_it_is_applied_and_disappears_at_zero() {
        faults.add(fault(ALICE, FaultKind.DROP_CONNECTION, null, null, null, 2));
        faults.add(fault(null, FaultKind.TOO_MANY_REQUESTS, null, null, null, 1));

        assertThat(faults.forRequest(ALICE).answer().kind()).isEqualTo(FaultKind.DROP_CONNECTION);
        assertThat(faults.all()).extracting(Fault::remaining).containsExactly(1, 1);
        assertThat(faults.forRequest(ALICE).answer().kind()).isEqualTo(FaultKind.DROP_CONNECTION);
        assertThat(faults.forRequest(ALICE).answer().kind()).isEqualTo(FaultKind.TOO_MANY_REQUESTS);
        assertThat(faults.forRequest(ALICE).answer()).isNull();
        assertThat(faults.all()).isEmpty();
    }

    @Test
    void an_ACCEPT_THEN_fault_answers_the_request_like_the_others_the_number_own_first() {
        faults.add(fault(null, FaultKind.SERVER_ERROR, null, 503, null, null));
        var alices = faults.add(fault(ALICE, FaultKind.ACCEPT_THEN_DROP_CONNECTION, null, null, null, 1));

        assertThat(faults.forRequest(ALICE).answer()).isEqualTo(alices);
        assertThat(faults.forRequest(ALICE).answer().kind()).as("used up").isEqualTo(FaultKind.SERVER_ERROR);
        assertThat(faults.carrierFailureFor(ALICE)).as("delivery goes on as usual").isEmpty();
    }

    @Test
    void carrier_faults_do_not_answer_requests_and_decide_the_delivery_of_accepted_messages() {
        faults.add(fault(ALICE, FaultKind.UNDELIVERED, null, null, 30006, 1));
        faults.add(fault(null, FaultKind.FAILED, null, null, 30008, null));

        assertThat(faults.forRequest(ALICE).answer()).isNull();
        assertThat(faults.carrierFailureFor(ALICE)).contains(new CarrierFailure(false, 30006));
        assertThat(faults.carrierFailureFor(ALICE)).contains(new CarrierFailure(true, 30008));
        assertThat(faults.carrierFailureFor(BOB)).contains(new CarrierFailure(true, 30008));
    }

    @Test
    void without_faults_requests_go_through_and_messages_arrive() {
        assertThat(faults.forRequest(ALICE).latency()).isZero();
        assertThat(faults.forRequest(ALICE).answer()).isNull();
        assertThat(faults.carrierFailureFor(ALICE)).isEmpty();
    }

    private static Fault fault(String to, FaultKind kind, Duration latency, Integer status, Integer errorCode, Integer remaining) {
        return new Fault(UUID.randomUUID(), to, kind, latency, status, errorCode, remaining);
    }
}
