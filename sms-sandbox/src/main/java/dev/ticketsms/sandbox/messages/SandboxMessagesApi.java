package dev.ticketsms.sandbox.messages;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.ticketsms.sandbox.stats.SandboxStats;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The sandbox's own API for tests and tools: what it handled, and a reset. Not part of Twilio's API. */
@RestController
@RequestMapping("/sandbox/messages")
class SandboxMessagesApi {

    private final ReceivedMessages receivedMessages;
    private final SandboxStats stats;

    SandboxMessagesApi(ReceivedMessages receivedMessages, SandboxStats stats) {
        this.receivedMessages = receivedMessages;
        this.stats = stats;
    }

    @GetMapping
    List<ReceivedMessageJson> list(@RequestParam(required = false) String to) {
        var messages = to == null ? receivedMessages.all() : receivedMessages.to(to);
        return messages.stream().map(ReceivedMessageJson::of).toList();
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear() {
        receivedMessages.clear();
        stats.reset();
    }

    record ReceivedMessageJson(
            String sid,
            Direction direction,
            String to,
            String from,
            String messagingServiceSid,
            String body,
            MessageStatus status,
            Integer errorCode,
            int numSegments,
            URI statusCallback,
            Instant receivedAt,
            Instant updatedAt) {

        static ReceivedMessageJson of(SandboxMessage message) {
            return new ReceivedMessageJson(message.sid().value(), message.direction(), message.to(), message.from(),
                    message.messagingServiceSid(), message.body(), message.status(), message.errorCode(),
                    message.numSegments(), message.statusCallback(), message.receivedAt(), message.updatedAt());
        }
    }
}
