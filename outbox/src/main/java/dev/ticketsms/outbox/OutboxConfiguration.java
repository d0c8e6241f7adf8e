package dev.ticketsms.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import this into a service that owns an {@code outbox_events} table (schema in this module's README section of
 * docs/architecture.md) to get {@link Outbox} for writing and the relay publishing to Kafka.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    Outbox outbox(JdbcClient jdbc) {
        return new Outbox(jdbc);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
                            OutboxProperties properties) {
        return new OutboxRelay(jdbc, kafka, transactions, properties);
    }

    @Bean
    OutboxBacklog outboxBacklog(JdbcClient jdbc, MeterRegistry registry) {
        return new OutboxBacklog(jdbc, registry);
    }
}
