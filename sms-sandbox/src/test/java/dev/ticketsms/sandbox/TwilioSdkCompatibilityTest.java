package dev.ticketsms.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.stream.StreamSupport;

import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The real twilio-java SDK, pointed at the sandbox, sees what it would see from Twilio. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TwilioSdkCompatibilityTest {

    @LocalServerPort
    int port;

    @Autowired
    SandboxProperties sandbox;

    @Test
    void the_Twilio_SDK_creates_a_message_and_reads_back_its_SID_status_and_segments() {
        var twilio = twilioClient(sandbox.accountSid(), sandbox.authToken());

        var created = Message.creator(new PhoneNumber("+15551230101"), new PhoneNumber("+15005550006"), "x".repeat(161))
                .create(twilio);
        var fetched = Message.fetcher(created.getSid()).fetch(twilio);

        assertThat(created.getSid()).matches("SM[0-9a-f]{32}");
        assertThat(created.getStatus()).isEqualTo(Message.Status.QUEUED);
        assertThat(created.getNumSegments()).isEqualTo("2");
        assertThat(created.getDirection()).isEqualTo(Message.Direction.OUTBOUND_API);
        assertThat(created.getDateCreated()).isNotNull();
        assertThat(fetched.getSid()).isEqualTo(created.getSid());
        assertThat(fetched.getTo()).isEqualTo("+15551230101");
        assertThat(fetched.getBody()).isEqualTo("x".repeat(161));
    }

    @Test
    void the_SDK_reads_the_Messages_list_by_To_From_and_DateSent_newest_first_across_pages() {
        var twilio = twilioClient(sandbox.accountSid(), sandbox.authToken());
        var to = new PhoneNumber("+15551230107");
        var from = new PhoneNumber("+15005550006");
        var sent = new ArrayList<Message>();
        for (int i = 0; i < 5; i++) {
            sent.add(Message.creator(to, from, "message " + i).create(twilio));
        }
        Message.creator(new PhoneNumber("+15551230108"), from, "to someone else").create(twilio);
        var sentOn = sent.getFirst().getDateSent();

        var firstPage = Message.reader().setTo(to).setFrom(from).setDateSent(sentOn).setPageSize(2L).firstPage(twilio);
        var all = Message.reader().setTo(to).setFrom(from).setDateSent(sentOn).setPageSize(2L).read(twilio);

        assertThat(firstPage.getRecords()).hasSize(2);
        assertThat(firstPage.hasNextPage()).isTrue();
        assertThat(StreamSupport.stream(all.spliterator(), false).map(Message::getSid))
                .as("three pages of two, newest first")
                .containsExactlyElementsOf(sent.reversed().stream().map(Message::getSid).toList());
    }

    @Test
    void the_SDK_date_range_filters_leave_out_messages_sent_outside_the_range() {
        var twilio = twilioClient(sandbox.accountSid(), sandbox.authToken());
        var to = new PhoneNumber("+15551230109");
        var created = Message.creator(to, new PhoneNumber("+15005550006"), "hi").create(twilio);
        var sentOn = created.getDateSent();

        var fromTheDayBefore = Message.reader().setTo(to).setDateSentAfter(sentOn.minusDays(1)).read(twilio);
        var untilTheDayBefore = Message.reader().setTo(to).setDateSentBefore(sentOn.minusDays(1)).read(twilio);
        var fromTheDayAfter = Message.reader().setTo(to).setDateSentAfter(sentOn.plusDays(1)).read(twilio);
        var theDayBefore = Message.reader().setTo(to).setDateSent(sentOn.minusDays(1)).read(twilio);

        assertThat(sentOn).as("date_sent is the accept time").isEqualTo(created.getDateCreated());
        assertThat(fromTheDayBefore).extracting(Message::getSid).containsExactly(created.getSid());
        assertThat(untilTheDayBefore).isEmpty();
        assertThat(fromTheDayAfter).isEmpty();
        assertThat(theDayBefore).isEmpty();
    }

    @AfterEach
    void removeFaults() {
        new SandboxHttp(port).delete("/sandbox/faults");
    }

    @Test
    void the_SDK_sees_an_accepted_message_move_on_to_delivered() {
        var twilio = twilioClient(sandbox.accountSid(), sandbox.authToken());

        var created = Message.creator(new PhoneNumber("+15551230103"), new PhoneNumber("+15005550006"), "hi").create(twilio);

        await().untilAsserted(() -> assertThat(Message.fetcher(created.getSid()).fetch(twilio).getStatus())
                .isEqualTo(Message.Status.DELIVERED));
    }

    @Test
    void a_carrier_fault_shows_in_the_SDK_as_an_undelivered_message_with_its_error_code() {
        new SandboxHttp(port).postJson("/sandbox/faults", """
                {"to":"+15551230104","kind":"UNDELIVERED","errorCode":30006}""");
        var twilio = twilioClient(sandbox.accountSid(), sandbox.authToken());

        var created = Message.creator(new PhoneNumber("+15551230104"), new PhoneNumber("+15005550006"), "hi").create(twilio);

        await().untilAsserted(() -> {
            var fetched = Message.fetcher(created.getSid()).fetch(twilio);
            assertThat(fetched.getStatus()).isEqualTo(Message.Status.UNDELIVERED);
            assertThat(fetched.getErrorCode()).isEqualTo(30006);
        });
    }

    @Test
    void an_injected_429_surfaces_in_the_SDK_as_ApiException_20429() {
        new SandboxHttp(port).postJson("/sandbox/faults", """
                {"to":"+15551230105","kind":"TOO_MANY_REQUESTS"}""");
        var twilio = twilioClient(sandbox.accountSid(), sandbox.authToken());

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> Message.creator(new PhoneNumber("+15551230105"), new PhoneNumber("+15005550006"), "hi")
                        .create(twilio))
                .satisfies(e -> {
                    assertThat(e.getCode()).isEqualTo(20429);
                    assertThat(e.getStatusCode()).isEqualTo(429);
                });
    }

    @Test
    void a_dropped_connection_surfaces_in_the_SDK_as_a_codeless_ApiException_caused_by_no_HTTP_response() {
        var http = new SandboxHttp(port);
        http.postJson("/sandbox/faults", """
                {"to":"+15551230106","kind":"DROP_CONNECTION"}""");
        var twilio = twilioClient(sandbox.accountSid(), sandbox.authToken());

        // what a network failure after sending looks like to the SDK: no code, no status, only the cause tells
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> Message.creator(new PhoneNumber("+15551230106"), new PhoneNumber("+15005550006"), "hi")
                        .create(twilio))
                .satisfies(e -> {
                    assertThat(e.getCode()).isNull();
                    assertThat(e.getStatusCode()).isNull();
                    assertThat(e).hasStackTraceContaining("NoHttpResponseException");
                });
        assertThat(http.get("/sandbox/messages?to=%2B15551230106", null).json()).isEmpty();
    }

    @Test
    void after_an_ACCEPT_THEN_SERVER_ERROR_the_SDK_sees_20500_though_each_of_its_three_tries_left_a_kept_message() {
        new SandboxHttp(port).postJson("/sandbox/faults", """
                {"to":"+15551230110","kind":"ACCEPT_THEN_SERVER_ERROR"}""");
        var twilio = twilioClient(sandbox.accountSid(), sandbox.authToken());
        var to = new PhoneNumber("+15551230110");

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> Message.creator(to, new PhoneNumber("+15005550006"), "hi").create(twilio))
                .satisfies(e -> {
                    assertThat(e.getCode()).isEqualTo(20500);
                    assertThat(e.getStatusCode()).isEqualTo(500);
                });
        // the SDK retries a 5xx on its own (twilio/SDK-FACTS.md): every try reached the sandbox and was kept
        assertThat(Message.reader().setTo(to).read(twilio)).hasSize(3)
                .allSatisfy(message -> assertThat(message.getBody()).isEqualTo("hi"));
    }

    @Test
    void after_an_ACCEPT_THEN_DROP_CONNECTION_the_SDK_gets_no_HTTP_response_but_the_Messages_list_has_the_message() {
        new SandboxHttp(port).postJson("/sandbox/faults", """
                {"to":"+15551230111","kind":"ACCEPT_THEN_DROP_CONNECTION","remaining":1}""");
        var twilio = twilioClient(sandbox.accountSid(), sandbox.authToken());
        var to = new PhoneNumber("+15551230111");

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> Message.creator(to, new PhoneNumber("+15005550006"), "hi").create(twilio))
                .satisfies(e -> {
                    assertThat(e.getCode()).isNull();
                    assertThat(e.getStatusCode()).isNull();
                    assertThat(e).hasStackTraceContaining("NoHttpResponseException");
                });
        var listed = Message.reader().setTo(to).setFrom(new PhoneNumber("+15005550006")).read(twilio);
        assertThat(listed).hasSize(1);
        await().untilAsserted(() -> assertThat(Message.fetcher(listed.iterator().next().getSid()).fetch(twilio).getStatus())
                .isEqualTo(Message.Status.DELIVERED));
    }

    @Test
    void wrong_credentials_surface_in_the_SDK_as_ApiException_20003() {
        var twilio = twilioClient(sandbox.accountSid(), "not-the-token");

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> Message.creator(new PhoneNumber("+15551230102"), new PhoneNumber("+15005550006"), "hi")
                        .create(twilio))
                .satisfies(e -> {
                    assertThat(e.getCode()).isEqualTo(20003);
                    assertThat(e.getStatusCode()).isEqualTo(401);
                });
    }

    @Test
    void an_invalid_To_number_surfaces_in_the_SDK_as_ApiException_21211() {
        var twilio = twilioClient(sandbox.accountSid(), sandbox.authToken());

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> Message.creator(new PhoneNumber("12345"), new PhoneNumber("+15005550006"), "hi")
                        .create(twilio))
                .satisfies(e -> {
                    assertThat(e.getCode()).isEqualTo(21211);
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getMoreInfo()).isEqualTo("https://www.twilio.com/docs/errors/21211");
                });
    }

    private TwilioRestClient twilioClient(String accountSid, String authToken) {
        return new TwilioRestClient.Builder(accountSid, authToken)
                .httpClient(new SandboxHttpClient("http://localhost:" + port))
                .build();
    }

    /** The SDK has no base-URL setting: send each request to the sandbox, keeping Twilio's path and query. */
    private static final class SandboxHttpClient extends NetworkHttpClient {

        private final String baseUrl;

        SandboxHttpClient(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Override
        public Response makeRequest(Request request) {
            var redirected = new Request(request.getMethod(), baseUrl + request.constructURL().getFile());
            if (request.getAuthStrategy() != null) {
                redirected.setAuth(request.getAuthStrategy());
            } else {
                redirected.setAuth(request.getUsername(), request.getPassword());
            }
            request.getHeaderParams().forEach((name, values) -> values.forEach(value -> redirected.addHeaderParam(name, value)));
            request.getPostParams().forEach((name, values) -> values.forEach(value -> redirected.addPostParam(name, value)));
            return super.makeRequest(redirected);
        }
    }
}
