package dev.ticketsms.profile.web;

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
 * Membership changes are open to any user here: the team's owner may make them too, which Teams checks. Each
 * internal endpoint answers one service's OAuth2 client with one scope; a user token never gets through, nor
 * another service's client that was given the scope.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityConfiguration.InternalClients.class)
class SecurityConfiguration {

    static final String RECIPIENTS_SCOPE = "notifications:recipients";

    /** ticket-service's membership check (read-your-writes on a replica miss). */
    static final String MEMBERSHIP_SCOPE = "teams:membership";

    /** notification-service's "who sent this SMS" (members' replies by SMS). */
    static final String PHONE_OWNERS_SCOPE = "profiles:phone-owners";

    /**
     * The client ids ({@code azp} or {@code client_id}) of the services that may call the internal endpoints.
     *
     * @param recipients notification-service, for the SMS recipient lookups
     * @param membership ticket-service, for the membership check
     * @param phoneOwners notification-service, for the owner of a number that texted a command
     */
    @ConfigurationProperties("profiles.internal-clients")
    record InternalClients(String recipients, String membership, String phoneOwners) {
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json, ServiceWebProperties web,
                                            InternalClients clients) throws Exception {
        return BearerTokenApi.filterChain(http, json, web.exposure(), rules -> rules
                .requestMatchers(HttpMethod.GET, "/internal/teams/*/members/*")
                        .access(clientWithScope(clients.membership(), MEMBERSHIP_SCOPE))
                .requestMatchers(HttpMethod.GET, "/internal/teams/*/sms-recipients", "/internal/sms-recipients",
                        "/internal/teams/*/escalation")
                        .access(clientWithScope(clients.recipients(), RECIPIENTS_SCOPE))
                .requestMatchers(HttpMethod.GET, "/internal/phone-owners")
                        .access(clientWithScope(clients.phoneOwners(), PHONE_OWNERS_SCOPE))
                .requestMatchers(HttpMethod.POST, "/api/teams").hasRole("admin")
                .requestMatchers("/api/users/**").hasRole("admin")
                .requestMatchers("/api/**").authenticated());
    }
}
