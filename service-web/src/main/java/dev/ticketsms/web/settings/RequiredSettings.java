package dev.ticketsms.web.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Refuses to start a service that lacks a setting it cannot run without, naming every missing one at once. Each
 * service lists them in {@code service-web.required-settings}; the development values (the local issuer,
 * {@code dev-secret}, postgres/postgres) live only in its {@code application-local.yaml}, so a start without the
 * {@code local} profile must be given real ones instead of quietly trusting the developer's defaults.
 * Runs after the configuration files are read (so profiles and environment variables count).
 */
public final class RequiredSettings implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY = "service-web.required-settings";

    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Za-z0-9_.-]+)[:}]");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        List<String> required = binder.bind(PROPERTY, Bindable.listOf(String.class)).orElse(List.of());
        var missing = new ArrayList<MissingSetting>();
        for (String name : required) {
            boolean present = binder.bind(name, Bindable.listOf(String.class))
                    .map(values -> values.stream().anyMatch(value -> !value.isBlank()))
                    .orElse(false);
            if (!present) {
                missing.add(new MissingSetting(name, environmentVariableOf(name, environment)));
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingSettingsException(missing, List.of(environment.getActiveProfiles()));
        }
    }

    /**
     * The variable an operator sets: the one the configuration file names ({@code ${JWT_ISSUER_URI:}}), else the
     * name Spring's relaxed binding reads ({@code SPRING_DATASOURCE_URL}).
     */
    static String environmentVariableOf(String name, ConfigurableEnvironment environment) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> && source.containsProperty(name)) {
                Object raw = source.getProperty(name);
                Matcher placeholder = PLACEHOLDER.matcher(raw == null ? "" : raw.toString());
                if (placeholder.find()) {
                    return placeholder.group(1);
                }
                break;
            }
        }
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "").replace("[", "_").replace("]", "");
    }

    @Override
    public int getOrder() {
        // after ConfigDataEnvironmentPostProcessor, which reads application(-profile).yaml
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** A setting the service needs, and the environment variable that gives it. */
    public record MissingSetting(String property, String environmentVariable) {
    }
}
