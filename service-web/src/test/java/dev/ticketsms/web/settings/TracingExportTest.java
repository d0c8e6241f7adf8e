package dev.ticketsms.web.settings;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator turns span export on with OpenTelemetry's variables; without them nothing is exported. */
class TracingExportTest {

    private final TracingExport export = new TracingExport();

    @Test
    void withoutAnEndpointNothingIsExportedAndSamplingStaysAsConfigured() {
        var environment = processed(Map.of());

        assertThat(environment.getProperty(TracingExport.ENDPOINT)).isNull();
        assertThat(environment.getProperty(TracingExport.SAMPLING)).isNull();
    }

    @Test
    void theTracesEndpointVariableIsUsedAsItIsAndEveryTraceIsSampled() {
        var environment = processed(Map.of(TracingExport.TRACES_ENDPOINT_VARIABLE, " http://collector:4318/v1/traces ",
                TracingExport.BASE_ENDPOINT_VARIABLE, "http://other:4318"));

        assertThat(environment.getProperty(TracingExport.ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
        assertThat(environment.getProperty(TracingExport.SAMPLING)).isEqualTo("1.0");
    }

    @Test
    void theBaseEndpointVariableGetsTheTracesPath() {
        var environment = processed(Map.of(TracingExport.BASE_ENDPOINT_VARIABLE, "http://collector:4318/"));

        assertThat(environment.getProperty(TracingExport.ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    void springsOwnSettingsWin() {
        var environment = processed(Map.of(TracingExport.ENDPOINT, "http://mine:4318/v1/traces",
                TracingExport.TRACES_ENDPOINT_VARIABLE, "http://collector:4318/v1/traces",
                TracingExport.SAMPLING, "0.25"));

        assertThat(environment.getProperty(TracingExport.ENDPOINT)).isEqualTo("http://mine:4318/v1/traces");
        assertThat(environment.getProperty(TracingExport.SAMPLING)).isEqualTo("0.25");
    }

    private StandardEnvironment processed(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", new LinkedHashMap<>(properties)));
        export.postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
