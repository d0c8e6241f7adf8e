package dev.ticketsms.notification.recipients;

import dev.ticketsms.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Drops cached recipient answers of a team as soon as its membership changes. Membership events on
 * {@code profiles.events.v1} are keyed by the team id (the other events there by a phone number), so the key alone
 * says which team; the value is not read. Every instance keeps its own cache, so every instance reads every event:
 * a consumer group of its own per process, from the newest offset (older changes are older than any cached answer).
 */
@Component
class MembershipChanges {

    private static final Logger log = LoggerFactory.getLogger(MembershipChanges.class);

    private final RecipientDirectory directory;

    MembershipChanges(RecipientDirectory directory) {
        this.directory = directory;
    }

    @KafkaListener(id = "recipient-cache", topics = Topics.PROFILE_EVENTS,
            groupId = "notification-service-recipient-cache-#{T(java.util.UUID).randomUUID()}",
            properties = {"auto.offset.reset=latest",
                    "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer"})
    void on(ConsumerRecord<String, String> record) {
        try {
            directory.forgetTeam(UUID.fromString(record.key()));
        } catch (IllegalArgumentException | NullPointerException notATeam) {
            log.trace("Profile event keyed {} is not about a team", record.key());
        }
    }
}
