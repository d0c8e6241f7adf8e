package dev.ticketsms.notification.sms;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How each Twilio answer is classified: only what proves the SMS was not taken may be retried, and the gateway
 * itself never sends a request twice.
 */
class TwilioSmsGatewayTest {

    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<String> lastPath = new AtomicReference<>();
    private final AtomicReference<String> lastBody = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer twilio;
    private TwilioSmsGateway gateway;

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        if (gateway != null) {
            gateway.close();
        }
        if (twilio != null) {
            twilio.stop(0);
        }
    }

    @Test
    void anAcceptedMessageGivesItsSidAndSegments() {
        answer(201, "application/json", """
                {"sid":"SM0123456789abcdef0123456789abcdef","status":"queued","num_segments":"2"}""");

        SmsResult result = gateway.send("+14155550101", "hello", null);

        assertThat(result).isEqualTo(new SmsResult.Accepted("SM0123456789abcdef0123456789abcdef", "queued", 2));
        assertThat(lastPath.get()).isEqualTo("/prefix/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json");
    }

    @Test
    void aConfiguredMaxPriceGoesWithEveryMessageAndNoneWithoutIt() throws IOException {
        answer(201, "application/json", """
                {"sid":"SM0123456789abcdef0123456789abcdef","status":"queued","num_segments":"1"}""");
        gateway.send("+14155550101", "hello", null);
        assertThat(lastBody.get()).doesNotContain("MaxPrice");

        gateway.close();
        gateway = new TwilioSmsGateway(properties(URI.create("http://127.0.0.1:" + twilio.getAddress().getPort()), new java.math.BigDecimal("0.05")));
        gateway.send("+14155550101", "hello", null);

        assertThat(lastBody.get()).contains("MaxPrice=0.05");
    }

    @Test
    void anInvalidNumberIsRejectedWithTwilioCodeAndNotRetried() {
        answer(400, "application/json", twilioError(21211, 400));

        assertThat(gateway.send("+15005550001", "hello", null))
                .isInstanceOfSatisfying(SmsResult.Rejected.class, rejected -> assertThat(rejected.errorCode()).isEqualTo(21211));
        assertThat(requests).hasValue(1);
    }

    @Test
    void rateLimitingWithTwilioBodyMeansNotSent() {
        answer(429, "application/json", twilioError(20429, 429));

        assertThatThrownBy(() -> gateway.send("+14155550101", "hello", null))
                .isInstanceOfSatisfying(SmsNotSentException.class,
                        e -> assertThat(e.reason()).isEqualTo(SmsNotSentException.Reason.RATE_LIMITED));
        assertThat(requests).hasValue(1);
    }

    @Test
    void rateLimitingWithoutABodyStillMeansNotSent() {
        answer(429, "text/plain", "");

        assertThatThrownBy(() -> gateway.send("+14155550101", "hello", null))
                .isInstanceOfSatisfying(SmsNotSentException.class,
                        e -> assertThat(e.reason()).isEqualTo(SmsNotSentException.Reason.RATE_LIMITED));
        assertThat(requests).hasValue(1);
    }

    @Test
    void badCredentialsAreNotBlamedOnTheRecipient() {
        answer(401, "application/json", twilioError(20003, 401));

        assertThatThrownBy(() -> gateway.send("+14155550101", "hello", null))
                .isInstanceOfSatisfying(SmsNotSentException.class,
                        e -> assertThat(e.reason()).isEqualTo(SmsNotSentException.Reason.SENDER_REFUSED));
    }

    @Test
    void aServerErrorLeavesTheOutcomeUnknownAfterExactlyOneRequest() {
        answer(502, "text/html", "<html>Bad Gateway</html>");

        assertThat(gateway.send("+14155550101", "hello", null)).isInstanceOf(SmsResult.OutcomeUnknown.class);
        assertThat(requests).hasValue(1);
    }

    @Test
    void serviceUnavailableMeansTwilioDidNotHandleItAndMayBeRetried() {
        answer(503, "text/html", "<html>Service Unavailable</html>");

        assertThatThrownBy(() -> gateway.send("+14155550101", "hello", null))
                .isInstanceOfSatisfying(SmsNotSentException.class,
                        e -> assertThat(e.reason()).isEqualTo(SmsNotSentException.Reason.UNAVAILABLE));
        assertThat(requests).hasValue(1);
    }

    @Test
    void aReadTimeoutLeavesTheOutcomeUnknown() {
        startTwilio(exchange -> {
            requests.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });

        assertThat(gateway.send("+14155550101", "hello", null)).isInstanceOf(SmsResult.OutcomeUnknown.class);
        assertThat(requests).hasValue(1);
    }

    @Test
    void anUnreachableTwilioMeansNotSent() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        gateway = new TwilioSmsGateway(properties(URI.create("http://127.0.0.1:" + closedPort)));

        assertThatThrownBy(() -> gateway.send("+14155550101", "hello", null))
                .isInstanceOfSatisfying(SmsNotSentException.class,
                        e -> assertThat(e.reason()).isEqualTo(SmsNotSentException.Reason.UNREACHABLE));
    }

    @Test
    void twilioErrorTextsThatNameTheNumberAreMaskedBeforeTheyAreLoggedOrStored() {
        answer(400, "application/json", """
                {"code":21211,"message":"The 'To' number +15005550001 is not a valid phone number.","status":400}""");

        assertThat(gateway.send("+15005550001", "hello", null))
                .isInstanceOfSatisfying(SmsResult.Rejected.class, rejected -> assertThat(rejected.message())
                        .isEqualTo("The 'To' number +1******0001 is not a valid phone number."));
    }

    @Test
    void fromCannotReachThisDestinationFailsThatRecipientOnly() {
        answer(400, "application/json", twilioError(21606, 400));

        assertThat(gateway.send("+4915112345678", "hello", null))
                .isInstanceOfSatisfying(SmsResult.Rejected.class, rejected -> assertThat(rejected.errorCode()).isEqualTo(21606));
    }

    @Test
    void aWrongAccountOrApiAddressIsAConfigurationErrorNotTheRecipients() {
        answer(404, "application/json", twilioError(20404, 404));

        assertThatThrownBy(() -> gateway.send("+14155550101", "hello", null))
                .isInstanceOfSatisfying(SmsNotSentException.class,
                        e -> assertThat(e.reason()).isEqualTo(SmsNotSentException.Reason.SENDER_REFUSED));
    }

    @Test
    void theMessagesListFindsTheMessageByBodyAndIgnoresOlderOnesAndSidsOfOtherRows() {
        var query = new AtomicReference<String>();
        startTwilio(exchange -> {
            query.set(exchange.getRequestURI().getRawQuery());
            byte[] page = """
                    {"messages":[
                      {"sid":"SMtaken","body":"Ticket X","status":"sent","num_segments":"1","date_created":"Thu, 03 Dec 2026 10:00:30 +0000"},
                      {"sid":"SMours","body":"Ticket X","status":"delivered","num_segments":"1","date_created":"Thu, 03 Dec 2026 10:00:10 +0000"},
                      {"sid":"SMold","body":"Ticket X","status":"delivered","num_segments":"1","date_created":"Wed, 02 Dec 2026 09:00:00 +0000"}],
                     "uri":"/x","first_page_uri":"/x","next_page_uri":null,"previous_page_uri":null,"page":0,"page_size":50}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });

        var found = gateway.findSent("+14155550101", "Ticket X", java.time.Instant.parse("2026-12-03T10:00:05Z"),
                sid -> sid.equals("SMtaken"));

        assertThat(found).contains(new TwilioSmsGateway.HeldMessage("SMours", "delivered", 1));
        assertThat(query.get()).contains("To=%2B14155550101").contains("From=%2B15005550006");
        assertThat(gateway.findSent("+14155550101", "Another body", java.time.Instant.parse("2026-12-03T10:00:05Z"), sid -> false))
                .isEmpty();
    }

    @Test
    void anUnreadableMessagesListMeansTheOutcomeStaysUnknown() {
        answer(500, "application/json", twilioError(20500, 500));

        assertThatThrownBy(() -> gateway.findSent("+14155550101", "x", java.time.Instant.now(), sid -> false))
                .isInstanceOf(SmsLookupFailedException.class);
    }

    private void answer(int status, String contentType, String body) {
        startTwilio(exchange -> {
            requests.incrementAndGet();
            lastPath.set(exchange.getRequestURI().getPath());
            lastBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (var out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
    }

    private void startTwilio(com.sun.net.httpserver.HttpHandler handler) {
        try {
            twilio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        twilio.createContext("/", handler);
        twilio.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        twilio.start();
        gateway = new TwilioSmsGateway(properties(URI.create("http://127.0.0.1:" + twilio.getAddress().getPort() + "/prefix/")));
    }

    private static TwilioProperties properties(URI baseUrl) {
        return properties(baseUrl, null);
    }

    private static TwilioProperties properties(URI baseUrl, java.math.BigDecimal maxPrice) {
        return new TwilioProperties("AC00000000000000000000000000000000", "token", "+15005550006", null, baseUrl,
                Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(1), 4, 1.0, Duration.ofSeconds(1), maxPrice);
    }

    private static String twilioError(int code, int status) {
        return """
                {"code":%d,"message":"error %d","more_info":"https://www.twilio.com/docs/errors/%d","status":%d}"""
                .formatted(code, code, code, status);
    }
}
