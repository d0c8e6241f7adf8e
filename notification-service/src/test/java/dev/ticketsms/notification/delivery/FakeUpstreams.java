package dev.ticketsms.notification.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * What notification-service talks to over HTTP, scripted per test: the token endpoint, profile-service's recipient
 * and phone-owner lookups and ticket-service's SMS command endpoint on one server, Twilio's Messages API on another that a test can take down (connections refused) and bring
 * back on the same port. Every Twilio request is recorded with its arrival time, so tests can prove nothing was sent
 * twice and count the send rate.
 */
final class FakeUpstreams implements AutoCloseable {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** @param keep whether Twilio keeps (and will send) the message although it answers {@code status} */
    record Reply(int status, String json, boolean keep) {
        Reply(int status, String json) {
            this(status, json, false);
        }
    }

    /** A message Twilio holds, as its Messages list shows it. */
    record Held(String sid, String to, String from, String body, Instant createdAt) {
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
    private final Map<String, java.util.concurrent.CountDownLatch> heldAnswers = new ConcurrentHashMap<>();
    private final List<SentSms> twilioRequests = new CopyOnWriteArrayList<>();
    private final List<Held> held = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> recipientQueries = new CopyOnWriteArrayList<>();
    private final AtomicInteger listRequests = new AtomicInteger();
    /** Shared by every instance: Twilio's SIDs are unique across accounts, so a failover account's are too. */
    private static final AtomicInteger sids = new AtomicInteger();
    private volatile boolean profileServiceDown;
    private final Map<String, String> phoneOwners = new ConcurrentHashMap<>();
    private final Map<Long, Queue<Reply>> ticketCommandReplies = new ConcurrentHashMap<>();
    private final List<TicketCommand> ticketCommands = new CopyOnWriteArrayList<>();

    /** A command ticket-service was asked to apply: the ticket's number and the JSON body. */
    record TicketCommand(long number, String body) {
    }

    FakeUpstreams() {
        profileAndTokens = server(0);
        profileAndTokens.createContext("/oauth2/token", exchange ->
                respond(exchange, new Reply(200, "{\"access_token\":\"service-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        profileAndTokens.createContext("/internal/teams/", this::recipients);
        profileAndTokens.createContext("/internal/sms-recipients", this::usersRecipients);
        profileAndTokens.createContext("/internal/phone-owners", this::phoneOwner);
        profileAndTokens.createContext("/internal/tickets/by-number/", this::ticketCommand);
        profileAndTokens.start();
        twilio = startTwilio(0);
        twilioPort = twilio.getAddress().getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
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

    /** profile-service names this user as the owner of the verified number. */
    void phoneOwnedBy(String phone, String userId, String displayName) {
        phoneOwners.put(phone, "{\"userId\":\"%s\",\"displayName\":\"%s\"}".formatted(userId, displayName));
    }

    /** ticket-service answers the next commands for ticket {@code number} with these, in order; then 404. */
    void ticketServiceAnswers(long number, Reply... replies) {
        ticketCommandReplies.computeIfAbsent(number, n -> new ConcurrentLinkedQueue<>()).addAll(List.of(replies));
    }

    List<TicketCommand> ticketCommands() {
        return List.copyOf(ticketCommands);
    }

    /** The next recipient lookups get these answers, in order. */
    void recipientLookupAnswersFirst(Reply... replies) {
        recipientFailures.addAll(List.of(replies));
    }

    /** The decoded query parameters of every team lookup, in order. */
    List<Map<String, String>> recipientQueries() {
        return List.copyOf(recipientQueries);
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

    /**
     * The next send to this number waits for its answer until the returned latch is counted down (at most a minute);
     * later sends to it are answered at once.
     */
    java.util.concurrent.CountDownLatch holdNextAnswerTo(String number) {
        var release = new java.util.concurrent.CountDownLatch(1);
        heldAnswers.put(number, release);
        return release;
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

    /** Twilio keeps the message (it will be sent and listed) but the answer is this error: "outcome unknown". */
    static Reply keptButAnswered(int status, int code) {
        Reply error = twilioError(status, code);
        return new Reply(error.status(), error.json(), true);
    }

    /** A message Twilio has although nobody here sent it through the fake (it came from an earlier process). */
    void twilioHolds(String to, String from, String body, Instant createdAt) {
        held.add(new Held("SM%032x".formatted(sids.incrementAndGet()), to, from, body, createdAt));
    }

    /** Messages Twilio holds for this number (accepted, or kept despite an error answer). */
    List<Held> heldFor(String number) {
        return held.stream().filter(message -> number.equals(message.to())).toList();
    }

    int listRequests() {
        return listRequests.get();
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
        String rawQuery = exchange.getRequestURI().getRawQuery();
        recipientQueries.add(form(rawQuery == null ? "" : rawQuery));
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

    private void phoneOwner(HttpExchange exchange) throws IOException {
        if (!"Bearer service-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, new Reply(401, "{}"));
            return;
        }
        if (profileServiceDown) {
            respond(exchange, new Reply(503, "{\"title\":\"Service Unavailable\"}"));
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        String owner = phoneOwners.get(form(query == null ? "" : query).get("phoneNumber"));
        respond(exchange, owner == null ? new Reply(404, "{\"title\":\"No owner\"}") : new Reply(200, owner));
    }

    private void ticketCommand(HttpExchange exchange) throws IOException {
        if (!"Bearer service-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, new Reply(401, "{}"));
            return;
        }
        long number = Long.parseLong(exchange.getRequestURI().getPath().split("/")[4]);
        ticketCommands.add(new TicketCommand(number, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Queue<Reply> replies = ticketCommandReplies.get(number);
        Reply reply = replies == null ? null : replies.poll();
        respond(exchange, reply == null ? new Reply(404, "{\"title\":\"Ticket not found\"}") : reply);
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
        if ("GET".equals(exchange.getRequestMethod())) {
            list(exchange);
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        var hold = heldAnswers.remove(form.get("To"));
        if (hold != null) {
            try {
                hold.await(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Reply reply = twilioRepliesToEveryone.poll();
        if (reply == null) {
            Queue<Reply> scripted = twilioRepliesByNumber.get(form.get("To"));
            reply = scripted == null ? null : scripted.poll();
        }
        if (reply == null || reply.keep()) {
            String sid = "SM%032x".formatted(sids.incrementAndGet());
            held.add(new Held(sid, form.get("To"), form.get("From"), form.get("Body"), Instant.now()));
            if (reply == null) {
                reply = new Reply(201, """
                        {"sid":"%s","status":"queued","to":"%s","from":"%s","body":"","num_segments":"1"}"""
                        .formatted(sid, form.get("To"), form.get("From")));
            }
        }
        twilioRequests.add(new SentSms(form.get("To"), form.get("From"), form.get("Body"), form.get("StatusCallback"),
                Instant.now(), reply.status()));
        respond(exchange, reply);
    }

    /** Twilio's Messages list, filtered by To and From, newest first, one page. */
    private void list(HttpExchange exchange) throws IOException {
        listRequests.incrementAndGet();
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
        String messages = held.reversed().stream()
                .filter(message -> message.to().equals(query.get("To")))
                .filter(message -> query.get("From") == null || query.get("From").equals(message.from()))
                .map(message -> JSON.writeValueAsString(Map.of("sid", message.sid(), "to", message.to(),
                        "from", message.from(), "body", message.body(), "status", "sent", "num_segments", "1",
                        "date_created", DateTimeFormatter.RFC_1123_DATE_TIME.format(message.createdAt().atOffset(ZoneOffset.UTC)))))
                .collect(Collectors.joining(",", "[", "]"));
        respond(exchange, new Reply(200, """
                {"messages":%s,"uri":"%s","first_page_uri":"%s","next_page_uri":null,"previous_page_uri":null,
                 "page":0,"page_size":50,"start":0,"end":0}""".formatted(messages, exchange.getRequestURI(), exchange.getRequestURI())));
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
