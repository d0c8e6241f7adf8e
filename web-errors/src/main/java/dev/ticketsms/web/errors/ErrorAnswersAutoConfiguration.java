package dev.ticketsms.web.errors;

import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error answer of a service is a problem detail, also those no controller gives: {@code /error} (before
 * Boot's own error controller, which then backs off) and, under Tomcat, the report of errors that never reach the
 * application. Boot auto-configuration, so every service (through service-web) and the web console have it.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ErrorAnswersAutoConfiguration {

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ConfigurableTomcatWebServerFactory.class)
    static class TomcatErrorReport {

        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReport(JsonMapper json) {
            return new ProblemErrorReport(json);
        }
    }

    /**
     * Last of the Tomcat customizers, so its context customizer runs after Boot's, which puts a plain
     * {@code ErrorReportValve} on the host: that one is replaced, and the host is told not to add its default.
     */
    private record ProblemErrorReport(JsonMapper json)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof Host host) {
                    Pipeline pipeline = host.getPipeline();
                    for (var valve : pipeline.getValves()) {
                        if (ProblemErrorReportValve.isTomcatsOwn(valve)) {
                            pipeline.removeValve(valve);
                        }
                    }
                    pipeline.addValve(new ProblemErrorReportValve(json));
                    if (host instanceof StandardHost standard) {
                        standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    }
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
