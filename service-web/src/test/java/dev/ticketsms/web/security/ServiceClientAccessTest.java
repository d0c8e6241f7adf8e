package dev.ticketsms.web.security;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

/** profile-service's recipient lookup answers notification-service's client with the recipients scope, nobody else. */
class ServiceClientAccessTest {

    private final ServiceClientAccess recipients = ServiceClientAccess.clientWithScope("notification-service", "notifications:recipients");

    @Test
    void theIntendedClientWithTheScopeIsGranted() {
        assertThat(granted(token(claims -> claims.claim("client_id", "notification-service").claim("scope", "notifications:recipients")))).isTrue();
        assertThat(granted(token(claims -> claims.claim("azp", "notification-service").claim("scope", "notifications:recipients")))).isTrue();
    }

    @Test
    void anotherServicesClientIsRefusedEvenWithTheScope() {
        assertThat(granted(token(claims -> claims.claim("client_id", "ticket-service").claim("scope", "notifications:recipients")))).isFalse();
    }

    @Test
    void theIntendedClientWithoutTheScopeIsRefused() {
        assertThat(granted(token(claims -> claims.claim("client_id", "notification-service").claim("scope", "teams:membership")))).isFalse();
    }

    @Test
    void aUserTokenIsRefusedEvenWithTheScopeAndTheServicesNameAsSubject() {
        assertThat(granted(token(claims -> claims.subject("notification-service").claim("roles", java.util.List.of("admin"))
                .claim("scope", "notifications:recipients")))).isFalse();
    }

    @Test
    void azpWinsOverAClientIdClaimThatNamesAnotherClient() {
        assertThat(granted(token(claims -> claims.claim("azp", "ticket-service").claim("client_id", "notification-service")
                .claim("scope", "notifications:recipients")))).isFalse();
    }

    @Test
    void noAuthenticationIsRefused() {
        assertThat(recipients.authorize(() -> null, null).isGranted()).isFalse();
    }

    private boolean granted(Jwt token) {
        Authentication authentication = new JwtAuthenticationToken(token, new JwtAuthorities().convert(token));
        return recipients.authorize(() -> authentication, null).isGranted();
    }

    private static Jwt token(Consumer<Jwt.Builder> claims) {
        var builder = Jwt.withTokenValue("t").headers(headers -> headers.putAll(Map.of("alg", "RS256")))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).subject("someone");
        claims.accept(builder);
        return builder.build();
    }
}
