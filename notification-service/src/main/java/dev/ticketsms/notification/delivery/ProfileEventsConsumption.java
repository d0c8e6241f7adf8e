package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.ProfileEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.DeserializationException;

import java.time.Duration;
import java.util.HashMap;

/**
 * How this service reads {@code profiles.events.v1} (for phone verification codes): records typed by their JSON
 * {@code type} as a {@link ProfileEvent}. Most events there are for other services; one this version cannot read (a
 * newer event type) is passed over. A temporary failure (the database, Twilio rate limits) is retried until it works,
 * like a ticket event; anything else is retried a few times, then logged and passed over, since the topic is
 * profile-service's and has no dead-letter topic of ours.
 */
@Configuration(proxyBeanMethods = false)
class ProfileEventsConsumption {

    static final String CONTAINER_FACTORY = "profileEventsContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(ProfileEventsConsumption.class);

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ProfileEvent> profileEventsContainerFactory(
            KafkaProperties kafka,
            @Value("${notifications.consumer.retry-backoff.initial}") Duration initial,
            @Value("${notifications.consumer.retry-backoff.max}") Duration max) {
        var properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.put("spring.json.value.default.type", ProfileEvent.class.getName());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, ProfileEvent>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(properties));
        var handler = ListenerErrorHandling.retryingTemporaryFailures((record, exception) -> log.warn(
                "Profile event at {}-{}@{} passed over", record.topic(), record.partition(), record.offset(), exception),
                initial, max, DeserializationException.class);
        factory.setCommonErrorHandler(handler);
        // as spring.kafka.listener.observation-enabled does for Boot's factory: with two timers of one name but
        // different tags, Prometheus keeps whichever registered first and drops the other
        factory.getContainerProperties().setObservationEnabled(kafka.getListener().isObservationEnabled());
        return factory;
    }
}
