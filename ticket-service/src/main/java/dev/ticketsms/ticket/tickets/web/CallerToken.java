package dev.ticketsms.ticket.tickets.web;

import dev.ticketsms.ticket.tickets.Caller;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the caller from the token, as service-web's {@code JwtAuthorities} mapped it ({@code roles: [admin]} → ROLE_admin). */
final class CallerToken {

    private static final String ADMIN = "ROLE_admin";

    private CallerToken() {
    }

    static Caller callerOf(JwtAuthenticationToken token) {
        String userId = token.getToken().getSubject();
        String name = token.getToken().getClaimAsString("name");
        boolean admin = token.getAuthorities().stream().anyMatch(authority -> ADMIN.equals(authority.getAuthority()));
        return new Caller(userId, name == null || name.isBlank() ? userId : name, admin);
    }
}
