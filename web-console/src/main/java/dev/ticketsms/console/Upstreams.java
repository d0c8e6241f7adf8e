package dev.ticketsms.console;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Which service answers which path: the console forwards exactly the public APIs (and, when configured, the dev
 * issuer's token form and the sandbox's message list), nothing internal, no actuator.
 */
@Component
class Upstreams {

    /** Where one request goes: the service's name (for errors), and the full URI to call. */
    record Target(String service, URI uri) {
    }

    private record Route(String prefix, String service, URI base, String rewrittenPrefix) {

        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    private final List<Route> routes;

    Upstreams(ConsoleProperties properties) {
        var routes = new ArrayList<>(List.of(
                new Route("/api/tickets", "ticket-service", properties.ticketService(), "/api/tickets"),
                new Route("/api/user", "profile-service", properties.profileService(), "/api/user"),
                new Route("/api/users", "profile-service", properties.profileService(), "/api/users"),
                new Route("/api/teams", "profile-service", properties.profileService(), "/api/teams"),
                new Route("/api/phone-numbers", "profile-service", properties.profileService(), "/api/phone-numbers"),
                new Route("/api/notifications", "notification-service", properties.notificationService(), "/api/notifications"),
                new Route("/api/sms", "notification-service", properties.notificationService(), "/api/sms")));
        if (properties.devIdentity() != null) {
            routes.add(new Route("/dev/token", "token issuer", properties.devIdentity(), "/token"));
        }
        if (properties.smsSandbox() != null) {
            routes.add(new Route("/sandbox/messages", "sms-sandbox", properties.smsSandbox(), "/sandbox/messages"));
        }
        this.routes = List.copyOf(routes);
    }

    /**
     * @param rawPath  the request's path as sent (still percent-encoded, so an encoded slash stays one segment)
     * @param rawQuery the query string as sent, or null
     */
    Optional<Target> target(String rawPath, String rawQuery) {
        if (!isPlain(rawPath)) {
            return Optional.empty();
        }
        return routes.stream().filter(route -> route.matches(rawPath)).findFirst().map(route -> {
            String base = route.base().toString().replaceAll("/+$", "");
            String path = route.rewrittenPrefix() + rawPath.substring(route.prefix().length());
            try {
                return new Target(route.service(), new URI(base + path + (rawQuery == null ? "" : "?" + rawQuery)));
            } catch (URISyntaxException e) {
                throw new MalformedTargetException(e.getReason());
            }
        });
    }

    /**
     * No dot segments (also percent-encoded), empty segments, path parameters or backslashes: the service would
     * resolve them to another path than the one routed here ({@code /api/tickets/../../actuator}).
     */
    private static boolean isPlain(String rawPath) {
        String path = rawPath.toLowerCase(Locale.ROOT).replace("%2e", ".");
        if (path.contains(";") || path.contains("\\") || path.contains("%5c") || path.contains("//")) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    boolean devSignIn() {
        return routes.stream().anyMatch(route -> route.prefix().equals("/dev/token"));
    }

    boolean sandbox() {
        return routes.stream().anyMatch(route -> route.prefix().equals("/sandbox/messages"));
    }

    /** The path or query as sent is not a valid URI (a '%' without two hex digits after it, say): a 400, not a call. */
    static final class MalformedTargetException extends RuntimeException {

        MalformedTargetException(String reason) {
            super(reason);
        }
    }
}
