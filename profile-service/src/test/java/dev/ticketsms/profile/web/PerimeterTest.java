package dev.ticketsms.profile.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ticketsms.testing.EmbeddedPostgreSql;
import dev.ticketsms.testing.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service from outside, as a client on the network meets it: a real port, real signed tokens checked by the
 * service's own decoder (signature, issuer, audience), and a client that sends far more than it should.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "profiles.events-topic.partitions=2",
        // as a production deployment might set them; AccessTest sees the defaults (open)
        "service-web.exposure.api-docs=authenticated", "service-web.exposure.prometheus=off"})
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PerimeterTest {

    private static final String AUDIENCE = "profile-service";
    private static final int TWENTY_MB = 20 * 1024 * 1024;
    private static final TestTokenIssuer issuer = TestTokenIssuer.start();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        EmbeddedPostgreSql.register(registry);
        issuer.register(registry, AUDIENCE);
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Test
    void aTwentyMegabyteProfileIsA413AndTheServiceKeepsAnswering() throws Exception {
        String response = sendOversized("Content-Length: " + TWENTY_MB, false);

        assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("\"status\":413");
        assertThat(get("/api/user/profile", issuer.userToken(AUDIENCE, "alice")).statusCode()).isEqualTo(200);
    }

    @Test
    void aTwentyMegabyteChunkedProfileWithoutALengthIsA413AndTheServiceKeepsAnswering() throws Exception {
        String response = sendOversized("Transfer-Encoding: chunked", true);

        assertThat(response).startsWith("HTTP/1.1 413").contains("\"status\":413");
        assertThat(get("/api/user/profile", issuer.userToken(AUDIENCE, "alice")).statusCode()).isEqualTo(200);
    }

    @Test
    void theTicketServiceClientWithTheRecipientsScopeIsRefusedTheRecipientLookup() throws Exception {
        String token = issuer.clientToken(AUDIENCE, "ticket-service", "notifications:recipients teams:membership");

        assertThat(get("/internal/teams/" + UUID.randomUUID() + "/sms-recipients", token).statusCode()).isEqualTo(403);
        assertThat(get("/internal/sms-recipients?userId=alice", token).statusCode()).isEqualTo(403);
    }

    @Test
    void theNotificationServiceClientWithTheRecipientsScopeGetsTheLookupButNotTheMembershipCheck() throws Exception {
        String token = issuer.clientToken(AUDIENCE, "notification-service", "notifications:recipients teams:membership");

        assertThat(get("/internal/sms-recipients?userId=alice", token).statusCode()).isEqualTo(200);
        assertThat(get("/internal/teams/" + UUID.randomUUID() + "/members/alice", token).statusCode()).isEqualTo(403);
    }

    @Test
    void aUserTokenCarryingTheRecipientsScopeIsRefused() throws Exception {
        String token = issuer.token(AUDIENCE, Map.of("sub", "notification-service", "roles", List.of("admin"),
                "scope", "notifications:recipients"));

        assertThat(get("/internal/sms-recipients?userId=alice", token).statusCode()).isEqualTo(403);
    }

    @Test
    void aTokenForAnotherServiceIsRefusedHere() throws Exception {
        HttpResponse<String> response = get("/api/user/profile", issuer.userToken("ticket-service", "alice"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).contains("aud"));
    }

    @Test
    void withApiDocsSetToAuthenticatedTheDescriptionNeedsATokenAndHealthStaysOpenForProbes() throws Exception {
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
        assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(401);
        assertThat(get("/v3/api-docs", issuer.userToken(AUDIENCE, "alice")).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void withPrometheusSetToOffTheMetricsAreRefusedEvenWithAToken() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", issuer.userToken(AUDIENCE, "alice")).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends the head of a 20 MB POST and keeps streaming its body from another thread while reading the answer, as a
     * client that does not wait for a verdict would; answers what the service sent before it closed the connection.
     */
    private String sendOversized(String lengthHeader, boolean chunked) throws Exception {
        try (var socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/user/profile HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + issuer.userToken(AUDIENCE, "alice") + "\r\n"
                    + lengthHeader + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread writer = Thread.ofVirtual().start(() -> streamBody(out, chunked));
            String response = readUntilClosed(socket.getInputStream());
            writer.interrupt();
            return response;
        }
    }

    private static void streamBody(OutputStream out, boolean chunked) {
        byte[] piece = new byte[64 * 1024];
        java.util.Arrays.fill(piece, (byte) 'x');
        try {
            for (int sent = 0; sent < TWENTY_MB && !Thread.currentThread().isInterrupted(); sent += piece.length) {
                if (chunked) {
                    out.write((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(piece);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException closedByTheService) {
            // the service answered and closed the connection: the rest of the body is not wanted
        }
    }

    private static String readUntilClosed(InputStream in) {
        var received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // a reset after the answer: what arrived before it is the answer
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
