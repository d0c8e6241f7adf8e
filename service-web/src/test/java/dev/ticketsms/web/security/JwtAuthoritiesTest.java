package dev.ticketsms.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtAuthoritiesTest {

    private final JwtAuthorities authorities = new JwtAuthorities();

    @Test
    void rolesBecomeSpringRoles() {
        var jwt = token().claim("roles", List.of("user", "admin")).build();

        assertThat(authorities.convert(jwt)).map(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_user", "ROLE_admin");
    }

    @Test
    void serviceScopesBecomeScopeAuthorities() {
        var jwt = token().claim("scope", "notifications:recipients profiles:read").build();

        assertThat(authorities.convert(jwt)).map(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("SCOPE_notifications:recipients", "SCOPE_profiles:read");
    }

    @Test
    void aTokenWithNeitherGrantsNothing() {
        assertThat(authorities.convert(token().build())).isEmpty();
    }

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject("someone");
    }
}
