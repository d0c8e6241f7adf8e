package dev.ticketsms.sandbox.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import dev.ticketsms.sandbox.delivery.DeliveryPlan.Step;
import dev.ticketsms.sandbox.faults.Faults.CarrierFailure;
import dev.ticketsms.sandbox.messages.MessageStatus;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeliveryPlanTest {

    @Test
    void a_queued_message_is_sent_then_delivered() {
        assertThat(DeliveryPlan.of(MessageStatus.QUEUED, Optional.empty()).steps())
                .containsExactly(step(MessageStatus.SENT), step(MessageStatus.DELIVERED));
    }

    @Test
    void a_message_a_messaging_service_accepted_is_queued_first() {
        assertThat(DeliveryPlan.of(MessageStatus.ACCEPTED, Optional.empty()).steps())
                .containsExactly(step(MessageStatus.QUEUED), step(MessageStatus.SENT), step(MessageStatus.DELIVERED));
    }

    @Test
    void an_undelivered_message_was_sent_and_ends_with_the_carrier_error() {
        assertThat(DeliveryPlan.of(MessageStatus.QUEUED, Optional.of(new CarrierFailure(false, 30003))).steps())
                .containsExactly(step(MessageStatus.SENT), new Step(MessageStatus.UNDELIVERED, 30003));
    }

    @Test
    void a_failed_message_is_never_sent() {
        assertThat(DeliveryPlan.of(MessageStatus.ACCEPTED, Optional.of(new CarrierFailure(true, 30008))).steps())
                .containsExactly(step(MessageStatus.QUEUED), new Step(MessageStatus.FAILED, 30008));
    }

    @Test
    void callbacks_can_be_arranged_in_Twilio_order_reversed_or_shuffled_without_losing_one() {
        var steps = List.of(1, 2, 3, 4);

        assertThat(CallbackOrder.TWILIO.arrange(steps)).containsExactly(1, 2, 3, 4);
        assertThat(CallbackOrder.REVERSED.arrange(steps)).containsExactly(4, 3, 2, 1);
        assertThat(CallbackOrder.SHUFFLED.arrange(steps)).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    private static Step step(MessageStatus status) {
        return new Step(status, null);
    }
}
