package dev.ticketsms.notification.webhooks;

import com.twilio.security.RequestValidator;
import dev.ticketsms.notification.sms.TwilioRoutes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Tells a webhook Twilio sent for our account from anything else. Twilio signs the URL it was given (our public one,
 * not the address the request reaches us at behind a proxy) followed by the POST parameters sorted by name, with
 * HMAC-SHA1 keyed by the auth token; the signature alone does not name the account, so {@code AccountSid} must be the
 * account whose token signed it (a request genuinely signed for another account, replayed here, is refused). With a
 * failover route there are two accounts: either one's signature, with its own {@code AccountSid}, is genuine.
 */
@Component
class TwilioSignature {

    /** Why a request was refused; a tag on the refusal counter. */
    enum Refusal {
        NOT_CONFIGURED, MISSING_SIGNATURE, BAD_SIGNATURE, OTHER_ACCOUNT
    }

    static final String HEADER = "X-Twilio-Signature";

    private record Account(String accountSid, RequestValidator validator) {
    }

    private final String publicBaseUrl;
    private final List<Account> accounts;

    @Autowired
    TwilioSignature(WebhookProperties webhooks, TwilioRoutes routes) {
        this(webhooks, routes.accounts());
    }

    TwilioSignature(WebhookProperties webhooks, List<TwilioRoutes.Account> accounts) {
        this.publicBaseUrl = webhooks.publicBaseUrlWithoutTrailingSlash();
        this.accounts = accounts.stream()
                .map(account -> new Account(account.accountSid(), new RequestValidator(account.authToken())))
                .toList();
    }

    /** @return why the request must be refused; empty when it is genuine */
    Optional<Refusal> check(HttpServletRequest request, Map<String, String> form) {
        if (publicBaseUrl.isEmpty()) {
            return Optional.of(Refusal.NOT_CONFIGURED);
        }
        String signature = request.getHeader(HEADER);
        if (signature == null || signature.isBlank()) {
            return Optional.of(Refusal.MISSING_SIGNATURE);
        }
        String url = publicUrl(request);
        List<Account> signers = accounts.stream().filter(account -> account.validator().validate(url, form, signature)).toList();
        if (signers.isEmpty()) {
            return Optional.of(Refusal.BAD_SIGNATURE);
        }
        return signers.stream().anyMatch(account -> account.accountSid().equals(form.get("AccountSid")))
                ? Optional.empty() : Optional.of(Refusal.OTHER_ACCOUNT);
    }

    /** The URL Twilio was given for this request: the configured public base, then the path and query as received. */
    private String publicUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return publicBaseUrl + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /**
     * The form fields of the body, without the query parameters the servlet API merges into the same map: Twilio
     * signs only the body's fields (the query is part of the signed URL).
     */
    static Map<String, String> formFields(HttpServletRequest request) {
        Map<String, List<String>> query = queryParameters(request.getQueryString());
        var form = new TreeMap<String, String>();
        request.getParameterMap().forEach((name, values) -> {
            var bodyValues = new ArrayList<>(Arrays.asList(values));
            query.getOrDefault(name, List.of()).forEach(bodyValues::remove);
            if (!bodyValues.isEmpty()) {
                form.put(name, bodyValues.getFirst());
            }
        });
        return form;
    }

    private static Map<String, List<String>> queryParameters(String query) {
        var parameters = new HashMap<String, List<String>>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
