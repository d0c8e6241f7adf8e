package dev.ticketsms.profile.profiles;

import dev.ticketsms.events.ProfileEvent;
import dev.ticketsms.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads {@code profiles.events.v1} in this service's own consumer group; failures go to the container's error handler. */
@Component
class ProfileEventsListener {

    private final ApplySmsFeedbackToProfiles smsFeedback;

    ProfileEventsListener(ApplySmsFeedbackToProfiles smsFeedback) {
        this.smsFeedback = smsFeedback;
    }

    @KafkaListener(topics = Topics.PROFILE_EVENTS, concurrency = "${profiles.consumer.concurrency}")
    void on(ProfileEvent event) {
        smsFeedback.on(event);
    }
}
