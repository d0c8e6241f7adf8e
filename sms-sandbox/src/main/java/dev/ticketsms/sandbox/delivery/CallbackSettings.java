package dev.ticketsms.sandbox.delivery;

import org.springframework.stereotype.Component;

/** How the callbacks of newly accepted messages are posted; changed through {@code PUT /sandbox/callbacks}. */
@Component
class CallbackSettings {

    /** @param duplicates how many extra times each callback is posted (0: once, as usual) */
    record Settings(CallbackOrder order, int duplicates) {
    }

    static final Settings TWILIO_LIKE = new Settings(CallbackOrder.TWILIO, 0);

    private volatile Settings current = TWILIO_LIKE;

    Settings current() {
        return current;
    }

    void change(Settings settings) {
        current = settings;
    }
}
