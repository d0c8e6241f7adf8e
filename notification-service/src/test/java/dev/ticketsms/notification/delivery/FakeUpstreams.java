package dev.ticketsms.notification.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * What notification-service talks to over HTTP, scripted per test: the token endpoint and profile-service's recipient
 * lookup on one server, Twilio's Messages API on another that a test can take down (connections refused) and bring
 * back on the same port. Every Twilio request is recorded with its arrival time, so tests can prove nothing was sent
 * twice and count the send rate.
 */
final class FakeUpstreams implements AutoCloseable {

    record Reply(int status, String json) {
    }

    /** One request to the Messages API and, if it was accepted, the SID it got. */
    record SentSms(String to, String from, String body, String statusCallback, Instant at, int status) {
    }

    private final HttpServer profileAndTokens;
    private final int twilioPort;
    private volatile HttpServer twilio;
    private final Map<String, String> recipientsByTeam = new ConcurrentHashMap<>();
    private final Map<String, String> recipientsByUser = new ConcurrentHashMap<>();
    private final Queue<Reply> recipientFailures = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<Reply>> twilioRepliesByNumber = new ConcurrentHashMap<>();
    private final Queue<Reply> twilioRepliesToEveryone = new ConcurrentLinkedQueue<>();
    private final List<SentSms> twilioRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger sids = new AtomicInteger();
    private volatile boolean profileServiceDown;

    FakeUpstreams() {
        profileAndTokens = server(0);
        profileAndTokens.createContext("/oauth2/token", exchange ->
                respond(exchange, new Reply(200, "{\"access_token\":\"service-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        profileAndTokens.createContext("/internal/teams/", this::recipients);
        profileAndTokens.createContext("/internal/sms-recipients", this::usersRecipients);
        profileAndTokens.start();
        twilio = startTwilio(0);
        twilioPort = twilio.getAddress().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + profileAndTokens.getAddress().getPort();
    }

    String twilioBaseUrl() {
        return "http://127.0.0.1:" + twilioPort;
    }

    void teamHas(String teamId, String recipientsJson) {
        recipientsByTeam.put(teamId, recipientsJson);
    }

    /** A user profile-service would return for a manual send: opted in with this number. */
    void userHas(String userId, String phone) {
        recipientsByUser.put(userId, "{\"userId\":\"%s\",\"phoneNumber\":\"%s\",\"displayName\":\"%s\"}"
                .formatted(userId, phone, userId));
    }

    void recipientLookupFailsFirst(int times) {
        for (int i = 0; i < times; i++) {
            recipientFailures.add(new Reply(503, "{\"title\":\"Service Unavailable\"}"));
        }
    }

    /** While down, every recipient lookup answers 503. */
    void profileServiceDown(boolean down) {
        profileServiceDown = down;
    }

    /** The next sends to {@code number} get these replies, in order; later ones are accepted. */
    void twilioAnswers(String number, Reply... replies) {
        twilioRepliesByNumber.computeIfAbsent(number, n -> new ConcurrentLinkedQueue<>()).addAll(List.of(replies));
    }

    /** The next sends to any number get these replies, in order, before any per-number script. */
    void twilioAnswersEveryone(Reply... replies) {
        twilioRepliesToEveryone.addAll(List.of(replies));
    }

    /** Twilio's port refuses connections until {@link #twilioUp()}. */
    void twilioDown() {
        twilio.stop(0);
    }

    void twilioUp() {
        twilio = startTwilio(twilioPort);
    }

    static Reply twilioError(int status, int code) {
        return new Reply(status, """
                {"code":%d,"message":"error %d","more_info":"https://www.twilio.com/docs/errors/%d","status":%d}"""
                .formatted(code, code, code, status));
    }

    List<SentSms> twilioRequests() {
        return List.copyOf(twilioRequests);
    }

    /** Requests Twilio accepted (201) for this number. */
    List<SentSms> acceptedFor(String number) {
        return twilioRequests.stream().filter(sms -> number.equals(sms.to()) && sms.status() == 201).toList();
    }

    private void recipients(HttpExchange exchange) throws IOException {
        if (!"Bearer service-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, new Reply(401, "{}"));
            return;
        }
        Reply failure = profileServiceDown ? new Reply(503, "{\"title\":\"Service Unavailable\"}") : recipientFailures.poll();
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

    private void usersRecipients(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String recipients = Arrays.stream(query == null ? new String[0] : query.split("&"))
                .filter(pair -> pair.startsWith("userId="))
                .map(pair -> URLDecoder.decode(pair.substring("userId=".length()), StandardCharsets.UTF_8))
                .map(recipientsByUser::get)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(",", "[", "]"));
        respond(exchange, new Reply(200, recipients));
    }

    private void messages(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Reply reply = twilioRepliesToEveryone.poll();
        if (reply == null) {
            Queue<Reply> scripted = twilioRepliesByNumber.get(form.get("To"));
            reply = scripted == null ? null : scripted.poll();
        }
        if (reply == null) {
            String sid = "SM%032x".formatted(sids.incrementAndGet());
            reply = new Reply(201, """
                    {"sid":"%s","status":"queued","to":"%s","from":"%s","body":"","num_segments":"1"}"""
                    .formatted(sid, form.get("To"), form.get("From")));
        }
        twilioRequests.add(new SentSms(form.get("To"), form.get("From"), form.get("Body"), form.get("StatusCallback"),
                Instant.now(), reply.status()));
        respond(exchange, reply);
    }

    private HttpServer startTwilio(int port) {
        HttpServer server = server(port);
        server.createContext("/2010-04-01/Accounts/", this::messages);
        server.start();
        return server;
    }

    private static HttpServer server(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        profileAndTokens.stop(0);
        twilio.stop(0);
    }
}
