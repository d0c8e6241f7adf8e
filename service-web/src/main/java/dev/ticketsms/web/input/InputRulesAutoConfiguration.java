package dev.ticketsms.web.input;

import dev.ticketsms.web.security.CallerClaims;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The input rules every service gets by depending on service-web (Boot auto-configuration, so no service can
 * forget to import them): NUL characters are refused in JSON strings, query parameters, path variables and the
 * headers a handler reads, and token claims that do not fit their columns are refused; each as a 400 naming the
 * field, through {@code ProblemResponses}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class InputRulesAutoConfiguration implements WebMvcConfigurer {

    @Bean
    NulRefusingJsonModule nulRefusingJsonModule() {
        return new NulRefusingJsonModule();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequestValuesWithoutNul());
    }

    /**
     * The rules that need Spring Security, for services that run it (the sms-sandbox, for one, does not): claims of
     * the caller's token, and a firewall that lets NUL reach {@link RequestValuesWithoutNul}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({HttpFirewall.class, Jwt.class})
    static class WithSecurity implements WebMvcConfigurer {

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new CallerClaims());
        }

        /**
         * Spring Security's strict firewall, except that it lets NUL through in the URL and in header values: it would
         * refuse them with an empty 400, while {@link RequestValuesWithoutNul} refuses them with a problem that names
         * the path variable or header. Every other firewall rule (CR/LF, encoded slashes, other control characters)
         * stays.
         */
        @Bean
        @ConditionalOnMissingBean
        HttpFirewall nulNamingHttpFirewall() {
            var firewall = new StrictHttpFirewall();
            firewall.setAllowNull(true);
            firewall.setAllowedHeaderValues(value -> StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value.replace("\u0000", "")));
            return firewall;
        }
    }
}
