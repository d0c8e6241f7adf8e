package dev.ticketsms.profile;

import dev.ticketsms.testing.EmbeddedPostgreSql;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole service over MockMvc against a real PostgreSQL migrated by Flyway and a real (embedded) Kafka
 * broker. Declared once here so that every test class shares one application context; each test starts from
 * empty tables and the real time, which a test may set with {@link #clock}.
 */
@SpringBootTest(properties = "profiles.events-topic.partitions=2")
@AutoConfigureMockMvc
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(IntegrationTest.Clocks.class)
public abstract class IntegrationTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TestClock clock;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgreSql.register(registry);
    }

    @BeforeEach
    void startFromEmptyTablesAndTheRealTime() {
        jdbc.sql("truncate team_members, teams, user_profiles, sms_consent_history, processed_events, outbox_events").update();
        clock.useRealTime();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
