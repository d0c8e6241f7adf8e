package dev.ticketsms.web.input;

import dev.ticketsms.web.ServiceWebProperties;
import dev.ticketsms.web.security.CallerClaims;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The input rules every service gets by depending on service-web (Boot auto-configuration, so no service can
 * forget to import them): request bodies above {@code service-web.max-request-body} are a 413 before anything reads
 * them; NUL characters are refused in JSON strings, query parameters, path variables and the headers a handler
 * reads, and token claims that do not fit their columns are refused; each as a 400 naming the field, through
 * {@code ProblemResponses}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ServiceWebProperties.class)
public class InputRulesAutoConfiguration implements WebMvcConfigurer {

    /** Before Spring Security's filters (-100): an oversized body is refused before the token is even checked. */
    static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

    @Bean
    NulRefusingJsonModule nulRefusingJsonModule() {
        return new NulRefusingJsonModule();
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(ServiceWebProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimit(properties.maxRequestBody(), json));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequestValuesWithoutNul());
    }

    /**
     * Token claims that do not fit their columns are refused ({@link CallerClaims}); and Spring Security's strict
     * firewall, except that it lets NUL through in the URL and in header values: it would
     * refuse them with an empty 400, while {@link RequestValuesWithoutNul} refuses them with a problem that names the
     * path variable or header. Every other firewall rule (CR/LF, encoded slashes, other control characters) stays.
     * Both only where Spring Security is: the sms-sandbox depends on service-web without it and has no tokens.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HttpFirewall.class)
    static class TokenInputRules implements WebMvcConfigurer {

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new CallerClaims());
        }

        @Bean
        @ConditionalOnMissingBean
        HttpFirewall nulNamingHttpFirewall() {
            var firewall = new StrictHttpFirewall();
            firewall.setAllowNull(true);
            firewall.setAllowedHeaderValues(value -> StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value.replace("\u0000", "")));
            return firewall;
        }
    }

    /** Tomcat parses form bodies (Twilio's webhooks) itself; it gets the same limit for those. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ConfigurableTomcatWebServerFactory.class)
    static class FormBodyLimit {

        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> formBodyLimit(ServiceWebProperties properties) {
            int max = (int) Math.min(Integer.MAX_VALUE, properties.maxRequestBody().toBytes());
            return factory -> factory.addConnectorCustomizers(connector -> connector.setMaxPostSize(max));
        }
    }
}
