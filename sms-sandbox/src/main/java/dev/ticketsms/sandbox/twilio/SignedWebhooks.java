package dev.ticketsms.sandbox.twilio;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ticketsms.sandbox.SandboxProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Posts form-encoded webhooks to the application the way Twilio does: signed with the account's auth
 * token in {@code X-Twilio-Signature}, with Twilio's user agent; retried after a connection failure, a
 * timeout or a 5xx with a doubling pause, up to {@code sandbox.webhooks.attempts} times (a 4xx will not
 * change by asking again). Never throws: the outcome is the answer.
 */
@Component
public class SignedWebhooks {

    private static final Logger log = LoggerFactory.getLogger(SignedWebhooks.class);

    private final String authToken;
    private final SandboxProperties.Webhooks settings;
    private final HttpClient client;

    SignedWebhooks(SandboxProperties properties) {
        this.authToken = properties.authToken();
        this.settings = properties.webhooks();
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * What the application answered.
     *
     * @param status      the HTTP status of the last attempt, or 0 when no attempt got an answer
     * @param contentType the answer's content type, or null
     * @param body        the answer's body, or the reason no answer came
     * @param attempts    how many times the webhook was posted
     */
    public record Answer(int status, String contentType, String body, int attempts) {

        public boolean succeeded() {
            return status >= 200 && status < 300;
        }

        boolean worthRetrying() {
            return status == 0 || status >= 500;
        }
    }

    /** Posts once; for webhooks whose answer a caller is waiting for. */
    public Answer postOnce(URI url, Map<String, String> form) {
        return post(url, form, 1);
    }

    /** Posts until the application answers, 5xx aside, or the attempts run out. */
    public Answer postWithRetries(URI url, Map<String, String> form) {
        return post(url, form, settings.attempts());
    }

    private Answer post(URI url, Map<String, String> form, int maxAttempts) {
        var request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("User-Agent", "TwilioProxy/1.1")
                .header(WebhookSignature.HEADER, WebhookSignature.of(authToken, url.toString(), form))
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        var pause = settings.retryBackoff();
        Answer answer = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1 && !pause(pause)) {
                break;
            }
            answer = attempt(request, attempt);
            if (!answer.worthRetrying()) {
                if (!answer.succeeded()) {
                    log.warn("Webhook {} answered HTTP {}", withoutQuery(url), answer.status());
                }
                return answer;
            }
            log.warn("Webhook {} attempt {}/{} failed: {}", withoutQuery(url), attempt, maxAttempts,
                    answer.status() == 0 ? answer.body() : "HTTP " + answer.status());
            pause = pause.multipliedBy(2);
        }
        return answer;
    }

    private Answer attempt(HttpRequest request, int attempt) {
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), attempt);
        } catch (IOException unreachable) {
            return new Answer(0, null, describe(unreachable), attempt);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted", attempt);
        }
    }

    /** The JDK's connect failures carry their reason in the cause, with no message of their own. */
    private static String describe(IOException failure) {
        Throwable reason = failure;
        while (reason.getMessage() == null && reason.getCause() != null) {
            reason = reason.getCause();
        }
        return failure.getClass().getSimpleName() + (reason.getMessage() == null ? "" : ": " + reason.getMessage());
    }

    /** Query strings and user info may carry credentials; logs show where, not how. */
    private static String withoutQuery(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + url.getPath();
    }

    private static boolean pause(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
