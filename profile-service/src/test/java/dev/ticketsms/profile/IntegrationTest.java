package dev.ticketsms.profile;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ticketsms.profile.profiles.TextedCodes;
import dev.ticketsms.profile.web.Tokens;
import dev.ticketsms.testing.EmbeddedPostgreSql;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
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
@Import({IntegrationTest.Clocks.class, TextedCodes.class})
public abstract class IntegrationTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected TextedCodes textedCodes;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgreSql.register(registry);
    }

    @BeforeEach
    void startFromEmptyTablesAndTheRealTime() {
        jdbc.sql("""
                truncate team_members, team_invitations, team_escalation, teams, user_profiles, sms_consent_history, processed_events,
                         outbox_events, phone_verification_codes, phone_verification_sends""").update();
        clock.useRealTime();
    }

    /** Confirms the user's saved number with the code texted to it, as the user would. */
    protected void confirmNumber(String userId) throws Exception {
        String code = textedCodes.currentCodeOf(userId);
        mvc.perform(post("/api/user/profile/phone-verification").with(Tokens.user(userId, userId))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + code + "\"}"))
                .andExpect(status().isOk());
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
