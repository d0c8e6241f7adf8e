package dev.ticketsms.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The stack's HTTP APIs as a frontend, an admin and an operator use them. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VERIFICATION_CODE = Pattern.compile("(?i)verification code\\D{0,20}(\\d{6})\\b");
    /** The ticket link every ticket SMS ends with (notification-service's default ticket-url-template). */
    private static final Pattern TICKET_LINK = Pattern.compile("/tickets/([0-9a-f-]{36})");

    /** One SMS the sandbox accepted from the application for a ticket. */
    record TicketSms(UUID ticketId, String to, String sid, Instant receivedAt) {
    }

    /** The answer to one POST /api/tickets and how long it took. */
    record CreatedTicket(int status, UUID id, long nanos, Instant answeredAt) {
    }

    private final Stack stack;
    private final HttpClient http;

    Api(Stack stack) {
        this.stack = stack;
        this.http = stack.http();
    }

    String token(String userId, String... roles) {
        return stack.issuer().userToken(userId, userId, roles);
    }

    /** The user's number, opted in and confirmed with the code texted to the sandbox, as its owner would. */
    void verifiedPhone(String userId, String phone) throws Exception {
        String token = token(userId);
        Set<String> earlier = new HashSet<>();
        codesTo(phone).forEach(message -> earlier.add(message.get("sid").asString()));
        call(stack.profiles(), "POST", "/api/user/profile", token,
                "{\"phoneNumber\":\"%s\",\"smsNotificationsEnabled\":true}".formatted(phone), 200);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode message : codesTo(phone)) {
                if (!earlier.contains(message.get("sid").asString())) {
                    Matcher code = VERIFICATION_CODE.matcher(message.get("body").asString());
                    code.find();
                    call(stack.profiles(), "POST", "/api/user/profile/phone-verification", token,
                            "{\"code\":\"" + code.group(1) + "\"}", 200);
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no verification code reached " + phone + " within 90 s");
    }

    UUID team(String name, List<String> members) throws Exception {
        String admin = token("bench-admin", "admin");
        UUID team = UUID.fromString(call(stack.profiles(), "POST", "/api/teams", admin,
                "{\"name\":\"" + name + "\"}", 201).get("id").asString());
        for (String member : members) {
            call(stack.profiles(), "PUT", "/api/teams/" + team + "/members/" + member, admin, null, 204);
        }
        return team;
    }

    /** One POST /api/tickets; any answer (or a failure to connect, status 0) is returned, never thrown. */
    CreatedTicket createTicket(String token, UUID team) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = send(stack.tickets(), "POST", "/api/tickets", token, """
                    {"title":"Bench ticket","description":"measured","severity":"HIGH","category":"Technical","teamId":"%s"}"""
                    .formatted(team));
            long nanos = System.nanoTime() - started;
            UUID id = response.statusCode() == 201 ? UUID.fromString(JSON.readTree(response.body()).get("id").asString()) : null;
            return new CreatedTicket(response.statusCode(), id, nanos, Instant.now());
        } catch (IOException | InterruptedException e) {
            return new CreatedTicket(0, null, System.nanoTime() - started, Instant.now());
        }
    }

    /** Every ticket SMS the sandbox holds (outbound, with a ticket link), in arrival order. */
    List<TicketSms> ticketSms() throws Exception {
        var sms = new ArrayList<TicketSms>();
        for (JsonNode message : sandboxMessages()) {
            if (message.get("direction").asString().equals("outbound-api")) {
                Matcher link = TICKET_LINK.matcher(message.get("body").asString());
                if (link.find()) {
                    sms.add(new TicketSms(UUID.fromString(link.group(1)), message.get("to").asString(),
                            message.get("sid").asString(), Instant.parse(message.get("receivedAt").asString())));
                }
            }
        }
        return sms;
    }

    void clearSandbox() throws Exception {
        sandbox("DELETE", "/sandbox/messages", null, 204, 200);
        sandbox("DELETE", "/sandbox/faults", null, 204, 200);
    }

    void fault(String json) throws Exception {
        sandbox("POST", "/sandbox/faults", json, 201);
    }

    void clearFaults() throws Exception {
        sandbox("DELETE", "/sandbox/faults", null, 204, 200);
    }

    JsonNode sandboxStats() throws Exception {
        return JSON.readTree(sandbox("GET", "/sandbox/stats", null, 200));
    }

    private List<JsonNode> codesTo(String phone) throws Exception {
        var codes = new ArrayList<JsonNode>();
        String body = sandbox("GET", "/sandbox/messages?to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8), null, 200);
        for (JsonNode message : JSON.readTree(body)) {
            if (VERIFICATION_CODE.matcher(message.get("body").asString()).find()) {
                codes.add(message);
            }
        }
        return codes;
    }

    private List<JsonNode> sandboxMessages() throws Exception {
        var messages = new ArrayList<JsonNode>();
        JSON.readTree(sandbox("GET", "/sandbox/messages", null, 200)).forEach(messages::add);
        return messages;
    }

    private String sandbox(String method, String path, String json, int... expected) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(stack.sandbox().baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }

    private JsonNode call(Proc service, String method, String path, String token, String json, int expected) throws Exception {
        HttpResponse<String> response = send(service, method, path, token, json);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> send(Proc service, String method, String path, String token, String json)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
