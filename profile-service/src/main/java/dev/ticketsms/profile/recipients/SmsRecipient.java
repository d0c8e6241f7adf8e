package dev.ticketsms.profile.recipients;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ticketsms.profile.profiles.NotificationChannel;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A team member who wants this notification. phoneNumber is E.164; with {@code includeEmail=true} the answer also
 * says by which {@code channel} it goes, and an EMAIL recipient carries {@code email} (and its phone number only if
 * it has one that could be texted).
 */
record SmsRecipient(String userId, String phoneNumber, String displayName,
                    @JsonInclude(JsonInclude.Include.NON_NULL)
                    @Schema(description = "Only with includeEmail=true: SMS or EMAIL", nullable = true)
                    NotificationChannel channel,
                    @JsonInclude(JsonInclude.Include.NON_NULL)
                    @Schema(description = "Only with includeEmail=true: the member's address, if they gave one", nullable = true)
                    String email) {

    SmsRecipient(String userId, String phoneNumber, String displayName) {
        this(userId, phoneNumber, displayName, null, null);
    }

    /** As callers that do not ask about email know it: no channel, no email. */
    SmsRecipient smsOnly() {
        return new SmsRecipient(userId, phoneNumber, displayName);
    }
}
