package dev.ticketsms.notification.webhooks;

import dev.ticketsms.notification.delivery.DeliveryMetrics;
import dev.ticketsms.notification.delivery.DeliveryStatusCallbacks;
import dev.ticketsms.notification.delivery.StatusCallback;
import dev.ticketsms.web.problems.InvalidField;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;


/**
 * Twilio's webhooks. Neither carries a bearer token: the {@code X-Twilio-Signature} over our public URL and the
 * form, plus our {@code AccountSid}, is the authentication. A request failing it gets 403 before anything is read
 * or changed.
 */
@RestController
@RequestMapping(path = "/webhooks/twilio", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
class TwilioWebhooksController {

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhooksController.class);
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final Pattern DELIVERY_ID = Pattern.compile("\\d{1,18}");
    private static final Pattern ERROR_CODE = Pattern.compile("\\d{1,9}");

    private final TwilioSignature signature;
    private final DeliveryStatusCallbacks callbacks;
    private final SmsReplies replies;
    private final DeliveryMetrics metrics;

    TwilioWebhooksController(TwilioSignature signature, DeliveryStatusCallbacks callbacks, SmsReplies replies,
                             DeliveryMetrics metrics) {
        this.signature = signature;
        this.callbacks = callbacks;
        this.replies = replies;
        this.metrics = metrics;
    }

    /** A message's status changed. Answered 200 whatever became of it (Twilio cannot act on anything else). */
    @PostMapping("/status")
    ResponseEntity<?> status(HttpServletRequest request) {
        Map<String, String> form = TwilioSignature.formFields(request);
        Optional<ResponseEntity<ProblemDetail>> refused = refuseUnlessGenuine("status", request, form);
        if (refused.isPresent()) {
            return refused.get();
        }
        var invalid = new ArrayList<InvalidField>();
        String sid = required(form, "MessageSid", invalid);
        String status = required(form, "MessageStatus", invalid);
        if (status != null && StatusCallback.ledgerStatus(status).isEmpty()) {
            invalid.add(new InvalidField("MessageStatus", "is not a Twilio message status"));
        }
        String errorCode = form.get("ErrorCode");
        if (errorCode != null && !errorCode.isBlank() && !ERROR_CODE.matcher(errorCode).matches()) {
            invalid.add(new InvalidField("ErrorCode", "is not a number"));
        }
        String delivery = request.getParameter("delivery");
        if (delivery != null && !DELIVERY_ID.matcher(delivery).matches()) {
            invalid.add(new InvalidField("delivery", "is not a delivery id"));
        }
        if (!invalid.isEmpty()) {
            return badRequest(invalid);
        }
        callbacks.apply(new StatusCallback(delivery == null ? null : Long.valueOf(delivery), sid,
                status.toLowerCase(Locale.ROOT), errorCode == null || errorCode.isBlank() ? null : Integer.valueOf(errorCode)));
        return ResponseEntity.ok().build();
    }

    /** An SMS to our number: STOP / START / HELP are acted on, the TwiML answer is the reply (if any). */
    @PostMapping("/inbound")
    ResponseEntity<?> inbound(HttpServletRequest request) {
        Map<String, String> form = TwilioSignature.formFields(request);
        Optional<ResponseEntity<ProblemDetail>> refused = refuseUnlessGenuine("inbound", request, form);
        if (refused.isPresent()) {
            return refused.get();
        }
        var invalid = new ArrayList<InvalidField>();
        String sid = required(form, "MessageSid", invalid);
        String from = required(form, "From", invalid);
        if (from != null && !E164.matcher(from).matches()) {
            invalid.add(new InvalidField("From", "is not an E.164 phone number"));
        }
        if (!invalid.isEmpty()) {
            return badRequest(invalid);
        }
        String twiml = replies.handle(new InboundSms(sid, from, form.getOrDefault("Body", "")));
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(twiml);
    }

    private Optional<ResponseEntity<ProblemDetail>> refuseUnlessGenuine(String endpoint, HttpServletRequest request,
                                                                        Map<String, String> form) {
        return signature.check(request, form).map(refusal -> {
            String reason = refusal.name().toLowerCase(Locale.ROOT);
            metrics.webhookRefused(endpoint, reason);
            log.warn("Refused a Twilio {} webhook from {}: {}", endpoint, request.getRemoteAddr(), reason);
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "The request is not signed by this service's Twilio account for this URL");
            problem.setTitle("Forbidden");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        });
    }

    private static String required(Map<String, String> form, String field, List<InvalidField> invalid) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            invalid.add(new InvalidField(field, "is required"));
            return null;
        }
        return value.strip();
    }

    private static ResponseEntity<ProblemDetail> badRequest(List<InvalidField> invalid) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(InvalidField.problem(invalid));
    }
}
