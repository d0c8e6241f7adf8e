package dev.ticketsms.sandbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The one account the sandbox accepts, and how many received messages it keeps in memory.
 *
 * @param accountSid      the account SID clients authenticate as (HTTP basic user)
 * @param authToken       the auth token clients authenticate with (HTTP basic password)
 * @param messageCapacity how many received messages are kept; the oldest are dropped first
 */
@Validated
@ConfigurationProperties("sandbox")
public record SandboxProperties(
        @NotBlank @Pattern(regexp = "AC[0-9a-fA-F]{32}") String accountSid,
        @NotBlank String authToken,
        @Positive int messageCapacity) {
}
