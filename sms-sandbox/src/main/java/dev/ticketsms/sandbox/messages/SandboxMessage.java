package dev.ticketsms.sandbox.messages;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A message a client asked the sandbox to send, as received.
 *
 * @param from            null when the client named only a messaging service
 * @param statusCallback  where status callbacks go; null when none was given
 * @param validityPeriod  how long Twilio would keep it queued; null when none was given
 * @param maxPrice        kept as sent: Twilio ignores it since 2024
 */
record SandboxMessage(
        MessageSid sid,
        String accountSid,
        String to,
        String from,
        String messagingServiceSid,
        String body,
        List<URI> mediaUrls,
        MessageStatus status,
        int numSegments,
        URI statusCallback,
        Duration validityPeriod,
        String maxPrice,
        Instant receivedAt) {

    SandboxMessage {
        mediaUrls = List.copyOf(mediaUrls);
    }
}
