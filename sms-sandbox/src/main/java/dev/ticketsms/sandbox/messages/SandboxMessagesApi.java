package dev.ticketsms.sandbox.messages;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The sandbox's own API for tests and tools: what it received, and a reset. Not part of Twilio's API. */
@RestController
@RequestMapping("/sandbox/messages")
class SandboxMessagesApi {

    private final ReceivedMessages receivedMessages;

    SandboxMessagesApi(ReceivedMessages receivedMessages) {
        this.receivedMessages = receivedMessages;
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
    }

    record ReceivedMessageJson(
            String sid,
            String to,
            String from,
            String messagingServiceSid,
            String body,
            MessageStatus status,
            int numSegments,
            URI statusCallback,
            Instant receivedAt) {

        static ReceivedMessageJson of(SandboxMessage message) {
            return new ReceivedMessageJson(message.sid().value(), message.to(), message.from(),
                    message.messagingServiceSid(), message.body(), message.status(), message.numSegments(),
                    message.statusCallback(), message.receivedAt());
        }
    }
}
