package dev.ticketsms.profile;

import dev.ticketsms.testing.EmbeddedPostgreSql;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole service over MockMvc against a real PostgreSQL migrated by Flyway. Declared once here
 * so that every test class shares one application context; each test starts from empty tables.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class IntegrationTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgreSql.register(registry);
    }

    @BeforeEach
    void startFromEmptyTables() {
        jdbc.sql("truncate team_members, teams, user_profiles").update();
    }
}
