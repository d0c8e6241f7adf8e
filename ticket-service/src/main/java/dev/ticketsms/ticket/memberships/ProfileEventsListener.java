package dev.ticketsms.ticket.memberships;

import dev.ticketsms.events.PhoneVerificationRequested;
import dev.ticketsms.events.ProfileEvent;
import dev.ticketsms.events.SmsOptInReceived;
import dev.ticketsms.events.SmsNumberUnusable;
import dev.ticketsms.events.SmsOptOutReceived;
import dev.ticketsms.events.TeamMemberAdded;
import dev.ticketsms.events.TeamMemberRemoved;
import dev.ticketsms.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps {@link TeamMemberships} up to date from {@code profiles.events.v1}; SMS consent, number and verification events are not ours. */
@Component
class ProfileEventsListener {

    private final TeamMemberships memberships;

    ProfileEventsListener(TeamMemberships memberships) {
        this.memberships = memberships;
    }

    @KafkaListener(topics = Topics.PROFILE_EVENTS)
    void on(ProfileEvent event) {
        switch (event) {
            case TeamMemberAdded added -> memberships.apply(added);
            case TeamMemberRemoved removed -> memberships.apply(removed);
            // SMS consent and number health are profile-service's business, not ticket access
            case SmsOptOutReceived ignored -> {
            }
            case SmsOptInReceived ignored -> {
            }
            case SmsNumberUnusable ignored -> {
            }
            case PhoneVerificationRequested ignored -> {
            }
        }
    }
}
