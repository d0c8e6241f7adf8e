package dev.ticketsms.notification.webhooks;

import dev.ticketsms.notification.delivery.TwilioSignatures;
import dev.ticketsms.notification.sms.SmsRoute;
import dev.ticketsms.notification.sms.TwilioRoutes;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind a proxy the request reaches us at another address than Twilio signed; only the configured one counts. */
class TwilioSignatureTest {

    private static final String ACCOUNT = "AC00000000000000000000000000000000";
    private static final String FAILOVER_ACCOUNT = "AC11111111111111111111111111111111";
    private static final String HELP = "help";

    @Test
    void aCallbackSignedForThePublicUrlIsGenuineAlthoughItArrivedAtTheInternalOne() {
        var signature = signature("https://notify.example.com/");
        var request = callback("delivery=7", "MessageStatus=delivered&MessageSid=SM1&AccountSid=" + ACCOUNT);
        var form = TwilioSignature.formFields(request);
        request.addHeader(TwilioSignature.HEADER, sign("https://notify.example.com/webhooks/twilio/status?delivery=7", form));

        assertThat(form).containsOnlyKeys("MessageStatus", "MessageSid", "AccountSid");
        assertThat(signature.check(request, form)).isEmpty();
    }

    @Test
    void aSignatureForTheInternalUrlIsRefused() {
        var signature = signature("https://notify.example.com");
        var request = callback("delivery=7", "MessageStatus=delivered&MessageSid=SM1&AccountSid=" + ACCOUNT);
        var form = TwilioSignature.formFields(request);
        request.addHeader(TwilioSignature.HEADER, sign("http://10.0.0.5:8083/webhooks/twilio/status?delivery=7", form));

        assertThat(signature.check(request, form)).contains(TwilioSignature.Refusal.BAD_SIGNATURE);
    }

    @Test
    void aQueryParameterIsNotTakenForAFormFieldEvenWithTheSameName() {
        var request = callback("delivery=7&MessageSid=SMquery", "MessageSid=SMbody&delivery=8");

        assertThat(TwilioSignature.formFields(request)).containsExactly(Map.entry("MessageSid", "SMbody"), Map.entry("delivery", "8"));
    }

    @Test
    void withoutAPublicUrlNothingCanBeVerifiedSoEverythingIsRefused() {
        var request = callback(null, "MessageSid=SM1&AccountSid=" + ACCOUNT);
        var form = TwilioSignature.formFields(request);
        request.addHeader(TwilioSignature.HEADER, sign("http://localhost/webhooks/twilio/status", form));

        assertThat(signature("").check(request, form)).contains(TwilioSignature.Refusal.NOT_CONFIGURED);
    }

    @Test
    void withAFailoverAccountEitherAccountsSignatureWithItsOwnAccountSidIsGenuine() {
        var signature = new TwilioSignature(new WebhookProperties("https://notify.example.com", HELP, "commands"), List.of(
                new TwilioRoutes.Account(SmsRoute.PRIMARY, ACCOUNT, "token"),
                new TwilioRoutes.Account(SmsRoute.FAILOVER, FAILOVER_ACCOUNT, "failover-token")));
        String url = "https://notify.example.com/webhooks/twilio/status?delivery=7";

        var primary = callback("delivery=7", "MessageStatus=delivered&MessageSid=SM1&AccountSid=" + ACCOUNT);
        var primaryForm = TwilioSignature.formFields(primary);
        primary.addHeader(TwilioSignature.HEADER, sign(url, primaryForm));
        var failover = callback("delivery=7", "MessageStatus=delivered&MessageSid=SM2&AccountSid=" + FAILOVER_ACCOUNT);
        var failoverForm = TwilioSignature.formFields(failover);
        failover.addHeader(TwilioSignature.HEADER, TwilioSignatures.sign("failover-token", url, failoverForm));
        // signed with the primary's token but naming the failover account: one account vouching for the other
        var crossed = callback("delivery=7", "MessageStatus=delivered&MessageSid=SM3&AccountSid=" + FAILOVER_ACCOUNT);
        var crossedForm = TwilioSignature.formFields(crossed);
        crossed.addHeader(TwilioSignature.HEADER, sign(url, crossedForm));

        assertThat(signature.check(primary, primaryForm)).isEmpty();
        assertThat(signature.check(failover, failoverForm)).isEmpty();
        assertThat(signature.check(crossed, crossedForm)).contains(TwilioSignature.Refusal.OTHER_ACCOUNT);
    }

    private static TwilioSignature signature(String publicBaseUrl) {
        return new TwilioSignature(new WebhookProperties(publicBaseUrl, HELP, "commands"),
                List.of(new TwilioRoutes.Account(SmsRoute.PRIMARY, ACCOUNT, "token")));
    }

    /** As the servlet container hands it over: query and form fields merged into one parameter map. */
    private static MockHttpServletRequest callback(String query, String body) {
        var request = new MockHttpServletRequest("POST", "/webhooks/twilio/status");
        request.setServerName("10.0.0.5");
        request.setServerPort(8083);
        request.setContentType(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        request.setQueryString(query);
        for (String part : (query == null ? "" : query + "&").concat(body).split("&")) {
            String[] pair = part.split("=", 2);
            request.addParameter(pair[0], pair[1]);
        }
        return request;
    }

    private static String sign(String url, Map<String, String> form) {
        return TwilioSignatures.sign("token", url, form);
    }
}
