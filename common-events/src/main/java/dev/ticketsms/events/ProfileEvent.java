package dev.ticketsms.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/**
 * Events on {@link Topics#PROFILE_EVENTS}. Membership events are keyed by team id and carry user ids only;
 * the SMS opt-out/in and number-unusable events are keyed by the phone number they name, because a reply or a
 * Twilio error is known by its number; so is {@link PhoneVerificationRequested}, the code to text to a new number.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TeamMemberAdded.class, name = "TeamMemberAdded"),
        @JsonSubTypes.Type(value = TeamMemberRemoved.class, name = "TeamMemberRemoved"),
        @JsonSubTypes.Type(value = SmsOptOutReceived.class, name = "SmsOptOutReceived"),
        @JsonSubTypes.Type(value = SmsOptInReceived.class, name = "SmsOptInReceived"),
        @JsonSubTypes.Type(value = SmsNumberUnusable.class, name = "SmsNumberUnusable"),
        @JsonSubTypes.Type(value = PhoneVerificationRequested.class, name = "PhoneVerificationRequested")
})
public sealed interface ProfileEvent permits TeamMemberAdded, TeamMemberRemoved, SmsOptOutReceived, SmsOptInReceived,
        SmsNumberUnusable, PhoneVerificationRequested {

    UUID eventId();

    Instant occurredAt();

    default String cloudEventType() {
        return switch (this) {
            case TeamMemberAdded ignored -> "team.member-added.v1";
            case TeamMemberRemoved ignored -> "team.member-removed.v1";
            case SmsOptOutReceived ignored -> "sms.opt-out-received.v1";
            case SmsOptInReceived ignored -> "sms.opt-in-received.v1";
            case SmsNumberUnusable ignored -> "sms.number-unusable.v1";
            case PhoneVerificationRequested ignored -> "phone.verification-requested.v1";
        };
    }
}
