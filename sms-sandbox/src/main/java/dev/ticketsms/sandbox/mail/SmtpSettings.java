package dev.ticketsms.sandbox.mail;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The sandbox's SMTP server, the local stack's mail catcher: off unless a port is given.
 *
 * @param port the port it listens on; unset: no SMTP server; 0: any free port (tests)
 * @param host the address it binds to
 */
@Validated
@ConfigurationProperties("sandbox.smtp")
public record SmtpSettings(@PositiveOrZero @Max(65535) Integer port, @NotBlank String host) {
}
