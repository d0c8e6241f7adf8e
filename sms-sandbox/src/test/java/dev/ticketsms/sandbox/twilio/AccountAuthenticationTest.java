package dev.ticketsms.sandbox.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.ticketsms.sandbox.SandboxHttp;
import dev.ticketsms.sandbox.SandboxHttp.Reply;
import dev.ticketsms.sandbox.SandboxProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccountAuthenticationTest {

    private static final String OTHER_ACCOUNT = "AC11111111111111111111111111111111";

    @LocalServerPort
    int port;

    @Autowired
    SandboxProperties sandbox;

    SandboxHttp http;

    @BeforeEach
    void client() {
        http = new SandboxHttp(port);
    }

    @Test
    void a_message_without_credentials_is_refused_with_Twilio_error_20003() {
        var reply = http.postForm(messagesPath(sandbox.accountSid()), null, validMessage());

        assertAuthenticateError(reply);
        assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void a_wrong_auth_token_is_refused_with_Twilio_error_20003() {
        var reply = http.postForm(messagesPath(sandbox.accountSid()),
                SandboxHttp.basicAuth(sandbox.accountSid(), "wrong-token"), validMessage());

        assertAuthenticateError(reply);
    }

    @Test
    void a_wrong_account_SID_is_refused_with_Twilio_error_20003() {
        var reply = http.postForm(messagesPath(OTHER_ACCOUNT),
                SandboxHttp.basicAuth(OTHER_ACCOUNT, sandbox.authToken()), validMessage());

        assertAuthenticateError(reply);
    }

    @Test
    void an_authorization_header_that_is_not_basic_auth_is_refused_with_Twilio_error_20003() {
        var noPassword = "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8));
        for (var authorization : new String[] {"Bearer abc", "Basic not-base64!", noPassword}) {
            assertAuthenticateError(http.postForm(messagesPath(sandbox.accountSid()), authorization, validMessage()));
        }
    }

    @Test
    void valid_credentials_for_another_account_than_the_path_names_are_refused_with_Twilio_error_20003() {
        var reply = http.postForm(messagesPath(OTHER_ACCOUNT),
                SandboxHttp.basicAuth(sandbox.accountSid(), sandbox.authToken()), validMessage());

        assertAuthenticateError(reply);
    }

    @Test
    void a_path_the_sandbox_does_not_serve_under_another_account_is_refused_with_Twilio_error_20003() {
        var reply = http.get("/2010-04-01/Accounts/" + OTHER_ACCOUNT + "/Calls.json",
                SandboxHttp.basicAuth(sandbox.accountSid(), sandbox.authToken()));

        assertAuthenticateError(reply);
    }

    @Test
    void fetching_a_message_needs_credentials_too() {
        var created = http.postForm(messagesPath(sandbox.accountSid()),
                SandboxHttp.basicAuth(sandbox.accountSid(), sandbox.authToken()), validMessage());

        var reply = http.get(created.json().get("uri").asString(), null);

        assertAuthenticateError(reply);
    }

    @Test
    void a_refused_message_is_not_kept() {
        http.delete("/sandbox/messages");

        http.postForm(messagesPath(sandbox.accountSid()), null, validMessage());

        assertThat(http.get("/sandbox/messages", null).json()).isEmpty();
    }

    private static String messagesPath(String accountSid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
    }

    private static String[] validMessage() {
        return new String[] {"To", "+15551230001", "From", "+15005550006", "Body", "hi"};
    }

    private static void assertAuthenticateError(Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("code").asInt()).isEqualTo(20003);
        assertThat(reply.json().get("message").asString()).isEqualTo("Authenticate");
        assertThat(reply.json().get("more_info").asString()).isEqualTo("https://www.twilio.com/docs/errors/20003");
        assertThat(reply.json().get("status").asInt()).isEqualTo(401);
    }
}
