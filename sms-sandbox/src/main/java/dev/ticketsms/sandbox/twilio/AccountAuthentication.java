package dev.ticketsms.sandbox.twilio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.ticketsms.sandbox.SandboxProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Twilio's HTTP basic auth: account SID and auth token, and the account in the path must be the
 * authenticated one. Anything else is 401 with error 20003, as Twilio answers.
 */
class AccountAuthentication implements HandlerInterceptor {

    private static final Pattern ACCOUNT_IN_PATH = Pattern.compile("/2010-04-01/Accounts/([^/.]+)");

    private final byte[] accountSid;
    private final byte[] authToken;

    AccountAuthentication(SandboxProperties properties) {
        this.accountSid = properties.accountSid().getBytes(StandardCharsets.UTF_8);
        this.authToken = properties.authToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var credentials = basicCredentials(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (credentials == null
                || !matches(credentials.username(), accountSid)
                || !matches(credentials.password(), authToken)
                || !pathAccountIsAuthenticated(request, credentials.username())) {
            throw TwilioApiException.authenticate();
        }
        return true;
    }

    private record BasicCredentials(String username, String password) {
    }

    private static BasicCredentials basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            var decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            var colon = decoded.indexOf(':');
            return colon < 0 ? null : new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static boolean matches(String given, byte[] expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static boolean pathAccountIsAuthenticated(HttpServletRequest request, String authenticatedSid) {
        @SuppressWarnings("unchecked")
        var pathVariables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        var pathSid = pathVariables == null ? null : pathVariables.get("AccountSid");
        if (pathSid == null) {
            // a path the sandbox does not serve still names an account, and it must be the caller's
            var unmapped = ACCOUNT_IN_PATH.matcher(request.getRequestURI());
            pathSid = unmapped.lookingAt() ? unmapped.group(1) : null;
        }
        return pathSid == null || pathSid.equals(authenticatedSid);
    }
}
