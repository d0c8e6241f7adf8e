package dev.ticketsms.outbox;

import dev.ticketsms.testing.EmbeddedPostgreSql;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay woken by commits: with polling set to once an hour, only the wake-up (LISTEN/NOTIFY) can bring an event
 * to Kafka, and it keeps doing so after its listening connection was killed. A database of its own, so no other
 * test's relay publishes these rows.
 */
@SpringBootTest(classes = OutboxWakeUpIntegrationTest.RelayApplication.class,
        properties = {"spring.flyway.locations=classpath:db/outbox", "outbox.poll-interval=1h",
                "outbox.reconnect-pause=200ms"})
@EmbeddedKafka(partitions = 1, topics = OutboxWakeUpIntegrationTest.TOPIC,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OutboxWakeUpIntegrationTest {

    static final String TOPIC = "outbox.wake-up.test.v1";
    private static final String DATABASE = "outbox_wake_up";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(OutboxConfiguration.class)
    static class RelayApplication {

        @Bean
        PrometheusMeterRegistry meterRegistry() {
            return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        EmbeddedPostgreSql.register(registry);
        String shared = EmbeddedPostgreSql.jdbcUrl();
        try (var connection = DriverManager.getConnection(shared, "postgres", "postgres");
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
        }
        registry.add("spring.datasource.url", () -> shared.replaceFirst("/postgres(\\?|$)", "/" + DATABASE + "$1"));
    }

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EmbeddedKafkaBroker kafka;

    private TopicReader records;

    @BeforeEach
    void subscribe() {
        records = new TopicReader(kafka, TOPIC);
    }

    @AfterEach
    void close() {
        records.close();
    }

    @Test
    void eventsCommittedTogetherReachKafkaInOrderWithoutWaitingForThePoll() {
        String key = UUID.randomUUID().toString();

        transactions.executeWithoutResult(status -> {
            outbox.append(message(key, "first"));
            outbox.append(message(key, "second"));
        });

        assertThat(records.valuesFor(key, 2)).containsExactly("first", "second");
        assertThat(jdbc.sql("SELECT current_database()").query(String.class).single())
                .isEqualTo(DATABASE);
    }

    @Test
    void afterItsListeningConnectionIsKilledTheRelayIsStillWokenByCommits() {
        String key = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> outbox.append(message(key, "before")));
        assertThat(records.valuesFor(key, 1)).containsExactly("before");

        int killed = jdbc.sql("""
                        SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                        WHERE datname = current_database() AND query = 'LISTEN ' || ?""")
                .param(OutboxWakeUp.CHANNEL).query(Integer.class).single();
        assertThat(killed).isEqualTo(1);
        transactions.executeWithoutResult(status -> outbox.append(message(key, "after")));

        assertThat(records.valuesFor(key, 1)).containsExactly("after");
    }

    private static OutboxMessage message(String key, String payload) {
        UUID eventId = UUID.randomUUID();
        return new OutboxMessage(eventId, key, "test.v1", TOPIC, key, payload, Map.of("ce_id", eventId.toString()));
    }

}
