package dev.ticketsms.ticket;

import dev.ticketsms.web.settings.MissingSettingsException;
import dev.ticketsms.web.settings.RequiredSettings.MissingSetting;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Started as a deployment starts it, without the local profile's development values and without real settings,
 * the service refuses at once and names every setting it lacks (before it opens a connection or a port).
 */
class StartupSettingsTest {

    @Test
    void withoutTheLocalProfileAndWithoutSettingsTheStartFailsNamingEachMissingSetting() {
        var failure = catchThrowableOfType(MissingSettingsException.class, () -> new SpringApplicationBuilder(TicketServiceApplication.class)
                // any active profile replaces the test classpath's default "local" one
                .profiles("production")
                .run("--server.port=0"));

        // not the Kafka address: an embedded broker of another test in this JVM sets it as a system property
        assertThat(failure.missing()).extracting(MissingSetting::property).contains(
                "spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "spring.security.oauth2.resourceserver.jwt.audiences",
                "spring.security.oauth2.client.registration.profile-service.client-secret",
                "spring.security.oauth2.client.provider.identity.token-uri",
                "tickets.profile-service.base-url");
        assertThat(failure.missing()).contains(
                new MissingSetting("spring.security.oauth2.resourceserver.jwt.audiences", "JWT_AUDIENCE"),
                new MissingSetting("spring.security.oauth2.client.registration.profile-service.client-secret", "SERVICE_CLIENT_SECRET"),
                new MissingSetting("spring.datasource.url", "SPRING_DATASOURCE_URL"));
    }
}
