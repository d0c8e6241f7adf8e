package dev.ticketsms.sandbox.messages;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** A Message resource's id as Twilio spells it: "SM" and 32 lowercase hex digits. */
public record MessageSid(String value) {

    private static final Pattern FORMAT = Pattern.compile("SM[0-9a-f]{32}");

    public MessageSid {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a message SID: " + value);
        }
    }

    /** Unique enough for a sandbox; SIDs are ids here, not secrets. */
    public static MessageSid random() {
        var random = ThreadLocalRandom.current();
        return new MessageSid("SM" + HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong()));
    }

    static Optional<MessageSid> parse(String value) {
        return FORMAT.matcher(value).matches() ? Optional.of(new MessageSid(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
