package dev.ticketsms.notification.slack;

import dev.ticketsms.events.Severity;
import dev.ticketsms.notification.recipients.Channel;
import dev.ticketsms.notification.recipients.Recipient;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Teams' Slack channels ({@code notifications.slack}): an incoming webhook URL per team, configured as
 * {@code <team id>=<url>} (SLACK_WEBHOOKS); each ticket event of at least {@code minimumSeverity} is posted there once,
 * beside the members' SMS and email. A webhook URL holds Slack's token: it is never logged nor stored in the ledger.
 * Posting is classified like an SMS: no connection or 429 proves nothing was posted (sent later); another 4xx is
 * Slack refusing the webhook (FAILED); a 5xx or a timeout may have posted it (FAILED, never posted twice).
 */
@Component
public class SlackWebhooks {

    /** The ledger's recipient id of a team's Slack channel (one row per event and team). */
    public static final String RECIPIENT_PREFIX = "slack:";

    /**
     * @param webhooks        {@code <team id>=<incoming webhook URL>} entries
     * @param minimumSeverity tickets below it are not posted
     * @param timeout         connect and answer timeout of one post
     */
    @Validated
    @ConfigurationProperties("notifications.slack")
    public record Settings(List<String> webhooks, @NotNull Severity minimumSeverity, @NotNull Duration timeout) {
    }

    /** How one post ended. */
    public sealed interface Result {
        record Posted() implements Result {
        }

        /** Slack refused the webhook or the payload for good (404 no_service, 403 invalid_token, 410 ...). */
        record Rejected(String reason) implements Result {
        }

        /** It may or may not have been posted (5xx, no answer in time). */
        record OutcomeUnknown(String reason) implements Result {
        }
    }

    /** Nothing was posted: trying again later cannot post it twice. */
    public static final class NotPostedException extends RuntimeException {
        NotPostedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<UUID, URI> byTeam;
    private final Severity minimumSeverity;
    private final Duration timeout;
    private final HttpClient http;

    SlackWebhooks(Settings settings) {
        this.byTeam = parse(settings.webhooks() == null ? List.of() : settings.webhooks());
        this.minimumSeverity = settings.minimumSeverity();
        this.timeout = settings.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The recipients of a ticket event with the team's Slack channel added, when the team has a webhook and the
     * ticket is severe enough.
     */
    public List<Recipient> withTeamChannel(UUID teamId, Severity severity, List<Recipient> members) {
        if (teamId == null || !byTeam.containsKey(teamId) || severity != null && severity.compareTo(minimumSeverity) < 0) {
            return members;
        }
        var all = new ArrayList<>(members);
        all.add(new Recipient(RECIPIENT_PREFIX + teamId, null, "Slack", null, Channel.SLACK, null));
        return all;
    }

    /**
     * @throws NotPostedException when nothing was posted: no webhook for the team any more, no connection, 429
     */
    public Result post(UUID teamId, String text) {
        URI webhook = byTeam.get(teamId);
        if (webhook == null) {
            throw new NotPostedException("no Slack webhook is configured for team " + teamId, null);
        }
        var request = HttpRequest.newBuilder(webhook).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json(text), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException | UnknownHostException e) {
            throw new NotPostedException("Slack could not be reached: " + e, e);
        } catch (IOException e) {
            return new Result.OutcomeUnknown(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.OutcomeUnknown("interrupted while waiting for Slack's answer");
        }
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body().strip();
        String said = body.length() > 200 ? body.substring(0, 200) : body;
        if (status >= 200 && status < 300) {
            return new Result.Posted();
        }
        if (status == 429) {
            throw new NotPostedException("Slack is rate limiting (429)", null);
        }
        if (status >= 400 && status < 500) {
            return new Result.Rejected("HTTP " + status + " " + said);
        }
        return new Result.OutcomeUnknown("HTTP " + status + " " + said);
    }

    /** Slack's incoming-webhook payload: {"text": ...}. */
    static String json(String text) {
        return JSON.writeValueAsString(Map.of("text", text));
    }

    private static Map<UUID, URI> parse(List<String> entries) {
        var webhooks = new HashMap<UUID, URI>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            String[] pair = entry.split("=", 2);
            try {
                URI url = URI.create(pair[1].strip());
                if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()) || url.getHost() == null) {
                    throw new IllegalArgumentException("not an http(s) URL");
                }
                webhooks.put(UUID.fromString(pair[0].strip()), url);
            } catch (RuntimeException e) {
                // the URL holds Slack's token: name the team part only
                throw new IllegalArgumentException("notifications.slack.webhooks (SLACK_WEBHOOKS): an entry for \""
                        + pair[0].strip() + "\" is not <team id>=<webhook URL>", null);
            }
        }
        return Map.copyOf(webhooks);
    }

    /** The team a Slack row is for, from its recipient id. */
    public static Optional<UUID> teamOf(String recipientId) {
        if (recipientId == null || !recipientId.startsWith(RECIPIENT_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(recipientId.substring(RECIPIENT_PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
