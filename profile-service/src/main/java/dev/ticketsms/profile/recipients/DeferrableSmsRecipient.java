package dev.ticketsms.profile.recipients;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ticketsms.profile.profiles.NotificationChannel;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A recipient as answered with {@code includeQuiet=true}: texted now when {@code quietUntil} is null, otherwise in
 * their quiet hours until that instant, when notification-service sends what it held back.
 */
@Schema(name = "SmsRecipientWithQuietUntil")
record DeferrableSmsRecipient(String userId, String phoneNumber, String displayName,
                              @Schema(description = "Null: text now. Otherwise when the member's quiet hours end (UTC)",
                                      example = "2026-11-26T06:00:00Z", nullable = true)
                              Instant quietUntil,
                              @JsonInclude(JsonInclude.Include.NON_NULL)
                              @Schema(description = "Only with includeEmail=true: SMS or EMAIL", nullable = true)
                              NotificationChannel channel,
                              @JsonInclude(JsonInclude.Include.NON_NULL)
                              @Schema(description = "Only with includeEmail=true: the member's address, if they gave one", nullable = true)
                              String email) {

    DeferrableSmsRecipient(SmsRecipient recipient, Instant quietUntil) {
        this(recipient.userId(), recipient.phoneNumber(), recipient.displayName(), quietUntil, recipient.channel(),
                recipient.email());
    }

    boolean inQuietHours() {
        return quietUntil != null;
    }

    SmsRecipient withoutQuietUntil() {
        return new SmsRecipient(userId, phoneNumber, displayName, channel, email);
    }
}
