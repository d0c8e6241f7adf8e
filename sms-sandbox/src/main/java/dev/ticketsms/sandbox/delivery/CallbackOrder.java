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
    SHUFFLED,
    /**
     * None at all: the message's status still changes (and the Messages list shows it), but its StatusCallback is
     * never posted, as when Twilio cannot reach the URL. What a sender must then learn from the Messages list.
     */
    NONE;

    <T> List<T> arrange(List<T> inTwilioOrder) {
        var arranged = new ArrayList<>(inTwilioOrder);
        switch (this) {
            case TWILIO -> {
            }
            case REVERSED -> Collections.reverse(arranged);
            case SHUFFLED -> Collections.shuffle(arranged, ThreadLocalRandom.current());
            case NONE -> {
            }
        }
        return List.copyOf(arranged);
    }
}
