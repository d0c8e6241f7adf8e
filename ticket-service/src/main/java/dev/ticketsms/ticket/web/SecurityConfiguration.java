package dev.ticketsms.ticket.web;

import dev.ticketsms.web.ServiceWebProperties;
import dev.ticketsms.web.security.BearerTokenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code /api/**} call needs a JWT from the configured issuer for this service's audience; the OpenAPI
 * document, its UI and the metrics are as open as {@code service-web.exposure} says.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, ServiceWebProperties web) throws Exception {
        return BearerTokenApi.filterChain(http, json, web.exposure(), rules -> rules
                .requestMatchers("/api/**").authenticated());
    }
}
