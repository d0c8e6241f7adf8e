package dev.ticketsms.sandbox.faults;

import dev.ticketsms.sandbox.FreshSandbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import dev.ticketsms.sandbox.SandboxHttp;
import dev.ticketsms.sandbox.SandboxHttp.Reply;
import dev.ticketsms.sandbox.SandboxTest;
import dev.ticketsms.sandbox.WebhookReceiver;
import org.junit.jupiter.api.Test;

@SandboxTest
class FaultInjectionTest extends FreshSandbox {

    @Test
    void a_global_TOO_MANY_REQUESTS_fault_answers_429_with_Twilio_error_20429_and_keeps_nothing() {
        addFault("""
                {"kind":"TOO_MANY_REQUESTS"}""");

        var reply = send("+15551230101");

        assertTwilioError(reply, 429, 20429, "Too Many Requests");
        assertThat(http.get("/sandbox/messages", null).json()).isEmpty();
    }

    @Test
    void a_SERVER_ERROR_fault_for_one_number_answers_its_status_and_leaves_other_numbers_alone() {
        addFault("""
                {"to":"+15551230102","kind":"SERVER_ERROR","status":503}""");

        var faulted = send("+15551230102");
        var other = send("+15551230103");

        assertTwilioError(faulted, 503, 20503, "Service Unavailable");
        assertThat(other.status()).isEqualTo(201);
        assertThat(http.get("/sandbox/messages", null).json()).hasSize(1);
        assertThat(http.get("/sandbox/messages", null).json().get(0).get("to").asString()).isEqualTo("+15551230103");
    }

    @Test
    void a_SERVER_ERROR_fault_without_a_status_answers_500_with_Twilio_error_20500() {
        var added = addFault("""
                {"kind":"SERVER_ERROR"}""");

        assertThat(added.json().get("status").asInt()).isEqualTo(500);
        assertTwilioError(send("+15551230104"), 500, 20500, "Internal Server Error");
    }

    @Test
    void a_fault_with_remaining_applies_to_that_many_requests_and_then_disappears() {
        addFault("""
                {"kind":"TOO_MANY_REQUESTS","remaining":2}""");

        var first = send("+15551230105");
        var second = send("+15551230105");
        var third = send("+15551230105");

        assertThat(first.status()).isEqualTo(429);
        assertThat(second.status()).isEqualTo(429);
        assertThat(third.status()).isEqualTo(201);
        assertThat(http.get("/sandbox/faults", null).json()).isEmpty();
    }

    @Test
    void a_fault_for_the_number_wins_over_a_global_one() {
        addFault("""
                {"kind":"SERVER_ERROR"}""");
        addFault("""
                {"to":"+15551230106","kind":"TOO_MANY_REQUESTS"}""");

        assertThat(send("+15551230106").status()).isEqualTo(429);
        assertThat(send("+15551230107").status()).isEqualTo(500);
    }

    @Test
    void a_LATENCY_fault_delays_the_request_which_is_then_accepted_normally() {
        addFault("""
                {"kind":"LATENCY","latency":"PT0.2S","remaining":1}""");

        var reply = send("+15551230108");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(http.get("/sandbox/messages", null).json()).hasSize(1);
        assertThat(http.get("/sandbox/stats", null).json().get("delayed").asInt()).isEqualTo(1);
    }

    @Test
    void a_client_that_times_out_during_a_LATENCY_still_has_its_message_sent_as_after_a_Twilio_read_timeout() {
        addFault("""
                {"to":"+15551230115","kind":"LATENCY","latency":"PT1S","remaining":1}""");
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + messagesPath()))
                .timeout(Duration.ofMillis(100))
                .header("Authorization", credentials())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("To=%2B15551230115&From=%2B15005550006&Body=hi"))
                .build();

        assertThatExceptionOfType(HttpTimeoutException.class)
                .isThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
        await().untilAsserted(() -> assertThat(http.get("/sandbox/messages?to=%2B15551230115", null).json()).hasSize(1));
    }

    @Test
    void a_DROP_CONNECTION_fault_closes_the_connection_so_an_HTTP_client_gets_no_response_at_all() {
        addFault("""
                {"kind":"DROP_CONNECTION","remaining":1}""");
        var client = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + messagesPath()))
                .header("Authorization", credentials())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("To=%2B15551230109&From=%2B15005550006&Body=hi"))
                .build();

        assertThatExceptionOfType(IOException.class)
                .isThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()));
        assertThat(http.get("/sandbox/messages", null).json()).isEmpty();
        assertThat(http.get("/sandbox/stats", null).json().get("byOutcome").get("connection_dropped").asInt()).isEqualTo(1);
    }

    @Test
    void a_dropped_connection_ends_without_a_single_byte_of_HTTP_answer() throws IOException {
        addFault("""
                {"to":"+15551230110","kind":"DROP_CONNECTION"}""");
        var form = "To=%2B15551230110&From=%2B15005550006&Body=hi";

        try (var socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST " + messagesPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: " + credentials() + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + form.length() + "\r\n\r\n" + form).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            assertThat(bytesUntilClosed(socket.getInputStream())).isZero();
        }
    }

    @Test
    void an_ACCEPT_THEN_SERVER_ERROR_fault_answers_its_5xx_yet_the_message_is_kept_listed_and_delivered_with_callbacks() {
        addFault("""
                {"to":"+15551230116","kind":"ACCEPT_THEN_SERVER_ERROR","status":502}""");
        try (var app = new WebhookReceiver()) {
            var reply = http.postForm(messagesPath(), credentials(), "To", "+15551230116", "From", "+15005550006",
                    "Body", "hi", "StatusCallback", app.url("/status"));

            assertTwilioError(reply, 502, 20500, "Bad Gateway");
            var kept = http.get("/sandbox/messages?to=%2B15551230116", null).json();
            assertThat(kept).hasSize(1);
            var listed = http.get(messagesPath() + "?To=%2B15551230116", credentials()).json().get("messages");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("sid").asString()).isEqualTo(kept.get(0).get("sid").asString());
            assertThat(listed.get(0).get("body").asString()).isEqualTo("hi");
            await().untilAsserted(() -> assertThat(app.received())
                    .extracting(callback -> callback.form().get("MessageStatus"))
                    .containsExactly("sent", "delivered"));
        }
        var stats = http.get("/sandbox/stats", null).json();
        assertThat(stats.get("byOutcome").get("accepted_then_server_error").asInt()).isEqualTo(1);
        assertThat(stats.get("byOutcome").get("accepted").asInt()).isZero();
        assertThat(stats.get("errorCodes").get("20500").asInt()).isEqualTo(1);
    }

    @Test
    void an_ACCEPT_THEN_SERVER_ERROR_fault_without_a_status_answers_500_and_other_numbers_get_their_201() {
        var added = addFault("""
                {"to":"+15551230117","kind":"ACCEPT_THEN_SERVER_ERROR"}""");

        assertThat(added.json().get("status").asInt()).isEqualTo(500);
        assertTwilioError(send("+15551230117"), 500, 20500, "Internal Server Error");
        assertThat(send("+15551230118").status()).isEqualTo(201);
        assertThat(http.get("/sandbox/messages", null).json()).hasSize(2);
    }

    @Test
    void an_ACCEPT_THEN_DROP_CONNECTION_fault_closes_the_connection_after_keeping_and_delivering_the_message() {
        addFault("""
                {"kind":"ACCEPT_THEN_DROP_CONNECTION","remaining":1}""");
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + messagesPath()))
                .header("Authorization", credentials())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("To=%2B15551230119&From=%2B15005550006&Body=hi"))
                .build();

        assertThatExceptionOfType(IOException.class)
                .isThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
        var listed = http.get(messagesPath() + "?To=%2B15551230119", credentials()).json().get("messages");
        assertThat(listed).hasSize(1);
        await().untilAsserted(() -> assertThat(http.get("/sandbox/messages?to=%2B15551230119", null).json().get(0)
                .get("status").asString()).isEqualTo("delivered"));
        var byOutcome = http.get("/sandbox/stats", null).json().get("byOutcome");
        assertThat(byOutcome.get("accepted_then_connection_dropped").asInt()).isEqualTo(1);
        assertThat(byOutcome.get("accepted").asInt()).isZero();
        assertThat(send("+15551230119").status()).as("used up after one request").isEqualTo(201);
    }

    @Test
    void a_connection_dropped_after_accepting_ends_without_a_single_byte_of_HTTP_answer() throws IOException {
        addFault("""
                {"to":"+15551230120","kind":"ACCEPT_THEN_DROP_CONNECTION"}""");
        var form = "To=%2B15551230120&From=%2B15005550006&Body=" + "%F0%9F%98%80".repeat(1600);

        try (var socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST " + messagesPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: " + credentials() + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + form.length() + "\r\n\r\n" + form).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            assertThat(bytesUntilClosed(socket.getInputStream())).isZero();
        }
        assertThat(http.get("/sandbox/messages?to=%2B15551230120", null).json()).hasSize(1);
    }

    @Test
    void a_message_refused_under_an_ACCEPT_THEN_fault_keeps_its_400_and_nothing_is_kept() {
        addFault("""
                {"kind":"ACCEPT_THEN_SERVER_ERROR"}""");

        var refused = send("+15005550004");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asInt()).isEqualTo(21610);
        assertThat(http.get("/sandbox/messages", null).json()).isEmpty();
    }

    @Test
    void reading_messages_is_never_faulted_a_LATENCY_or_error_fault_neither_delays_nor_answers_it_nor_is_used_up() {
        var sent = send("+15551230121");
        addFault("""
                {"kind":"LATENCY","latency":"PT30S","remaining":1}""");
        addFault("""
                {"kind":"ACCEPT_THEN_DROP_CONNECTION","remaining":1}""");
        addFault("""
                {"kind":"SERVER_ERROR","remaining":1}""");

        var listed = http.get(messagesPath() + "?To=%2B15551230121", credentials());
        var fetched = http.get(sent.json().get("uri").asString(), credentials());

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("messages").get(0).get("sid").asString()).isEqualTo(sent.json().get("sid").asString());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(http.get("/sandbox/faults", null).json()).extracting(fault -> fault.get("remaining").asInt())
                .containsExactly(1, 1, 1);
        assertThat(http.get("/sandbox/stats", null).json().get("delayed").asInt()).isZero();
    }

    @Test
    void the_credentials_are_checked_before_any_fault_which_then_stays_unused() {
        addFault("""
                {"kind":"TOO_MANY_REQUESTS","remaining":1}""");

        var wrongPassword = http.postForm(messagesPath(), SandboxHttp.basicAuth(sandbox.accountSid(), "wrong"),
                "To", "+15551230111", "From", "+15005550006", "Body", "hi");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(http.get("/sandbox/faults", null).json().get(0).get("remaining").asInt()).isEqualTo(1);
    }

    @Test
    void stats_count_requests_by_outcome_and_refusals_by_Twilio_error_code_until_reset() {
        send("+15551230112");
        send("+15005550001");
        http.postForm(messagesPath(), null, "To", "+15551230112", "From", "+15005550006", "Body", "hi");
        addFault("""
                {"kind":"TOO_MANY_REQUESTS","remaining":1}""");
        send("+15551230112");
        addFault("""
                {"kind":"SERVER_ERROR","status":502,"remaining":1}""");
        send("+15551230112");

        var stats = http.get("/sandbox/stats", null).json();

        assertThat(stats.get("requests").asInt()).isEqualTo(5);
        var byOutcome = stats.get("byOutcome");
        assertThat(byOutcome.get("accepted").asInt()).isEqualTo(1);
        assertThat(byOutcome.get("rejected").asInt()).isEqualTo(1);
        assertThat(byOutcome.get("unauthenticated").asInt()).isEqualTo(1);
        assertThat(byOutcome.get("too_many_requests").asInt()).isEqualTo(1);
        assertThat(byOutcome.get("server_error").asInt()).isEqualTo(1);
        assertThat(byOutcome.get("connection_dropped").asInt()).isZero();
        var errorCodes = stats.get("errorCodes");
        assertThat(errorCodes.get("21211").asInt()).isEqualTo(1);
        assertThat(errorCodes.get("20003").asInt()).isEqualTo(1);
        assertThat(errorCodes.get("20429").asInt()).isEqualTo(1);
        assertThat(errorCodes.get("20500").asInt()).isEqualTo(1);

        http.delete("/sandbox/messages");
        assertThat(http.get("/sandbox/stats", null).json().get("requests").asInt()).isZero();
    }

    @Test
    void faults_are_listed_and_removed_one_by_one_or_all_at_once() {
        var latency = addFault("""
                {"to":"+15551230113","kind":"LATENCY","latency":"PT2S","remaining":3}""");
        addFault("""
                {"kind":"UNDELIVERED"}""");

        var listed = http.get("/sandbox/faults", null).json();
        assertThat(latency.status()).isEqualTo(201);
        assertThat(latency.headers().firstValue("Location"))
                .hasValue("/sandbox/faults/" + latency.json().get("id").asString());
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("to").asString()).isEqualTo("+15551230113");
        assertThat(listed.get(0).get("latency").asString()).isEqualTo("PT2S");
        assertThat(listed.get(0).get("remaining").asInt()).isEqualTo(3);
        assertThat(listed.get(1).get("to").isNull()).isTrue();
        assertThat(listed.get(1).get("errorCode").asInt()).isEqualTo(30003);
        assertThat(listed.get(1).get("remaining").isNull()).isTrue();

        var path = "/sandbox/faults/" + latency.json().get("id").asString();
        assertThat(http.delete(path).status()).isEqualTo(204);
        assertThat(http.delete(path).status()).isEqualTo(404);
        assertThat(http.get("/sandbox/faults", null).json()).hasSize(1);
        assertThat(http.delete("/sandbox/faults").status()).isEqualTo(204);
        assertThat(http.get("/sandbox/faults", null).json()).isEmpty();
    }

    @Test
    void an_invalid_fault_is_a_400_problem_naming_each_bad_field() {
        assertInvalid("""
                {"kind":"LATENCY"}""", "latency");
        assertInvalid("""
                {"kind":"LATENCY","latency":"PT10M"}""", "latency");
        assertInvalid("""
                {"to":"5551230114","kind":"TOO_MANY_REQUESTS"}""", "to");
        assertInvalid("""
                {"to":"+15551230114"}""", "kind");
        assertInvalid("""
                {"kind":"BLUE_SCREEN"}""", "kind");
        assertInvalid("""
                {"kind":"SERVER_ERROR","status":404}""", "status");
        assertInvalid("""
                {"kind":"TOO_MANY_REQUESTS","status":503}""", "status");
        assertInvalid("""
                {"kind":"ACCEPT_THEN_DROP_CONNECTION","status":502}""", "status");
        assertInvalid("""
                {"kind":"ACCEPT_THEN_SERVER_ERROR","status":418}""", "status");
        assertInvalid("""
                {"kind":"UNDELIVERED","errorCode":21211}""", "errorCode");
        assertInvalid("""
                {"kind":"DROP_CONNECTION","remaining":0}""", "remaining");
        assertInvalid("""
                {"kind":"LATENCY","latency":"two seconds"}""", "latency");
        assertThat(http.get("/sandbox/faults", null).json()).isEmpty();
    }

    private void assertInvalid(String fault, String field) {
        var reply = http.postJson("/sandbox/faults", fault);

        assertThat(reply.status()).as(fault).isEqualTo(400);
        assertThat(reply.json().get("title").asString()).isEqualTo("Invalid request");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).as(fault).isEqualTo(field);
    }

    private static int bytesUntilClosed(InputStream in) throws IOException {
        var read = 0;
        try {
            while (in.read() >= 0) {
                read++;
            }
        } catch (SocketException reset) {
            // a reset is as good as an end of stream: the client got no answer
        }
        return read;
    }

    private Reply addFault(String json) {
        var reply = http.postJson("/sandbox/faults", json);
        assertThat(reply.status()).isEqualTo(201);
        return reply;
    }

    private Reply send(String to) {
        return http.postForm(messagesPath(), credentials(), "To", to, "From", "+15005550006", "Body", "hi");
    }

    private String messagesPath() {
        return "/2010-04-01/Accounts/" + sandbox.accountSid() + "/Messages.json";
    }

    private String credentials() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (sandbox.accountSid() + ":" + sandbox.authToken()).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertTwilioError(Reply reply, int status, int code, String message) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().get("code").asInt()).isEqualTo(code);
        assertThat(reply.json().get("message").asString()).isEqualTo(message);
        assertThat(reply.json().get("more_info").asString()).isEqualTo("https://www.twilio.com/docs/errors/" + code);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
    }
}
