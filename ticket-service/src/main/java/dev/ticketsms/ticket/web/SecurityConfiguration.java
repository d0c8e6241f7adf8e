package dev.ticketsms.ticket.web;

import dev.ticketsms.web.security.BearerTokenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/** Every {@code /api/**} call needs a JWT from the configured issuer; the OpenAPI document and its UI are open. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
        return BearerTokenApi.filterChain(http, json, rules -> rules
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers("/api/**").authenticated());
    }
}
