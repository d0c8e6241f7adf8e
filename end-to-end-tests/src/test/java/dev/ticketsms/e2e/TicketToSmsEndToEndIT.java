package dev.ticketsms.e2e;

import dev.ticketsms.events.Topics;
import dev.ticketsms.localstack.DevTokenIssuer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product once, with real servers: embedded Kafka (KRaft) and PostgreSQL, a token issuer, and the
 * sandbox and the three services started from their runnable jars. A ticket created through the API must reach
 * every opted-in team member with a phone number as one SMS, and nobody else.
 */
class TicketToSmsEndToEndIT {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    private static final String AUTH_TOKEN = "e2e-auth-token";
    private static final String FROM = "+15005550006";
    private static final String SERVICE_CLIENT_ID = "notification-service";
    private static final String SERVICE_CLIENT_SECRET = "e2e-secret";
    private static final String TICKET_SERVICE_CLIENT_ID = "ticket-service";
    private static final String TICKET_SERVICE_CLIENT_SECRET = "e2e-ticket-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static EmbeddedKafkaKraftBroker kafka;
    private static EmbeddedPostgres postgres;
    private static DevTokenIssuer identity;
    private static ServiceProcess sandbox;
    private static ServiceProcess tickets;
    private static ServiceProcess profiles;
    private static ServiceProcess notifications;

    @BeforeAll
    static void startTheSystem() throws Exception {
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

        sandbox = start("sms-sandbox", Map.of(
                "sandbox.account-sid", ACCOUNT_SID,
                "sandbox.auth-token", AUTH_TOKEN));
        profiles = start("profile-service", withCommon("profiles", Map.of()));
        // asks profile-service about a membership its replica has not seen yet (read-your-writes)
        tickets = start("ticket-service", withCommon("tickets", Map.of(
                "tickets.profile-service.base-url", profiles.baseUrl(),
                "spring.security.oauth2.client.registration.profile-service.client-id", TICKET_SERVICE_CLIENT_ID,
                "spring.security.oauth2.client.registration.profile-service.client-secret", TICKET_SERVICE_CLIENT_SECRET,
                "spring.security.oauth2.client.provider.identity.token-uri", identity.oauth2TokenUri().toString())));
        notifications = start("notification-service", withCommon("notifications", Map.of(
                // the address the sandbox reaches it at: status callbacks and replies are signed for this URL
                "notifications.webhooks.public-base-url", "http://127.0.0.1:${server.port}",
                "twilio.account-sid", ACCOUNT_SID,
                "twilio.auth-token", AUTH_TOKEN,
                "twilio.phone-number", FROM,
                "twilio.api-base-url", sandbox.baseUrl(),
                "notifications.profile-service.base-url", profiles.baseUrl(),
                "notifications.templates.ticket-url-template", "https://support.example.com/tickets/{ticketId}",
                "spring.security.oauth2.client.registration.profile-service.client-id", SERVICE_CLIENT_ID,
                "spring.security.oauth2.client.registration.profile-service.client-secret", SERVICE_CLIENT_SECRET,
                "spring.security.oauth2.client.provider.identity.token-uri", identity.oauth2TokenUri().toString())));
        for (ServiceProcess service : services) {
            service.awaitHealthy(http, Duration.ofSeconds(120));
        }
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        for (ServiceProcess service : services) {
            service.close();
        }
        if (identity != null) {
            identity.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    void aNewTicketTextsEveryOptedInTeamMemberWithAPhoneAndNobodyElse() throws Exception {
        String admin = identity.userToken("admin-1", "Ada Admin", "admin");
        String optedIn = identity.userToken("alice", "Alice Agent");
        String alsoOptedIn = identity.userToken("erin", "Erin Engineer");
        String optedOut = identity.userToken("bob", "Bob Agent");
        String noPhone = identity.userToken("carol", "Carol Agent");
        String creator = identity.userToken("dave", "John Doe");

        call(profiles, "POST", "/api/user/profile", optedIn, """
                {"phoneNumber":"+1 (415) 555-0101","smsNotificationsEnabled":true}""", 200);
        call(profiles, "POST", "/api/user/profile", alsoOptedIn, """
                {"phoneNumber":"+49 151 23456789","smsNotificationsEnabled":true}""", 200);
        call(profiles, "POST", "/api/user/profile", optedOut, """
                {"phoneNumber":"+14155550102","smsNotificationsEnabled":false}""", 200);
        call(profiles, "POST", "/api/user/profile", noPhone, """
                {"smsNotificationsEnabled":true}""", 200);
        String teamId = team(admin, "Database team", "alice", "erin", "bob", "carol", "dave");

        String ticketId = createTicketOnceMember(teamId, creator, """
                {"title":"Database Connection Issue","description":"Connection pool exhausted","severity":"HIGH",
                 "category":"Technical","teamId":"%s"}""".formatted(teamId));

        // everybody in the team is watched: only the two opted-in members with a phone may get anything
        String[] team = {"+14155550101", "+4915123456789", "+14155550102"};
        await().atMost(Duration.ofSeconds(60)).until(() -> messagesTo(team).size() >= 2);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> messagesTo(team).size() == 2);

        List<JsonNode> sms = messagesTo(team);
        assertThat(sms).extracting(message -> message.get("to").asString())
                .containsExactlyInAnyOrder("+14155550101", "+4915123456789");
        assertThat(sms).allSatisfy(message -> {
            assertThat(message.get("from").asString()).isEqualTo(FROM);
            assertThat(message.get("body").asString()).isEqualTo("""
                    New Support Ticket Created
                    Title: Database Connection Issue
                    Severity: High
                    Category: Technical
                    Created by: John Doe

                    View ticket: https://support.example.com/tickets/%s""".formatted(ticketId));
        });

        // the sandbox's signed status callbacks carry each row from SENT to DELIVERED
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ledgerOf(ticketId, "TICKET_CREATED"))
                .as("one ledger row per opted-in member, with the sandbox's SID, delivered")
                .containsOnlyKeys("alice", "erin")
                .allSatisfy((user, row) -> assertThat(row.status()).isEqualTo("DELIVERED"))
                .extractingFromEntries(entry -> entry.getValue().sid())
                .containsExactlyInAnyOrder(sms.get(0).get("sid").asString(), sms.get(1).get("sid").asString()));

        call(tickets, "PATCH", "/api/tickets/" + ticketId + "/status", creator, """
                {"status":"RESOLVED"}""", 200);

        await().atMost(Duration.ofSeconds(60)).until(() -> messagesTo(team).size() >= 4);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> messagesTo(team).size() == 4);
        List<JsonNode> updates = messagesTo(team).stream()
                .filter(message -> message.get("body").asString().startsWith("Ticket Status Updated")).toList();
        assertThat(updates).extracting(message -> message.get("to").asString())
                .containsExactlyInAnyOrder("+14155550101", "+4915123456789");
        assertThat(updates.getFirst().get("body").asString()).isEqualTo("""
                Ticket Status Updated
                Ticket: Database Connection Issue
                Status: Open -> Resolved
                Severity: High

                View ticket: https://support.example.com/tickets/%s""".formatted(ticketId));
    }

    @Test
    void aMemberWhoRepliesStopGetsNothingUntilTheyReplyStart() throws Exception {
        String admin = identity.userToken("admin-2", "Ada Admin", "admin");
        String grace = identity.userToken("grace", "Grace Agent");
        String henry = identity.userToken("henry", "Henry Agent");
        String creator = identity.userToken("ivan", "Ivan Lead");
        call(profiles, "POST", "/api/user/profile", grace, """
                {"phoneNumber":"+14155550111","smsNotificationsEnabled":true}""", 200);
        call(profiles, "POST", "/api/user/profile", henry, """
                {"phoneNumber":"+14155550112","smsNotificationsEnabled":true}""", 200);
        String teamId = team(admin, "Payments team", "grace", "henry", "ivan");

        JsonNode stop = reply("+14155550111", "stop");
        assertThat(stop.get("webhookStatus").asInt()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(call(profiles, "GET", "/api/user/profile", grace, null, 200).get("smsNotificationsEnabled").asBoolean())
                    .as("profile-service applied the STOP").isFalse();
            assertThat(call(profiles, "GET", "/api/user/profile/sms-consent-history", grace, null, 200).get(0).get("source").asString())
                    .isEqualTo("SMS");
        });

        String first = createTicketOnceMember(teamId, creator, """
                {"title":"Card payments declined","severity":"HIGH","category":"Payments","teamId":"%s"}""".formatted(teamId));
        await().atMost(Duration.ofSeconds(60)).until(() -> messagesTo("+14155550112").size() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> messagesTo("+14155550111").isEmpty());
        assertThat(messagesTo("+14155550112").getFirst().get("body").asString()).contains("Card payments declined", first);

        JsonNode help = reply("+14155550111", "HELP");
        assertThat(help.get("webhookBody").asString()).contains("<Message>").containsIgnoringCase("STOP");

        reply("+14155550111", "START");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                call(profiles, "GET", "/api/user/profile", grace, null, 200).get("smsNotificationsEnabled").asBoolean());
        call(tickets, "PATCH", "/api/tickets/" + first + "/status", creator, """
                {"status":"IN_PROGRESS"}""", 200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(messagesTo("+14155550111"))
                .extracting(message -> message.get("body").asString())
                .anySatisfy(body -> assertThat(body).startsWith("Ticket Status Updated").contains("Open -> In Progress")));
    }

    private static JsonNode reply(String from, String body) throws Exception {
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

    private static String team(String adminToken, String name, String... members) throws Exception {
        String teamId = call(profiles, "POST", "/api/teams", adminToken, """
                {"name":"%s"}""".formatted(name), 201).get("id").asString();
        for (String member : members) {
            call(profiles, "PUT", "/api/teams/" + teamId + "/members/" + member, adminToken, null, 204);
        }
        return teamId;
    }

    /** ticket-service learns a membership from profiles.events.v1 moments after profile-service accepted it. */
    private static String createTicketOnceMember(String teamId, String token, String body) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> status(tickets, "POST", "/api/tickets", token, body) != 403);
        return onlyTicketOf(teamId, token);
    }

    /** SMS the application sent to these phones (not inbound replies, not the sandbox's TwiML answers). */
    private static List<JsonNode> messagesTo(String... phones) throws Exception {
        return sandboxMessages().stream()
                .filter(message -> List.of(phones).contains(message.get("to").asString()))
                .filter(message -> message.get("direction").asString().startsWith("outbound-api"))
                .toList();
    }

    private record LedgerRow(String status, String sid) {
    }

    private static Map<String, LedgerRow> ledgerOf(String ticketId, String kind) throws Exception {
        var rows = new java.util.HashMap<String, LedgerRow>();
        try (var connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "notifications"));
             var query = connection.prepareStatement(
                     "SELECT user_id, status, twilio_sid FROM deliveries WHERE ticket_id = ? AND kind = ?")) {
            query.setObject(1, UUID.fromString(ticketId));
            query.setString(2, kind);
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString("user_id"), new LedgerRow(result.getString("status"), result.getString("twilio_sid")));
                }
            }
        }
        return rows;
    }

    private static String onlyTicketOf(String teamId, String token) throws Exception {
        JsonNode page = call(tickets, "GET", "/api/tickets?teamId=" + teamId, token, null, 200);
        assertThat(page.get("content")).hasSize(1);
        return page.get("content").get(0).get("id").asString();
    }

    private static int status(ServiceProcess service, String method, String path, String token, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedEvenWhenSignedWithTheRightKey() throws Exception {
        String foreign = identity.userTokenNamingIssuer("https://other-tenant.example.com", "mallory");

        call(tickets, "POST", "/api/tickets", foreign, """
                {"title":"t","severity":"LOW","category":"c","teamId":"%s"}""".formatted(UUID.randomUUID()), 401);
        call(profiles, "GET", "/api/user/profile", foreign, null, 401);
    }

    private static ServiceProcess start(String module, Map<String, String> properties) throws Exception {
        ServiceProcess service = ServiceProcess.start(module, properties);
        services.add(service);
        return service;
    }

    private static Map<String, String> withCommon(String database, Map<String, String> own) {
        var properties = new java.util.HashMap<>(own);
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", database));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("spring.kafka.bootstrap-servers", kafka.getBrokersAsString());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", identity.jwksUri().toString());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", identity.issuer());
        return properties;
    }

    private static List<JsonNode> sandboxMessages() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/messages")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        var messages = new ArrayList<JsonNode>();
        JSON.readTree(response.body()).forEach(messages::add);
        return messages;
    }

    private static JsonNode call(ServiceProcess service, String method, String path, String token, String json,
                                 int expectedStatus) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
    }
}
