package dev.ticketsms.console;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.ticketsms.testing.RawHttp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The console's reverse proxy: each public API to its own service, answers back whole, nothing else forwarded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "console.max-request-body=1KB")
class ApiProxyTest {

    private static final ServiceStandIn TICKETS = standIn();
    private static final ServiceStandIn PROFILES = standIn();
    private static final ServiceStandIn ISSUER = standIn();
    private static final ServiceStandIn SANDBOX = standIn();
    private static final int CLOSED_PORT = closedPort();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("console.ticket-service", () -> TICKETS.baseUrl().toString());
        registry.add("console.profile-service", () -> PROFILES.baseUrl().toString() + "/");
        // nothing listens there: notification-service is down
        registry.add("console.notification-service", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("console.dev-identity", () -> ISSUER.baseUrl().toString());
        registry.add("console.sms-sandbox", () -> SANDBOX.baseUrl().toString());
    }

    @BeforeEach
    void forgetEarlierRequests() {
        for (ServiceStandIn service : new ServiceStandIn[] {TICKETS, PROFILES, ISSUER, SANDBOX}) {
            service.forget();
            service.answer(200, Map.of("Content-Type", "application/json"), "{}");
        }
    }

    @AfterAll
    static void stopServices() {
        TICKETS.close();
        PROFILES.close();
        ISSUER.close();
        SANDBOX.close();
    }

    @Test
    void aStatusChangeReachesTicketServiceWithTokenBodyAndIfMatchAndItsProblemComesBackWhole() throws Exception {
        String problem = """
                {"title":"Status change not allowed","status":409,"allowedStatuses":["IN_PROGRESS","CLOSED"]}""";
        TICKETS.answer(409, Map.of("Content-Type", "application/problem+json", "ETag", "\"3\"", "Retry-After", "7",
                "Set-Cookie", "tracking=1"), problem);

        HttpResponse<String> answer = send(HttpRequest.newBuilder(console("/api/tickets/0b8f5a7e-5c1b-4d3a-9f0e-6a2d8c4b1e77/status?x=a%20b"))
                .header("Authorization", "Bearer token-of-dana")
                .header("Content-Type", "application/json")
                .header("If-Match", "\"2\"")
                .header("Cookie", "session=secret")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"OPEN\"}")));

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).isEqualTo(problem);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.headers().firstValue("ETag")).hasValue("\"3\"");
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
        var received = TICKETS.received();
        assertThat(received).hasSize(1);
        var request = received.getFirst();
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.rawPath()).isEqualTo("/api/tickets/0b8f5a7e-5c1b-4d3a-9f0e-6a2d8c4b1e77/status");
        assertThat(request.rawQuery()).isEqualTo("x=a%20b");
        assertThat(request.header("Authorization")).isEqualTo("Bearer token-of-dana");
        assertThat(request.header("If-Match")).isEqualTo("\"2\"");
        assertThat(request.header("Cookie")).isNull();
        assertThat(request.body()).isEqualTo("{\"status\":\"OPEN\"}");
    }

    @Test
    void aNewTicketsLocationNamesItOnTheConsolesOriginNotTheServices() throws Exception {
        TICKETS.answer(201, Map.of("Content-Type", "application/json", "ETag", "\"0\"",
                "Location", TICKETS.baseUrl() + "/api/tickets/0b8f5a7e-5c1b-4d3a-9f0e-6a2d8c4b1e77"), "{}");

        HttpResponse<String> answer = send(HttpRequest.newBuilder(console("/api/tickets"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.headers().firstValue("Location")).hasValue("/api/tickets/0b8f5a7e-5c1b-4d3a-9f0e-6a2d8c4b1e77");
    }

    @ParameterizedTest(name = "{0} {1} goes to {2}")
    @CsvSource({
            "GET, /api/tickets, tickets, /api/tickets",
            "GET, /api/user/profile, profiles, /api/user/profile",
            "PUT, /api/teams/7c0e4a52-3f1d-4f5e-9a51-2b1f1c7d9e10/members/user%2042, profiles, /api/teams/7c0e4a52-3f1d-4f5e-9a51-2b1f1c7d9e10/members/user%2042",
            "POST, /api/phone-numbers/check, profiles, /api/phone-numbers/check",
            "PUT, /api/users/alice/sms-notifications, profiles, /api/users/alice/sms-notifications",
            "POST, /dev/token, issuer, /token",
            "GET, /sandbox/messages, sandbox, /sandbox/messages"})
    void eachPublicApiGoesToTheServiceThatOwnsIt(String method, String path, String service, String forwardedPath)
            throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(console(path))
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}")));

        assertThat(answer.statusCode()).isEqualTo(200);
        ServiceStandIn owner = switch (service) {
            case "tickets" -> TICKETS;
            case "profiles" -> PROFILES;
            case "issuer" -> ISSUER;
            default -> SANDBOX;
        };
        assertThat(owner.received()).extracting(ServiceStandIn.Received::method, ServiceStandIn.Received::rawPath)
                .containsExactly(tuple(method, forwardedPath));
        for (ServiceStandIn other : new ServiceStandIn[] {TICKETS, PROFILES, ISSUER, SANDBOX}) {
            if (other != owner) {
                assertThat(other.received()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/teams/7c0e4a52-3f1d-4f5e-9a51-2b1f1c7d9e10/sms-recipients", "/api/internal",
            "/api/ticketsX", "/actuator/prometheus", "/api/tickets/%2e%2e/%2e%2e/actuator/env", "/api/tickets/;x=1",
            "/sandbox/faults", "/api/tickets//x"})
    void whatIsNoPublicApiIsA404AndNoServiceIsAsked(String path) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(console(path)).GET());

        assertThat(answer.statusCode()).isIn(400, 404);
        for (ServiceStandIn service : new ServiceStandIn[] {TICKETS, PROFILES, ISSUER, SANDBOX}) {
            assertThat(service.received()).isEmpty();
        }
    }

    /** The query: the proxy cannot build the service's URL (names url); the path: Tomcat cannot decode it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/tickets?a=%zz      | \"field\":\"url\"",
            "/api/tickets?status=%   | is not a valid URL",
            "/api/user/profile?x=%e  | is not a valid URL",
            "/api/tickets/%zz        | The request could not be read",
            "/%zz                    | The request could not be read",
            "/api/tickets/a%2Fb%zz   | The request could not be read"})
    void aUrlThatCannotBeReadIsA400ProblemAndNoServiceIsAsked(String target, String says) throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, target, "text/html");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"title\":\"Invalid request\"", says).doesNotContain("<html");
        assertThat(TICKETS.received()).isEmpty();
        assertThat(PROFILES.received()).isEmpty();
    }

    @Test
    void aServiceThatIsDownIsA502ProblemNamingIt() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(console("/api/notifications?ticketId=x")).GET());

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("notification-service is not reachable");
    }

    @Test
    void aBodyOverTheLimitIsA413AndNeverReachesTheService() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(console("/api/tickets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + "x".repeat(2000) + "\"}")));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("at most 1024 bytes");
        assertThat(TICKETS.received()).isEmpty();
    }

    @Test
    void thePagesComeWithAPolicyThatRunsOnlyTheConsolesOwnScripts() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(console("/")).GET());
        HttpResponse<String> script = send(HttpRequest.newBuilder(console("/js/app.js")).GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.js\">");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("script-src 'self'").doesNotContain("unsafe");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    }

    @Test
    void theSettingsOfferTheDevSignInAndTheSandboxWhenBothAreConfigured() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(console("/console/settings")).GET());

        assertThat(answer.body()).isEqualTo("{\"devSignIn\":true,\"sandbox\":true}");
    }

    private URI console(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ServiceStandIn standIn() {
        try {
            return new ServiceStandIn();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
