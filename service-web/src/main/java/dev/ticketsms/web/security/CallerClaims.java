package dev.ticketsms.web.security;

import java.util.ArrayList;
import java.util.List;

import dev.ticketsms.web.input.NulCharacters;
import dev.ticketsms.web.problems.InvalidField;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The token claims services store or echo, {@code sub} (user id columns) and {@code name} (display name columns),
 * must fit where they are stored: every service keeps them in {@code VARCHAR(255)} (tickets.created_by/_by_name,
 * profiles.user_id/display_name, team_members.user_id, deliveries.user_id/requested_by). A token breaking that is
 * a 400 naming the claim before the handler runs, not a 500 from a failed insert; silently cutting a user id
 * would make it another user's, so nothing is truncated.
 */
public final class CallerClaims implements HandlerInterceptor {

    /** The narrowest column any service stores {@code sub} or {@code name} in. */
    public static final int MAX_LENGTH = 255;

    private static final List<String> STORED = List.of("sub", "name");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod && caller() instanceof Jwt token) {
            List<InvalidField> refused = refusedClaims(token);
            if (!refused.isEmpty()) {
                var problem = InvalidField.problem("The token's " + refused.getFirst().field() + " claim "
                        + refused.getFirst().message(), refused);
                throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
            }
        }
        return true;
    }

    /** The stored claims that do not fit, each with why; empty when the token is fine. */
    public static List<InvalidField> refusedClaims(Jwt token) {
        var refused = new ArrayList<InvalidField>();
        for (String claim : STORED) {
            if (token.getClaims().get(claim) instanceof String value) {
                if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
                    refused.add(new InvalidField(claim, "must be at most " + MAX_LENGTH + " characters"));
                } else if (NulCharacters.in(value)) {
                    refused.add(new InvalidField(claim, NulCharacters.REASON));
                }
            }
        }
        return refused;
    }

    private static Object caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getPrincipal();
    }
}
