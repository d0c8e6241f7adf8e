package dev.ticketsms.e2e;

import dev.ticketsms.events.Topics;
import dev.ticketsms.localstack.DevTokenIssuer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product with real servers, for the end-to-end tests: embedded Kafka (KRaft) and PostgreSQL and the dev
 * token issuer in the test JVM, the sandbox and the three services started from their runnable jars. It speaks to
 * them as a user and an operator would: the services' HTTP APIs, the sandbox's message list, the delivery ledger.
 */
final class TicketSmsSystem implements AutoCloseable {

    static final String FROM = "+15005550006";
    static final String TICKET_URL = "https://support.example.com/tickets/";

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    private static final String AUTH_TOKEN = "e2e-auth-token";
    private static final String SERVICE_CLIENT_ID = "notification-service";
    private static final String SERVICE_CLIENT_SECRET = "e2e-secret";
    private static final String TICKET_SERVICE_CLIENT_ID = "ticket-service";
    private static final String TICKET_SERVICE_CLIENT_SECRET = "e2e-ticket-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The code in notification-service's verification SMS ("Your ticket-sms verification code is 123456. ..."). */
    private static final Pattern VERIFICATION_CODE = Pattern.compile("(?i)verification code\\D{0,20}(\\d{6})\\b");

    /** The SIDs of the verification codes this fixture read and typed back: not what the tests watch for. */
    private final Set<String> verificationSids = ConcurrentHashMap.newKeySet();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ServiceProcess> services = new ArrayList<>();
    private static final Pattern WHOLE_PHONE_NUMBER = Pattern.compile("(?<![\\d*])\\+[1-9]\\d{9,14}(?![\\d*])");

    private final Path logs;
    private EmbeddedKafkaKraftBroker kafka;
    private EmbeddedPostgres postgres;
    private DevTokenIssuer identity;
    private OtlpTraceReceiver traces;
    private ServiceProcess sandbox;
    private ServiceProcess tickets;
    private ServiceProcess profiles;
    private ServiceProcess notifications;

    private TicketSmsSystem(String name) {
        this.logs = Path.of("target", "e2e-logs", name).toAbsolutePath();
    }

    /**
     * Starts everything and waits until every service is healthy; on failure whatever started is stopped again.
     *
     * @param name                 names the folder under {@code target/e2e-logs/} the services' logs go to
     * @param notificationSettings properties for notification-service on top of (or instead of) the usual ones
     */
    static TicketSmsSystem start(String name, Map<String, String> notificationSettings) throws Exception {
        var system = new TicketSmsSystem(name);
        try {
            system.startAll(notificationSettings);
            return system;
        } catch (Exception | AssertionError e) {
            system.close();
            throw e;
        }
    }

    private void startAll(Map<String, String> notificationSettings) throws Exception {
        kafka = new EmbeddedKafkaKraftBroker(1, 12, Topics.TICKET_EVENTS);
        kafka.afterPropertiesSet();
        postgres = EmbeddedPostgres.builder().start();
        try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            for (String database : List.of("tickets", "profiles", "notifications")) {
                statement.execute("CREATE DATABASE " + database);
            }
        }
        identity = DevTokenIssuer.start(0, Map.of(SERVICE_CLIENT_ID, SERVICE_CLIENT_SECRET,
                TICKET_SERVICE_CLIENT_ID, TICKET_SERVICE_CLIENT_SECRET));
        traces = OtlpTraceReceiver.start();

        // its SMTP server catches the email channel's messages, as in the local stack
        int smtpPort = ServiceProcess.freePort();
        sandbox = launch("sms-sandbox", Map.of(
                "sandbox.account-sid", ACCOUNT_SID,
                "sandbox.auth-token", AUTH_TOKEN,
                "sandbox.smtp.port", String.valueOf(smtpPort)));
        profiles = launch("profile-service", withCommon("profiles", Map.of()));
        // asks profile-service about a membership its replica has not seen yet (read-your-writes)
        tickets = launch("ticket-service", withCommon("tickets", Map.of(
                "tickets.profile-service.base-url", profiles.baseUrl(),
                "spring.security.oauth2.client.registration.profile-service.client-id", TICKET_SERVICE_CLIENT_ID,
                "spring.security.oauth2.client.registration.profile-service.client-secret", TICKET_SERVICE_CLIENT_SECRET,
                "spring.security.oauth2.client.provider.identity.token-uri", identity.oauth2TokenUri().toString())));
        var notificationProperties = new HashMap<>(Map.of(
                // the address the sandbox reaches it at: status callbacks and replies are signed for this URL
                "notifications.webhooks.public-base-url", "http://127.0.0.1:${server.port}",
                "twilio.account-sid", ACCOUNT_SID,
                "twilio.auth-token", AUTH_TOKEN,
                "twilio.phone-number", FROM,
                "twilio.api-base-url", sandbox.baseUrl(),
                "notifications.profile-service.base-url", profiles.baseUrl(),
                "notifications.templates.ticket-url-template", TICKET_URL + "{ticketId}",
                "spring.security.oauth2.client.registration.profile-service.client-id", SERVICE_CLIENT_ID,
                "spring.security.oauth2.client.registration.profile-service.client-secret", SERVICE_CLIENT_SECRET,
                "spring.security.oauth2.client.provider.identity.token-uri", identity.oauth2TokenUri().toString()));
        // members' SMS commands (RESOLVE 1234)
        notificationProperties.put("notifications.ticket-service.base-url", tickets.baseUrl());
        notificationProperties.put("spring.mail.host", "127.0.0.1");
        notificationProperties.put("spring.mail.port", String.valueOf(smtpPort));
        notificationProperties.putAll(notificationSettings);
        notifications = launch("notification-service", withCommon("notifications", notificationProperties));
        for (ServiceProcess service : services) {
            service.awaitHealthy(http, Duration.ofSeconds(120));
        }
    }

    /**
     * The web console in front of this system, as {@code ./run-local.sh} runs it: forwarding to the three services,
     * with the dev issuer's sign-in form and the sandbox as the user's phone. {@link #close()} stops it.
     */
    ServiceProcess startConsole() throws Exception {
        ServiceProcess console = launch("web-console", Map.of(
                "console.ticket-service", tickets.baseUrl(),
                "console.profile-service", profiles.baseUrl(),
                "console.notification-service", notifications.baseUrl(),
                "console.dev-identity", identity.issuer(),
                "console.sms-sandbox", sandbox.baseUrl()));
        console.awaitHealthy(http, Duration.ofSeconds(120));
        return console;
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess service : services) {
            service.close();
        }
        if (identity != null) {
            identity.close();
        }
        if (traces != null) {
            traces.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    ServiceProcess tickets() {
        return tickets;
    }

    /** A service's metrics as Prometheus asks for them (OpenMetrics, where exemplars would appear). */
    String scrape(ServiceProcess service) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/prometheus"))
                .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5").build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The spans the three services exported. */
    OtlpTraceReceiver traces() {
        return traces;
    }

    ServiceProcess profiles() {
        return profiles;
    }

    ServiceProcess notifications() {
        return notifications;
    }

    DevTokenIssuer identity() {
        return identity;
    }

    HttpClient http() {
        return http;
    }

    String userToken(String userId, String name, String... roles) {
        return identity.userToken(userId, name, roles);
    }

    /** The user's phone number, opted in to SMS and verified, with default preferences. */
    void savePhone(String token, String phone) throws Exception {
        savePhone(token, phone, null);
    }

    /** The user's phone number, opted in to SMS and verified, with these preferences (JSON object; null: defaults). */
    void savePhone(String token, String phone, String preferences) throws Exception {
        saveVerifiedProfile(token, """
                {"phoneNumber":"%s","smsNotificationsEnabled":true%s}"""
                .formatted(phone, preferences == null ? "" : ",\"preferences\":" + preferences));
    }

    /**
     * Saves a profile as its user; a new number is then confirmed with the code texted to it, read from the sandbox as
     * the user would read it on their phone. Answers the profile as saved (phoneNumberStatus UNVERIFIED then).
     */
    JsonNode saveVerifiedProfile(String token, String json) throws Exception {
        JsonNode saved = call(profiles, "POST", "/api/user/profile", token, json, 200);
        if ("UNVERIFIED".equals(saved.get("phoneNumberStatus").asString())) {
            confirmNumber(token, saved.get("phoneNumber").asString());
        }
        return saved;
    }

    /**
     * Types back the verification code texted to {@code phone} (E.164). The code comes from notification-service
     * consuming profile-service's PhoneVerificationRequested; the wait for it is bounded.
     */
    void confirmNumber(String token, String phone) throws Exception {
        var sms = new AtomicReference<JsonNode>();
        await("a verification code texted to " + phone).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    sms.set(newestUnusedCodeTo(phone).orElse(null));
                    return sms.get() != null;
                });
        Matcher code = VERIFICATION_CODE.matcher(sms.get().get("body").asString());
        assertThat(code.find()).isTrue();
        verificationSids.add(sms.get().get("sid").asString());
        JsonNode verified = call(profiles, "POST", "/api/user/profile/phone-verification", token, """
                {"code":"%s"}""".formatted(code.group(1)), 200);
        assertThat(verified.get("phoneNumberStatus").asString()).isEqualTo("OK");
    }

    /** The verification codes texted to these phones, whether or not this fixture typed them back. */
    List<JsonNode> verificationCodesTo(String... phones) throws Exception {
        return allOutboundMessages().stream()
                .filter(message -> List.of(phones).contains(message.get("to").asString()))
                .filter(message -> VERIFICATION_CODE.matcher(message.get("body").asString()).find())
                .toList();
    }

    private Optional<JsonNode> newestUnusedCodeTo(String phone) throws Exception {
        return verificationCodesTo(phone).stream()
                .filter(message -> !verificationSids.contains(message.get("sid").asString()))
                .reduce((older, newer) -> newer);
    }

    /**
     * Lines of the services' logs that hold a whole phone number (E.164, not masked): there must be none, since
     * numbers are personal data and logs travel further than the database.
     */
    List<String> logLinesWithAWholePhoneNumber() throws IOException {
        var found = new ArrayList<String>();
        try (var files = Files.list(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try (var lines = Files.lines(file)) {
                    lines.filter(line -> WHOLE_PHONE_NUMBER.matcher(line).find())
                            .forEach(line -> found.add(file.getFileName() + ": " + line));
                }
            }
        }
        return found;
    }

    /** A team with these members, created by an admin. */
    String team(String adminToken, String name, String... members) throws Exception {
        String teamId = call(profiles, "POST", "/api/teams", adminToken, """
                {"name":"%s"}""".formatted(name), 201).get("id").asString();
        for (String member : members) {
            call(profiles, "PUT", "/api/teams/" + teamId + "/members/" + member, adminToken, null, 204);
        }
        return teamId;
    }

    /**
     * Creates a ticket and answers its id. ticket-service learns a membership from profiles.events.v1 moments after
     * profile-service accepted it, so a 403 is tried again until it knows.
     */
    String createTicketOnceMember(String token, String body) throws Exception {
        return createTicketOnceMember(token, body, Map.of());
    }

    /** As {@link #createTicketOnceMember(String, String)}, the request carrying these headers too. */
    String createTicketOnceMember(String token, String body, Map<String, String> headers) throws Exception {
        var created = new AtomicReference<HttpResponse<String>>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            created.set(send(tickets, "POST", "/api/tickets", token, body, headers));
            return created.get().statusCode() != 403;
        });
        assertThat(created.get().statusCode()).as("POST /api/tickets answered %s", created.get().body()).isEqualTo(201);
        return JSON.readTree(created.get().body()).get("id").asString();
    }

    /** One of the sandbox's own endpoints (faults, callback settings); answers its JSON. */
    JsonNode sandbox(String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body()).isLessThan(300);
        return response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
    }

    /** A reply from a phone, posted by the sandbox (signed) to notification-service's inbound webhook. */
    JsonNode reply(String from, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/inbound"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"from":"%s","to":"%s","body":"%s","webhookUrl":"%s/webhooks/twilio/inbound"}"""
                        .formatted(from, FROM, body, notifications.baseUrl())))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /**
     * SMS the application sent to these phones (not inbound replies, not the sandbox's TwiML answers, not the
     * verification codes this fixture typed back).
     */
    List<JsonNode> messagesTo(String... phones) throws Exception {
        return outboundMessages().stream()
                .filter(message -> List.of(phones).contains(message.get("to").asString()))
                .toList();
    }

    /** The emails the sandbox's SMTP server received for this address, oldest first. */
    List<JsonNode> emailsTo(String address) throws Exception {
        var found = new ArrayList<JsonNode>();
        call(sandbox, "GET", "/sandbox/emails?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8), null, null, 200)
                .forEach(found::add);
        return found;
    }

    /** Every SMS the application sent through the sandbox, oldest first, but the verification codes typed back. */
    List<JsonNode> outboundMessages() throws Exception {
        return allOutboundMessages().stream()
                .filter(message -> !verificationSids.contains(message.get("sid").asString()))
                .toList();
    }

    private List<JsonNode> allOutboundMessages() throws Exception {
        return sandboxMessages().stream()
                .filter(message -> message.get("direction").asString().startsWith("outbound-api"))
                .toList();
    }

    private List<JsonNode> sandboxMessages() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/messages")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        var messages = new ArrayList<JsonNode>();
        JSON.readTree(response.body()).forEach(messages::add);
        return messages;
    }

    /** One row of notification-service's delivery ledger ({@code deliveries}). */
    record LedgerRow(String ticketId, String kind, String eventId, String userId, String status, String sid) {
    }

    /** The ledger rows of one ticket's messages of one kind, by user id. */
    Map<String, LedgerRow> ledgerOf(String ticketId, String kind) throws Exception {
        var rows = new HashMap<String, LedgerRow>();
        for (LedgerRow row : ledgerOf(List.of(ticketId))) {
            if (row.kind().equals(kind)) {
                rows.put(row.userId(), row);
            }
        }
        return rows;
    }

    /** Every ledger row of these tickets' messages. */
    List<LedgerRow> ledgerOf(Collection<String> ticketIds) throws Exception {
        var rows = new ArrayList<LedgerRow>();
        try (var connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "notifications"));
             var query = connection.prepareStatement(
                     "SELECT ticket_id, kind, event_id, user_id, status, twilio_sid FROM deliveries WHERE ticket_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ticketIds.stream().map(UUID::fromString).toArray()));
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new LedgerRow(result.getString("ticket_id"), result.getString("kind"),
                            result.getString("event_id"), result.getString("user_id"), result.getString("status"),
                            result.getString("twilio_sid")));
                }
            }
        }
        return rows;
    }

    JsonNode call(ServiceProcess service, String method, String path, String token, String json,
                  int expectedStatus) throws Exception {
        HttpResponse<String> response = send(service, method, path, token, json);
        assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> send(ServiceProcess service, String method, String path, String token, String json)
            throws Exception {
        return send(service, method, path, token, json, Map.of());
    }

    private HttpResponse<String> send(ServiceProcess service, String method, String path, String token, String json,
                                      Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private ServiceProcess launch(String module, Map<String, String> properties) throws Exception {
        ServiceProcess service = ServiceProcess.start(module, properties, logs);
        services.add(service);
        return service;
    }

    private Map<String, String> withCommon(String database, Map<String, String> own) {
        var properties = new HashMap<>(own);
        // the development values (the audience the dev issuer mints for, among others); the ones below win over them
        properties.put("spring.profiles.active", "local");
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", database));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("spring.kafka.bootstrap-servers", kafka.getBrokersAsString());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", identity.jwksUri().toString());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", identity.issuer());
        // spans go to the test's collector, at once rather than every 5 s
        properties.put("management.opentelemetry.tracing.export.otlp.endpoint", traces.endpoint());
        properties.put("management.opentelemetry.tracing.export.schedule-delay", "200ms");
        return properties;
    }
}
