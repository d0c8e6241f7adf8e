package dev.ticketsms.web.security;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * An internal endpoint answers one service only: the token must have been issued to that OAuth2 client
 * ({@code azp}, as Keycloak and Auth0 name it, or {@code client_id}, as RFC 9068 does) and carry the scope. A scope
 * alone is not enough: another service's client, or a user whose token happened to get the scope, is refused (403).
 */
public final class ServiceClientAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private final String clientId;
    private final String authority;

    private ServiceClientAccess(String clientId, String scope) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("An internal endpoint needs the client id of the service it answers");
        }
        this.clientId = clientId;
        this.authority = "SCOPE_" + scope;
    }

    /** Only tokens of {@code clientId} that carry {@code scope}. */
    public static ServiceClientAccess clientWithScope(String clientId, String scope) {
        return new ServiceClientAccess(clientId, scope);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        boolean granted = caller != null && caller.isAuthenticated()
                && caller.getPrincipal() instanceof Jwt token
                && clientId.equals(clientOf(token))
                && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
        return new AuthorizationDecision(granted);
    }

    /** The client a token was issued to; {@code azp} wins where both are present, as it names the requesting party. */
    static String clientOf(Jwt token) {
        String azp = token.getClaimAsString("azp");
        return azp != null ? azp : token.getClaimAsString("client_id");
    }

    @Override
    public String toString() {
        return "client " + clientId + " with " + authority;
    }
}
