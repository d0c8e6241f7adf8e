package dev.ticketsms.web.security;

import dev.ticketsms.web.ServiceWebProperties;
import dev.ticketsms.web.ServiceWebProperties.Access;
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
 * whose 401/403 are {@link SecurityProblems}, where health is open, the metrics and the API description are as open
 * as {@code service-web.exposure} says, and where anything the service's own access rules do not name is denied.
 */
public final class BearerTokenApi {

    private BearerTokenApi() {
    }

    /** The API description's paths: the document springdoc serves and its Swagger UI. */
    static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    public static SecurityFilterChain filterChain(HttpSecurity http, JsonMapper json, ServiceWebProperties.Exposure exposure,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> accessRules)
            throws Exception {
        var problems = new SecurityProblems(json);
        return http
                // a bearer-token API: no cookies, no sessions, so nothing for CSRF to ride on
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    access(requests.requestMatchers("/actuator/prometheus"), exposure.prometheus());
                    access(requests.requestMatchers(API_DOCS), exposure.apiDocs());
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

    private static void access(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl paths, Access access) {
        switch (access) {
            case OPEN -> paths.permitAll();
            case AUTHENTICATED -> paths.authenticated();
            case OFF -> paths.denyAll();
        }
    }
}
