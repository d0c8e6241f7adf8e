package dev.ticketsms.sandbox.messages;

import java.util.Optional;

/**
 * Where a page of the Messages list starts, as Twilio's {@code PageToken}: {@code PA} and the SID of the
 * message just before the page (the next page continues after the last message seen), or {@code PB} and
 * the SID of the message just after it (the previous page ends before the first one seen). Naming a
 * message instead of an offset keeps pages stable while new messages arrive at the top of the list.
 */
record PageToken(boolean after, MessageSid sid) {

    static PageToken after(MessageSid sid) {
        return new PageToken(true, sid);
    }

    static PageToken before(MessageSid sid) {
        return new PageToken(false, sid);
    }

    static Optional<PageToken> parse(String value) {
        if (!value.startsWith("PA") && !value.startsWith("PB")) {
            return Optional.empty();
        }
        return MessageSid.parse(value.substring(2)).map(sid -> new PageToken(value.startsWith("PA"), sid));
    }

    @Override
    public String toString() {
        return (after ? "PA" : "PB") + sid.value();
    }
}
