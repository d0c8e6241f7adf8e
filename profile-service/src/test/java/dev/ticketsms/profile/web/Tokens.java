package dev.ticketsms.profile.web;

import dev.ticketsms.web.security.JwtAuthorities;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** Tokens shaped like the issuer's; authorities come from the service's own claim mapping. */
public final class Tokens {

    private Tokens() {
    }

    public static JwtRequestPostProcessor user(String userId, String name) {
        return token(claims -> claims.subject(userId).claim("name", name).claim("roles", List.of("user")));
    }

    public static JwtRequestPostProcessor admin(String userId) {
        return token(claims -> claims.subject(userId).claim("name", "Admin " + userId).claim("roles", List.of("user", "admin")));
    }

    /** A service token as its intended client gets it: teams:membership for ticket-service, else notification-service. */
    public static JwtRequestPostProcessor service(String scope) {
        return client("teams:membership".equals(scope) ? "ticket-service" : "notification-service", scope);
    }

    /** A client-credentials token of {@code clientId}, shaped like the dev issuer's. */
    public static JwtRequestPostProcessor client(String clientId, String scope) {
        return token(claims -> claims.subject(clientId).claim("client_id", clientId).claim("azp", clientId).claim("scope", scope));
    }

    private static JwtRequestPostProcessor token(Consumer<Jwt.Builder> claims) {
        // spring-security-test's default token carries scope "read"; start without it
        Consumer<Jwt.Builder> withoutDefaultScope = builder -> builder.claims(all -> all.remove("scope"));
        return jwt().jwt(withoutDefaultScope.andThen(claims)).authorities(new JwtAuthorities());
    }
}
