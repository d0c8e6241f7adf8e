package dev.ticketsms.notification.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * What notification-service talks to over HTTP, scripted per test: the token endpoint, profile-service's recipient
 * lookup and Twilio's Messages API. Every request is counted so tests can prove nothing was sent twice.
 */
final class FakeUpstreams implements AutoCloseable {

    record Reply(int status, String json) {
    }

    record SentSms(String to, String from, String body) {
    }

    private final HttpServer server;
    private final Map<String, String> recipientsByTeam = new ConcurrentHashMap<>();
    private final Queue<Reply> recipientFailures = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<Reply>> twilioRepliesByNumber = new ConcurrentHashMap<>();
    private final List<SentSms> twilioRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger recipientLookups = new AtomicInteger();
    private final AtomicInteger sids = new AtomicInteger();

    FakeUpstreams() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oauth2/token", exchange ->
                respond(exchange, new Reply(200, "{\"access_token\":\"service-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        server.createContext("/internal/teams/", this::recipients);
        server.createContext("/2010-04-01/Accounts/", this::twilio);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void teamHas(String teamId, String recipientsJson) {
        recipientsByTeam.put(teamId, recipientsJson);
    }

    void recipientLookupFailsFirst(int times) {
        for (int i = 0; i < times; i++) {
            recipientFailures.add(new Reply(503, "{\"title\":\"Service Unavailable\"}"));
        }
    }

    /** The next sends to {@code number} get these replies, in order; later ones are accepted. */
    void twilioAnswers(String number, Reply... replies) {
        twilioRepliesByNumber.computeIfAbsent(number, n -> new ConcurrentLinkedQueue<>()).addAll(List.of(replies));
    }

    static Reply twilioError(int status, int code) {
        return new Reply(status, """
                {"code":%d,"message":"error %d","more_info":"https://www.twilio.com/docs/errors/%d","status":%d}"""
                .formatted(code, code, code, status));
    }

    List<SentSms> twilioRequests() {
        return List.copyOf(twilioRequests);
    }

    int recipientLookups() {
        return recipientLookups.get();
    }

    private void recipients(HttpExchange exchange) throws IOException {
        recipientLookups.incrementAndGet();
        if (!"Bearer service-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, new Reply(401, "{}"));
            return;
        }
        Reply failure = recipientFailures.poll();
        if (failure != null) {
            respond(exchange, failure);
            return;
        }
        String teamId = exchange.getRequestURI().getPath().split("/")[3];
        String recipients = recipientsByTeam.get(teamId);
        respond(exchange, recipients == null
                ? new Reply(404, "{\"title\":\"Team not found\"}")
                : new Reply(200, recipients));
    }

    private void twilio(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        twilioRequests.add(new SentSms(form.get("To"), form.get("From"), form.get("Body")));
        Queue<Reply> scripted = twilioRepliesByNumber.get(form.get("To"));
        Reply reply = scripted == null ? null : scripted.poll();
        if (reply == null) {
            String sid = "SM%032x".formatted(sids.incrementAndGet());
            reply = new Reply(201, """
                    {"sid":"%s","status":"queued","to":"%s","from":"%s","body":"","num_segments":"1"}"""
                    .formatted(sid, form.get("To"), form.get("From")));
        }
        respond(exchange, reply);
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&"))
                .filter(pair -> pair.contains("="))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8), (a, b) -> b));
    }

    private static void respond(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
