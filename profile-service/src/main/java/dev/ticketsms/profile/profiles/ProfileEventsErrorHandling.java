package dev.ticketsms.profile.profiles;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.ticketsms.events.Topics;

/**
 * When applying a profile event fails: while the database is unreachable the record is retried with growing
 * pauses for as long as it takes (an opt-out must not be lost); a record that cannot be read, or fails a few
 * times for another reason, is logged (never its value: it names a phone number), counted in
 * {@code profile_events_skipped_total} and skipped, so the partition keeps flowing.
 */
@Configuration(proxyBeanMethods = false)
class ProfileEventsErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ProfileEventsErrorHandling.class);

    @Bean
    DefaultErrorHandler profileEventsErrorHandler(MeterRegistry meters) {
        Counter skipped = Counter.builder("profile.events.skipped")
                .description("profiles.events.v1 records that could not be read or applied and were skipped")
                .register(meters);
        var handler = new DefaultErrorHandler((record, exception) -> {
            skipped.increment();
            log.error("Skipped profile event at {}-{}@{}", record.topic(), record.partition(), record.offset(), exception);
        }, backOff(4));
        var untilItWorks = backOff(Integer.MAX_VALUE);
        handler.setBackOffFunction((record, exception) -> isTemporary(exception) ? untilItWorks : null);
        return handler;
    }

    @Bean
    NewTopic profileEventsTopic(@Value("${profiles.events-topic.partitions}") int partitions,
                                @Value("${profiles.events-topic.replicas}") short replicas) {
        return TopicBuilder.name(Topics.PROFILE_EVENTS).partitions(partitions).replicas(replicas).build();
    }

    private static ExponentialBackOff backOff(int maxAttempts) {
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxAttempts(maxAttempts);
        return backOff;
    }

    static boolean isTemporary(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }
}
