package dev.ticketsms.web.settings;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Switches span export on with OpenTelemetry's own variables, which collectors and operators already know:
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (the full URL, e.g. {@code http://collector:4318/v1/traces}) or
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} (the collector's base URL; {@code /v1/traces} is appended, as the OpenTelemetry
 * specification says). Without either, and without Spring's own
 * {@code management.opentelemetry.tracing.export.otlp.endpoint}, no span leaves the process (trace ids are still in
 * the logs and still propagated). Once spans are exported every trace is sampled unless
 * {@code management.tracing.sampling.probability} says otherwise.
 */
public final class TracingExport implements EnvironmentPostProcessor, Ordered {

    static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String SAMPLING = "management.tracing.sampling.probability";
    static final String TRACES_ENDPOINT_VARIABLE = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    static final String BASE_ENDPOINT_VARIABLE = "OTEL_EXPORTER_OTLP_ENDPOINT";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var settings = new HashMap<String, Object>();
        String endpoint = environment.getProperty(ENDPOINT);
        if (isBlank(endpoint)) {
            endpoint = endpointFromVariables(environment);
            if (endpoint != null) {
                settings.put(ENDPOINT, endpoint);
            }
        }
        if (!isBlank(endpoint) && environment.getProperty(SAMPLING) == null) {
            settings.put(SAMPLING, "1.0");
        }
        if (!settings.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("tracingExport", Map.copyOf(settings)));
        }
    }

    private static String endpointFromVariables(ConfigurableEnvironment environment) {
        String traces = environment.getProperty(TRACES_ENDPOINT_VARIABLE);
        if (!isBlank(traces)) {
            return traces.strip();
        }
        String base = environment.getProperty(BASE_ENDPOINT_VARIABLE);
        return isBlank(base) ? null : base.strip().replaceAll("/+$", "") + "/v1/traces";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public int getOrder() {
        // after ConfigDataEnvironmentPostProcessor, so a value in application.yaml counts as set
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
