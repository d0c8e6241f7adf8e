package dev.ticketsms.notification.web;

import dev.ticketsms.web.ServiceWebProperties;
import dev.ticketsms.web.security.BearerTokenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code /api/**} call needs a JWT from the configured issuer for this service's audience. Twilio's webhooks
 * carry none: their {@code X-Twilio-Signature} is checked by the webhook controller instead.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, ServiceWebProperties web) throws Exception {
        return BearerTokenApi.filterChain(http, json, web.exposure(), rules -> rules
                .requestMatchers("/api/sms/send", "/api/notifications").hasRole("admin")
                .requestMatchers("/api/**").authenticated()
                .requestMatchers(HttpMethod.POST, "/webhooks/twilio/**").permitAll());
    }
}
