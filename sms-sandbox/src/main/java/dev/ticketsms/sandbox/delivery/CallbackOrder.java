package dev.ticketsms.sandbox.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** In which order a message's status callbacks are posted. */
enum CallbackOrder {
    /** As the statuses happen, as Twilio mostly does. */
    TWILIO,
    /** Last status first: the receiver must keep its state forward-only. */
    REVERSED,
    /** Any order, different for each message. */
    SHUFFLED;

    <T> List<T> arrange(List<T> inTwilioOrder) {
        var arranged = new ArrayList<>(inTwilioOrder);
        switch (this) {
            case TWILIO -> {
            }
            case REVERSED -> Collections.reverse(arranged);
            case SHUFFLED -> Collections.shuffle(arranged, ThreadLocalRandom.current());
        }
        return List.copyOf(arranged);
    }
}
