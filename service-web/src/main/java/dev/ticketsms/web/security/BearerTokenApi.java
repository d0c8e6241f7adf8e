package dev.ticketsms.web.security;

import jakarta.servlet.DispatcherType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filter chain every service runs: a stateless bearer-token API whose JWTs are read by {@link JwtAuthorities},
 * whose 401/403 are {@link SecurityProblems}, where health and metrics are open, and where anything the service's
 * own access rules do not name is denied.
 */
public final class BearerTokenApi {

    private BearerTokenApi() {
    }

    public static SecurityFilterChain filterChain(HttpSecurity http, JsonMapper json,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> accessRules)
            throws Exception {
        var problems = new SecurityProblems(json);
        return http
                // a bearer-token API: no cookies, no sessions, so nothing for CSRF to ride on
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers("/actuator/health/**", "/actuator/prometheus").permitAll();
                    accessRules.customize(requests);
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(JwtAuthorities.authenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }
}
