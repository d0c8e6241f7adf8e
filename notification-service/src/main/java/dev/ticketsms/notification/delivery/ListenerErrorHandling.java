package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.Topics;
import dev.ticketsms.notification.recipients.RecipientsUnavailableException;
import dev.ticketsms.notification.sms.SmsNotSentException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;
import java.util.Map;

/**
 * What happens when handling a ticket event fails.
 * <ul>
 * <li>Failures that only mean "not now" (profile-service, the token issuer, Twilio or our database unreachable,
 * Twilio rate limiting or refusing our credentials) are retried with growing pauses for as long as it takes;
 * the delivery ledger keeps the retries from sending anything twice.</li>
 * <li>Records that cannot be read or are not valid ticket events go straight to {@code tickets.events.v1-dlt};
 * any other failure is retried a
 * few times first. The dead-letter record keeps the original bytes, with the exception in its headers, and the
 * partition keeps flowing.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ListenerErrorHandling {

    @Bean
    DefaultErrorHandler listenerErrorHandler(KafkaTemplate<String, Object> deadLetters, DeliveryMetrics metrics,
                                             @Value("${notifications.consumer.retry-backoff.initial}") Duration initial,
                                             @Value("${notifications.consumer.retry-backoff.max}") Duration max) {
        var publisher = new DeadLetterPublishingRecoverer(deadLetters,
                (record, exception) -> new TopicPartition(Topics.TICKET_EVENTS_DLT, -1));
        ConsumerRecordRecoverer recoverer = (record, exception) -> {
            // throws when Kafka did not take the dead letter: then it is not counted, and the record is retried
            publisher.accept(record, exception);
            metrics.deadLettered(deadLetterReason(exception));
        };
        return retryingTemporaryFailures(recoverer, initial, max, InvalidTicketEventException.class);
    }

    static DeliveryMetrics.DeadLetterReason deadLetterReason(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof DeserializationException) {
                return DeliveryMetrics.DeadLetterReason.UNREADABLE;
            }
            if (t instanceof InvalidTicketEventException) {
                return DeliveryMetrics.DeadLetterReason.INVALID;
            }
        }
        return DeliveryMetrics.DeadLetterReason.FAILED;
    }

    /**
     * Temporary failures ({@link #isTemporary}) retried with growing pauses until they work; {@code neverRetried} handed
     * to the recoverer at once; anything else after 5 attempts.
     */
    static DefaultErrorHandler retryingTemporaryFailures(ConsumerRecordRecoverer recoverer, Duration initial, Duration max,
                                                         Class<? extends Exception> neverRetried) {
        var handler = new DefaultErrorHandler(recoverer, backOff(initial, max, 5));
        handler.addNotRetryableExceptions(neverRetried);
        var untilItWorks = backOff(initial, max, Integer.MAX_VALUE);
        handler.setBackOffFunction((record, exception) -> isTemporary(exception) ? untilItWorks : null);
        return handler;
    }

    /**
     * Writes dead letters as they came: raw bytes for unreadable records, the event's wire JSON otherwise.
     * It is this service's only producer, so Boot's default KafkaTemplate backs off in its favour.
     */
    @Bean
    KafkaTemplate<String, Object> deadLetters(KafkaProperties kafka) {
        var values = new DelegatingByTypeSerializer(Map.of(
                byte[].class, new ByteArraySerializer(),
                TicketEvent.class, new JacksonJsonSerializer<TicketEvent>().noTypeInfo()), true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, Object>(
                kafka.buildProducerProperties(), new StringSerializer(), values));
    }

    @Bean
    NewTopic ticketEventsDeadLetterTopic(@Value("${notifications.dead-letter.partitions}") int partitions,
                                         @Value("${notifications.dead-letter.replicas}") short replicas) {
        return TopicBuilder.name(Topics.TICKET_EVENTS_DLT).partitions(partitions).replicas(replicas).build();
    }

    private static ExponentialBackOff backOff(Duration initial, Duration max, int maxAttempts) {
        var backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
        backOff.setMaxInterval(max.toMillis());
        backOff.setMaxAttempts(maxAttempts);
        return backOff;
    }

    static boolean isTemporary(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof RecipientsUnavailableException
                    || t instanceof DeliveryIncompleteException
                    || t instanceof SmsNotSentException
                    || t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }
}
