package dev.ticketsms.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * Import this into a service that owns the {@code outbox_events} and {@code outbox_parked_events} tables (Flyway
 * location {@code classpath:db/outbox}; see the outbox section of docs/architecture.md) to get {@link Outbox} for writing and the relay publishing to Kafka,
 * woken on commit by {@link OutboxWakeUp}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    /** The service's tracer when it traces (Micrometer Tracing on the classpath), no-op spans otherwise. */
    @Bean
    StoredTraces storedTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new StoredTraces(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, StoredTraces traces) {
        return new Outbox(jdbc, traces);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
                            OutboxProperties properties, MeterRegistry registry, StoredTraces traces) {
        return new OutboxRelay(jdbc, kafka, transactions, properties, registry, traces);
    }

    @Bean
    @ConditionalOnProperty(name = "outbox.wake-on-commit", havingValue = "true", matchIfMissing = true)
    OutboxWakeUp outboxWakeUp(DataSource dataSource, OutboxRelay relay, OutboxProperties properties) {
        return new OutboxWakeUp(dataSource, relay, properties.reconnectPause());
    }

    @Bean
    OutboxBacklog outboxBacklog(JdbcClient jdbc, MeterRegistry registry) {
        return new OutboxBacklog(jdbc, registry);
    }

    /**
     * This module's migrations are numbered below the services' own (V0_x), so one added later (V0_2, the parked
     * table) sorts before migrations a service database has already run; Flyway refuses such a migration unless it
     * may apply out of order.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(FlywayConfigurationCustomizer.class)
    static class OutboxMigrations {

        @Bean
        FlywayConfigurationCustomizer outboxMigrationsOutOfOrder() {
            return flyway -> flyway.outOfOrder(true);
        }
    }
}
