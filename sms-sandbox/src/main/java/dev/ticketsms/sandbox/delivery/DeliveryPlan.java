package dev.ticketsms.sandbox.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.ticketsms.sandbox.faults.Faults.CarrierFailure;
import dev.ticketsms.sandbox.messages.MessageStatus;

/**
 * The statuses an accepted message goes through after the API's answer, in Twilio's order:
 * {@code [queued →] sent → delivered}, or {@code sent → undelivered} / {@code failed} with an error code
 * when a fault says so. A message a messaging service accepted is queued first.
 */
record DeliveryPlan(List<Step> steps) {

    record Step(MessageStatus status, Integer errorCode) {
    }

    DeliveryPlan {
        steps = List.copyOf(steps);
    }

    static DeliveryPlan of(MessageStatus answered, Optional<CarrierFailure> failure) {
        var steps = new ArrayList<Step>();
        if (answered == MessageStatus.ACCEPTED) {
            steps.add(new Step(MessageStatus.QUEUED, null));
        }
        if (failure.isPresent() && failure.get().failed()) {
            steps.add(new Step(MessageStatus.FAILED, failure.get().errorCode()));
        } else {
            steps.add(new Step(MessageStatus.SENT, null));
            steps.add(failure.map(undelivered -> new Step(MessageStatus.UNDELIVERED, undelivered.errorCode()))
                    .orElse(new Step(MessageStatus.DELIVERED, null)));
        }
        return new DeliveryPlan(steps);
    }
}
