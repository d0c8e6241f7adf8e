package dev.ticketsms.sandbox.messages;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.ticketsms.sandbox.twilio.TwilioApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Checks a new message the way Twilio does, in Twilio's order, and keeps it; keeps the messages phones
 * send to the application and the application's TwiML replies too.
 */
@Service
public class MessageIntake {

    private static final Pattern E164 = Pattern.compile("\\+[0-9]{8,15}");
    private static final int MAX_BODY_CHARACTERS = 1600;
    private static final long MAX_VALIDITY_SECONDS = 36_000;

    private final ReceivedMessages receivedMessages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageIntake(ReceivedMessages receivedMessages, ApplicationEventPublisher events, Clock clock) {
        this.receivedMessages = receivedMessages;
        this.events = events;
        this.clock = clock;
    }

    SandboxMessage accept(String accountSid, NewMessageForm form) {
        var to = blankToNull(form.to());
        var from = blankToNull(form.from());
        var messagingServiceSid = blankToNull(form.messagingServiceSid());
        var body = form.body() == null ? "" : form.body();
        if (to == null) {
            throw TwilioApiException.badRequest(21604, "A 'To' phone number is required.");
        }
        if (from == null && messagingServiceSid == null) {
            throw TwilioApiException.badRequest(21603, "A 'From' phone number is required.");
        }
        if (body.isEmpty() && form.mediaUrl().isEmpty()) {
            throw TwilioApiException.badRequest(21602, "Message body is required.");
        }
        if (!E164.matcher(to).matches()) {
            throw TwilioApiException.badRequest(21211, "The 'To' number " + to + " is not a valid phone number.");
        }
        if (body.codePointCount(0, body.length()) > MAX_BODY_CHARACTERS) {
            throw TwilioApiException.badRequest(21617, "The concatenated message body exceeds the 1600 character limit.");
        }
        var statusCallback = statusCallback(form.statusCallback());
        var validityPeriod = validityPeriod(form.validityPeriod());
        var mediaUrls = mediaUrls(form.mediaUrl());
        TestNumbers.refuseMagicRecipient(to, from);
        TestNumbers.refuseMagicSender(from);
        // Twilio answers "accepted" while a messaging service still has to pick the sender
        var status = from == null ? MessageStatus.ACCEPTED : MessageStatus.QUEUED;
        var now = clock.instant();
        var message = new SandboxMessage(
                MessageSid.random(), accountSid, Direction.OUTBOUND_API, to, from, messagingServiceSid, body,
                mediaUrls, status, null, SmsSegments.count(body), statusCallback, validityPeriod,
                blankToNull(form.maxPrice()), now, now);
        receivedMessages.add(message);
        events.publishEvent(new MessageAccepted(message));
        return message;
    }

    /** A phone texted the application's number: kept as Twilio keeps it, already received. */
    public SandboxMessage receiveInbound(String accountSid, String from, String to, String body) {
        var now = clock.instant();
        var message = new SandboxMessage(MessageSid.random(), accountSid, Direction.INBOUND, to, from, null, body,
                List.of(), MessageStatus.RECEIVED, null, SmsSegments.count(body), null, null, null, now, now);
        receivedMessages.add(message);
        return message;
    }

    /** The application answered an inbound message with a TwiML {@code <Message>}: Twilio sends it back. */
    public SandboxMessage acceptReply(String accountSid, String from, String to, String body) {
        var now = clock.instant();
        var message = new SandboxMessage(MessageSid.random(), accountSid, Direction.OUTBOUND_REPLY, to, from, null,
                body, List.of(), MessageStatus.QUEUED, null, SmsSegments.count(body), null, null, null, now, now);
        receivedMessages.add(message);
        events.publishEvent(new MessageAccepted(message));
        return message;
    }

    Optional<SandboxMessage> find(String messageSid) {
        return MessageSid.parse(messageSid).flatMap(receivedMessages::find);
    }

    private static URI statusCallback(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        return httpUrl(value).orElseThrow(() -> TwilioApiException.badRequest(21609, "Invalid 'StatusCallback'"));
    }

    private static List<URI> mediaUrls(List<String> values) {
        return values.stream()
                .map(value -> httpUrl(value).orElseThrow(
                        () -> TwilioApiException.badRequest(21620, "Invalid media URL(s).")))
                .toList();
    }

    private static Optional<URI> httpUrl(String value) {
        try {
            var uri = new URI(value.trim());
            var http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    private static Duration validityPeriod(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            var seconds = Long.parseLong(value.trim());
            if (seconds >= 1 && seconds <= MAX_VALIDITY_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException notANumber) {
            // answered below like an out-of-range value
        }
        throw TwilioApiException.badRequest(90007, "Invalid validity period value");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
