package dev.ticketsms.profile.web;

import dev.ticketsms.web.security.BearerTokenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/** Membership changes are open to any user here: the team's owner may make them too, which Teams checks. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String RECIPIENTS_SCOPE = "SCOPE_notifications:recipients";

    /** ticket-service's membership check (read-your-writes on a replica miss). */
    static final String MEMBERSHIP_SCOPE = "SCOPE_teams:membership";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
        return BearerTokenApi.filterChain(http, json, rules -> rules
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                // before the general /internal/** rule: the recipient scope must not answer membership, nor the reverse
                .requestMatchers("/internal/teams/*/members/*").hasAuthority(MEMBERSHIP_SCOPE)
                .requestMatchers("/internal/**").hasAuthority(RECIPIENTS_SCOPE)
                .requestMatchers(HttpMethod.POST, "/api/teams").hasRole("admin")
                .requestMatchers("/api/users/**").hasRole("admin")
                .requestMatchers("/api/**").authenticated());
    }
}
