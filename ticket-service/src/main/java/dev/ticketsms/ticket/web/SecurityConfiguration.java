package dev.ticketsms.ticket.web;

import static dev.ticketsms.web.security.ServiceClientAccess.clientWithScope;

import dev.ticketsms.web.ServiceWebProperties;
import dev.ticketsms.web.security.BearerTokenApi;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code /api/**} call needs a JWT from the configured issuer for this service's audience; the internal SMS
 * command endpoint answers notification-service's OAuth2 client with scope {@code tickets:sms-commands} only (a user
 * token never gets through, nor another client given the scope); the OpenAPI document, its UI and the metrics are as
 * open as {@code service-web.exposure} says.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityConfiguration.InternalClients.class)
class SecurityConfiguration {

    static final String SMS_COMMANDS_SCOPE = "tickets:sms-commands";

    /**
     * The client ids ({@code azp} or {@code client_id}) of the services that may call the internal endpoints.
     *
     * @param smsCommands notification-service, for members' replies by SMS
     */
    @ConfigurationProperties("tickets.internal-clients")
    record InternalClients(String smsCommands) {
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, ServiceWebProperties web, InternalClients clients)
            throws Exception {
        return BearerTokenApi.filterChain(http, json, web.exposure(), rules -> rules
                .requestMatchers(HttpMethod.POST, "/internal/tickets/by-number/*/status")
                        .access(clientWithScope(clients.smsCommands(), SMS_COMMANDS_SCOPE))
                .requestMatchers("/api/**").authenticated());
    }
}
