package dev.ticketsms.ticket;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * profile-service's membership answer ({@code GET /internal/teams/{teamId}/members/{userId}}, as its contract
 * says) and the token endpoint, on 127.0.0.1: the other service, scripted per test, not a mock of Kafka or the DB.
 */
final class ProfileServiceStandIn {

    static final String SERVICE_TOKEN = "membership-service-token";

    private final HttpServer server;
    private final Set<UUID> teams = ConcurrentHashMap.newKeySet();
    private final Set<String> members = ConcurrentHashMap.newKeySet();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> askedUserIds = new CopyOnWriteArrayList<>();
    private final AtomicInteger membershipRequests = new AtomicInteger();

    ProfileServiceStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/oauth2/token", this::token);
        server.createContext("/internal/teams/", this::membership);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** profile-service knows the team, and the user is one of its members (the replica may not know yet). */
    void hasMember(UUID teamId, String userId) {
        teams.add(teamId);
        members.add(teamId + "/" + userId);
    }

    void hasTeam(UUID teamId) {
        teams.add(teamId);
    }

    int membershipRequests() {
        return membershipRequests.get();
    }

    List<String> askedUserIds() {
        return List.copyOf(askedUserIds);
    }

    List<String> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        respond(exchange, 200, "application/json", """
                {"access_token":"%s","token_type":"Bearer","expires_in":3600}""".formatted(SERVICE_TOKEN));
    }

    private void membership(HttpExchange exchange) throws IOException {
        membershipRequests.incrementAndGet();
        if (!("Bearer " + SERVICE_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "application/problem+json", "{\"status\":401}");
            return;
        }
        // /internal/teams/{teamId}/members/{userId}, each segment percent-encoded by the caller
        String[] segments = exchange.getRequestURI().getRawPath().split("/");
        UUID teamId = UUID.fromString(segments[3]);
        String userId = URLDecoder.decode(segments[5].replace("+", "%2B"), StandardCharsets.UTF_8);
        askedUserIds.add(userId);
        if (!teams.contains(teamId)) {
            respond(exchange, 404, "application/problem+json", """
                    {"type":"https://ticket-sms.dev/problems/team-not-found","title":"Team not found","status":404}""");
            return;
        }
        respond(exchange, 200, "application/json", """
                {"teamId":"%s","userId":"%s","member":%s}""".formatted(teamId, userId.replace("\"", "\\\""),
                members.contains(teamId + "/" + userId)));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
