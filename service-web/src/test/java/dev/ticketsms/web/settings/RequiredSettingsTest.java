package dev.ticketsms.web.settings;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An operator who forgot settings learns every missing one, and which variable gives it, from one failed start. */
class RequiredSettingsTest {

    private final RequiredSettings check = new RequiredSettings();

    @Test
    void everyMissingOrBlankSettingIsNamedWithItsEnvironmentVariable() {
        var environment = environment(Map.of(
                RequiredSettings.PROPERTY, "spring.datasource.url, spring.security.oauth2.resourceserver.jwt.issuer-uri, "
                        + "spring.security.oauth2.resourceserver.jwt.audiences, spring.kafka.bootstrap-servers",
                // as application.yaml writes it: an empty default unless the variable is set
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", "${JWT_ISSUER_URI:}",
                "spring.security.oauth2.resourceserver.jwt.audiences", " ",
                "spring.kafka.bootstrap-servers", "kafka:9092"));

        var failure = catchThrowableOfType(MissingSettingsException.class,
                () -> check.postProcessEnvironment(environment, new SpringApplication()));

        assertThat(failure.missing()).containsExactly(
                new RequiredSettings.MissingSetting("spring.datasource.url", "SPRING_DATASOURCE_URL"),
                new RequiredSettings.MissingSetting("spring.security.oauth2.resourceserver.jwt.issuer-uri", "JWT_ISSUER_URI"),
                new RequiredSettings.MissingSetting("spring.security.oauth2.resourceserver.jwt.audiences",
                        "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES"));
        assertThat(failure.getMessage()).contains("spring.datasource.url (SPRING_DATASOURCE_URL)")
                .contains("JWT_ISSUER_URI").contains("'local' profile");
    }

    @Test
    void aListGivenAsIndexedEntriesCountsAsSet() {
        var environment = environment(Map.of(
                RequiredSettings.PROPERTY, "spring.security.oauth2.resourceserver.jwt.audiences",
                "spring.security.oauth2.resourceserver.jwt.audiences[0]", "profile-service"));

        assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()));
    }

    @Test
    void aServiceThatRequiresNothingStarts() {
        assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(environment(Map.of()), new SpringApplication()));
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", new LinkedHashMap<>(properties)));
        return environment;
    }
}
