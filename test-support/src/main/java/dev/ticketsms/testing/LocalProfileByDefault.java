package dev.ticketsms.testing;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * On a test classpath a service starts with its {@code local} profile unless the test activates a profile itself:
 * its development values ({@code application-local.yaml}) stand in for the settings production must be given, and
 * the test's own properties (the embedded database, the embedded broker) override them as before. A test that
 * activates any profile gets none of them, which is how a test sees the start-up refuse missing settings.
 */
public final class LocalProfileByDefault implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "local";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.setDefaultProfiles(PROFILE);
    }

    @Override
    public int getOrder() {
        // before ConfigDataEnvironmentPostProcessor (HIGHEST_PRECEDENCE + 10) decides which profile files to read
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
