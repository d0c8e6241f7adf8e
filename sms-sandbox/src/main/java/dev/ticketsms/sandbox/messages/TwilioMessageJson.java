package dev.ticketsms.sandbox.messages;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A Message resource as Twilio's API answers it (schema {@code api.v2010.account.message}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TwilioMessageJson(
        String sid,
        String accountSid,
        String to,
        String from,
        String messagingServiceSid,
        String body,
        MessageStatus status,
        String numSegments,
        String numMedia,
        String direction,
        String apiVersion,
        String dateCreated,
        String dateUpdated,
        String dateSent,
        String price,
        String priceUnit,
        Integer errorCode,
        String errorMessage,
        String uri,
        SubresourceUris subresourceUris) {

    /** Twilio's RFC 2822 dates, e.g. "Thu, 24 Aug 2023 05:01:45 +0000". */
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    record SubresourceUris(String media, String feedback) {
    }

    static TwilioMessageJson of(SandboxMessage message) {
        var path = "/2010-04-01/Accounts/" + message.accountSid() + "/Messages/" + message.sid();
        // Twilio counts media once it has fetched them, so a new message always answers "0". Twilio sets
        // date_sent once the carrier took the message; the sandbox uses the time it kept it, so the Messages
        // list's DateSent filters find a message from its first answer on.
        var kept = RFC_2822.format(message.receivedAt());
        return new TwilioMessageJson(
                message.sid().value(), message.accountSid(), message.to(), message.from(),
                message.messagingServiceSid(), message.body(), message.status(),
                String.valueOf(message.numSegments()), "0", message.direction().wireName(), "2010-04-01",
                kept, RFC_2822.format(message.updatedAt()), kept, null, "USD",
                message.errorCode(), null,
                path + ".json", new SubresourceUris(path + "/Media.json", path + "/Feedback.json"));
    }
}
