package dev.ticketsms.sandbox;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The one account the sandbox accepts, how many received messages it keeps, and how it talks back to
 * the application: status callbacks, inbound webhooks and the inbox page.
 *
 * @param accountSid        the account SID clients authenticate as (HTTP basic user)
 * @param authToken         the auth token clients authenticate with (HTTP basic password); it also signs
 *                          every callback and webhook the sandbox posts, as Twilio signs with the account's token
 * @param messageCapacity   how many received messages are kept; the oldest are dropped first
 * @param inboundWebhookUrl where simulated inbound SMS are posted; null when only per-request URLs are used
 * @param callbacks         how status callbacks are sent
 * @param webhooks          how the sandbox's own HTTP client calls the application
 * @param inbox             the web inbox page
 */
@Validated
@ConfigurationProperties("sandbox")
public record SandboxProperties(
        @NotBlank @Pattern(regexp = "AC[0-9a-fA-F]{32}") String accountSid,
        @NotBlank String authToken,
        @Positive int messageCapacity,
        URI inboundWebhookUrl,
        @NotNull @Valid Callbacks callbacks,
        @NotNull @Valid Webhooks webhooks,
        @NotNull @Valid Inbox inbox) {

    /**
     * @param delay how long each step of a message's life takes (queued → sent → delivered), so the
     *              status in the store and the callbacks follow the API's 201 after a while, not at once
     */
    public record Callbacks(@NotNull Duration delay) {
    }

    /**
     * @param attempts     how many times a callback or webhook is posted before the sandbox gives up on it
     * @param retryBackoff the pause before the second attempt; doubled before each further one
     * @param timeout      connect and response timeout of each attempt
     */
    public record Webhooks(@Positive int attempts, @NotNull Duration retryBackoff, @NotNull Duration timeout) {
    }

    /** @param refresh how often the inbox page reloads itself */
    public record Inbox(@NotNull Duration refresh) {
    }
}
