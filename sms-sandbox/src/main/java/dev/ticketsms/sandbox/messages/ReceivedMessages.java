package dev.ticketsms.sandbox.messages;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import dev.ticketsms.sandbox.SandboxProperties;

import org.springframework.stereotype.Component;

/** The messages the sandbox handled, in arrival order; holds the newest {@code sandbox.message-capacity}. */
@Component
public class ReceivedMessages {

    private final int capacity;
    private final LinkedHashMap<MessageSid, SandboxMessage> bySid = new LinkedHashMap<>();

    ReceivedMessages(SandboxProperties properties) {
        this.capacity = properties.messageCapacity();
    }

    synchronized void add(SandboxMessage message) {
        bySid.put(message.sid(), message);
        if (bySid.size() > capacity) {
            bySid.pollFirstEntry();
        }
    }

    public synchronized Optional<SandboxMessage> find(MessageSid sid) {
        return Optional.ofNullable(bySid.get(sid));
    }

    public synchronized List<SandboxMessage> all() {
        return List.copyOf(bySid.values());
    }

    /** The kept messages that match, the newest first, as Twilio lists them. */
    synchronized List<SandboxMessage> newestFirst(Predicate<SandboxMessage> matching) {
        return bySid.sequencedValues().reversed().stream().filter(matching).toList();
    }

    synchronized List<SandboxMessage> to(String to) {
        return bySid.values().stream().filter(message -> message.to().equals(to)).toList();
    }

    /** Moves a kept message to a new status; a message already dropped or cleared stays gone. */
    public synchronized void updateStatus(MessageSid sid, MessageStatus status, Integer errorCode, Instant at) {
        bySid.computeIfPresent(sid, (ignored, message) -> message.withStatus(status, errorCode, at));
    }

    synchronized void clear() {
        bySid.clear();
    }
}
