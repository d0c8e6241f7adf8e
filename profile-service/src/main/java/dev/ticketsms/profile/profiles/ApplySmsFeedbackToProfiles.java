package dev.ticketsms.profile.profiles;

import java.util.Optional;

import dev.ticketsms.events.PhoneVerificationRequested;
import dev.ticketsms.events.ProfileEvent;
import dev.ticketsms.events.SmsNumberUnusable;
import dev.ticketsms.events.SmsOptInReceived;
import dev.ticketsms.events.SmsOptOutReceived;
import dev.ticketsms.events.TeamMemberAdded;
import dev.ticketsms.events.TeamMemberRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What notification-service learned from Twilio about a number, applied to the profile that owns it: STOP and
 * START replies switch SMS off and on (kept in the consent history), a permanent Twilio error marks the number
 * unusable. Each event once, however often Kafka delivers it.
 */
@Component
class ApplySmsFeedbackToProfiles {

    private static final Logger log = LoggerFactory.getLogger(ApplySmsFeedbackToProfiles.class);

    private static final int DETAIL_LENGTH = 255;

    private final UserProfiles profiles;

    private final ProcessedEvents processedEvents;

    ApplySmsFeedbackToProfiles(UserProfiles profiles, ProcessedEvents processedEvents) {
        this.profiles = profiles;
        this.processedEvents = processedEvents;
    }

    @Transactional
    public void on(ProfileEvent event) {
        if (event instanceof TeamMemberAdded || event instanceof TeamMemberRemoved
                || event instanceof PhoneVerificationRequested) {
            return; // published by this service, for others
        }
        if (!processedEvents.markProcessed(event.eventId())) {
            log.debug("Event {} was applied before", event.eventId());
            return;
        }
        switch (event) {
            case SmsOptOutReceived stop -> number(stop.phoneNumber(), event).ifPresent(number ->
                    profiles.applySmsReply(number, false, reply(stop.keyword(), stop.messageSid()), stop.occurredAt()));
            case SmsOptInReceived start -> number(start.phoneNumber(), event).ifPresent(number ->
                    profiles.applySmsReply(number, true, reply(start.keyword(), start.messageSid()), start.occurredAt()));
            case SmsNumberUnusable unusable -> number(unusable.phoneNumber(), event).ifPresent(number ->
                    profiles.markNumberUnusable(number, unusable.errorCode(), unusable.reason(), unusable.occurredAt()));
            case TeamMemberAdded ignored -> { }
            case TeamMemberRemoved ignored -> { }
            case PhoneVerificationRequested ignored -> { }
        }
    }

    private static Optional<PhoneNumber> number(String e164, ProfileEvent event) {
        try {
            return Optional.of(new PhoneNumber(e164));
        } catch (InvalidPhoneNumberException e) {
            // no profile can hold a number that is not valid E.164; the value stays out of the log
            log.warn("Event {} ({}) names no valid E.164 number; ignored", event.eventId(), event.cloudEventType());
            return Optional.empty();
        }
    }

    private static String reply(String keyword, String messageSid) {
        String detail = "reply " + keyword + (messageSid == null ? "" : " (" + messageSid + ")");
        return detail.length() <= DETAIL_LENGTH ? detail : detail.substring(0, DETAIL_LENGTH);
    }
}
