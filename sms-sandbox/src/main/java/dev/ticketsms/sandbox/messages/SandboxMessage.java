package dev.ticketsms.sandbox.messages;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A message the sandbox handled: sent by a client, replied with TwiML, or received from a phone.
 *
 * @param from            null when the client named only a messaging service
 * @param statusCallback  where status callbacks go; null when none was given
 * @param validityPeriod  how long Twilio would keep it queued; null when none was given
 * @param maxPrice        kept as sent: Twilio ignores it since 2024
 * @param errorCode       the carrier's error once the message ended undelivered or failed, else null
 * @param updatedAt       when the status last changed
 */
public record SandboxMessage(
        MessageSid sid,
        String accountSid,
        Direction direction,
        String to,
        String from,
        String messagingServiceSid,
        String body,
        List<URI> mediaUrls,
        MessageStatus status,
        Integer errorCode,
        int numSegments,
        URI statusCallback,
        Duration validityPeriod,
        String maxPrice,
        Instant receivedAt,
        Instant updatedAt) {

    public SandboxMessage {
        mediaUrls = List.copyOf(mediaUrls);
    }

    /** The phone at the far end: the recipient of an outbound message, the sender of an inbound one. */
    public String phone() {
        return direction == Direction.INBOUND ? from : to;
    }

    SandboxMessage withStatus(MessageStatus newStatus, Integer newErrorCode, Instant at) {
        return new SandboxMessage(sid, accountSid, direction, to, from, messagingServiceSid, body, mediaUrls,
                newStatus, newErrorCode, numSegments, statusCallback, validityPeriod, maxPrice, receivedAt, at);
    }
}
