package dev.ticketsms.sandbox.inbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.ticketsms.sandbox.PhoneMask;
import dev.ticketsms.sandbox.SandboxProperties;
import dev.ticketsms.sandbox.messages.MessageIntake;
import dev.ticketsms.sandbox.messages.SandboxMessage;
import dev.ticketsms.sandbox.stats.SandboxStats;
import dev.ticketsms.sandbox.twilio.SignedWebhooks;
import dev.ticketsms.web.problems.InvalidField;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sandbox/inbound}: a phone "texts" the application. The sandbox keeps the inbound message,
 * posts Twilio's signed inbound-message webhook to the application, sends back every TwiML
 * {@code <Message>} the application answers with, and tells the caller what the application replied.
 */
@RestController
class InboundApi {

    private static final Logger log = LoggerFactory.getLogger(InboundApi.class);
    private static final Pattern E164 = Pattern.compile("\\+[0-9]{8,15}");
    private static final int MAX_BODY_CHARACTERS = 1600;

    private final MessageIntake intake;
    private final SignedWebhooks webhooks;
    private final SandboxStats stats;
    private final SandboxProperties properties;

    InboundApi(MessageIntake intake, SignedWebhooks webhooks, SandboxStats stats, SandboxProperties properties) {
        this.intake = intake;
        this.webhooks = webhooks;
        this.stats = stats;
        this.properties = properties;
    }

    /** @param webhookUrl where to post this one; {@code sandbox.inbound-webhook-url} when null */
    record InboundSms(String from, String to, String body, String webhookUrl) {
    }

    /**
     * @param webhookStatus      the application's HTTP status (it may be 4xx/5xx: the sandbox reports, it does not judge)
     * @param webhookContentType the application's content type
     * @param webhookBody        the application's answer as sent, e.g. TwiML
     * @param replies            the SMS the sandbox sent back because the answer asked for them
     */
    record InboundResult(String messageSid, URI webhookUrl, int webhookStatus, String webhookContentType,
            String webhookBody, List<ReplyJson> replies) {
    }

    record ReplyJson(String sid, String from, String to, String body) {

        static ReplyJson of(SandboxMessage reply) {
            return new ReplyJson(reply.sid().value(), reply.from(), reply.to(), reply.body());
        }
    }

    @PostMapping("/sandbox/inbound")
    InboundResult receive(@RequestBody InboundSms sms) {
        var webhookUrl = valid(sms);
        var inbound = intake.receiveInbound(properties.accountSid(), sms.from(), sms.to(), sms.body());
        var answer = webhooks.postOnce(webhookUrl, webhookForm(inbound));
        stats.inbound(answer.succeeded());
        if (answer.status() == 0) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                    "The inbound webhook " + webhookUrl + " could not be reached: " + answer.body());
            problem.setProperty("messageSid", inbound.sid().value());
            throw new ErrorResponseException(HttpStatus.BAD_GATEWAY, problem, null);
        }
        log.info("Inbound SMS {} from {} answered HTTP {}", inbound.sid(), PhoneMask.of(sms.from()), answer.status());
        var replies = answer.succeeded()
                ? TwimlReplies.in(answer.body(), sms.from()).stream()
                        .map(reply -> intake.acceptReply(properties.accountSid(), sms.to(), reply.to(), reply.body()))
                        .map(ReplyJson::of)
                        .toList()
                : List.<ReplyJson>of();
        return new InboundResult(inbound.sid().value(), webhookUrl, answer.status(), answer.contentType(),
                answer.body(), replies);
    }

    /** The form fields Twilio posts for an incoming SMS. */
    private static Map<String, String> webhookForm(SandboxMessage inbound) {
        var form = new LinkedHashMap<String, String>();
        form.put("MessageSid", inbound.sid().value());
        form.put("SmsSid", inbound.sid().value());
        form.put("SmsMessageSid", inbound.sid().value());
        form.put("AccountSid", inbound.accountSid());
        form.put("From", inbound.from());
        form.put("To", inbound.to());
        form.put("Body", inbound.body());
        form.put("NumMedia", "0");
        form.put("NumSegments", String.valueOf(inbound.numSegments()));
        form.put("SmsStatus", "received");
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    private URI valid(InboundSms sms) {
        var invalid = new ArrayList<InvalidField>();
        if (sms.from() == null || !E164.matcher(sms.from()).matches()) {
            invalid.add(new InvalidField("from", "must be an E.164 number such as +15551230001"));
        }
        if (sms.to() == null || !E164.matcher(sms.to()).matches()) {
            invalid.add(new InvalidField("to", "must be an E.164 number such as +15005550006"));
        }
        if (sms.body() == null) {
            invalid.add(new InvalidField("body", "must not be null"));
        } else if (sms.body().codePointCount(0, sms.body().length()) > MAX_BODY_CHARACTERS) {
            invalid.add(new InvalidField("body", "must be at most " + MAX_BODY_CHARACTERS + " characters"));
        }
        URI webhookUrl = properties.inboundWebhookUrl();
        if (sms.webhookUrl() != null) {
            webhookUrl = httpUrl(sms.webhookUrl());
            if (webhookUrl == null) {
                invalid.add(new InvalidField("webhookUrl", "must be an http or https URL"));
            }
        } else if (webhookUrl == null) {
            invalid.add(new InvalidField("webhookUrl", "is required when sandbox.inbound-webhook-url is not set"));
        }
        if (!invalid.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, InvalidField.problem(invalid), null);
        }
        return webhookUrl;
    }

    private static URI httpUrl(String value) {
        try {
            var uri = new URI(value.trim());
            var http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException malformed) {
            return null;
        }
    }
}
