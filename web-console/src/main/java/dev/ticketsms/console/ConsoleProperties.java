package dev.ticketsms.console;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the console's API calls go.
 *
 * @param ticketService       ticket-service's base URL ({@code /api/tickets/**})
 * @param profileService      profile-service's ({@code /api/user/**}, {@code /api/users/**}, {@code /api/teams/**},
 *                            {@code /api/phone-numbers/**})
 * @param notificationService notification-service's ({@code /api/notifications}, {@code /api/sms/**})
 * @param devIdentity         the local stack's dev token issuer, for the sign-in form ({@code POST /dev/token} goes to
 *                            its {@code /token}); unset: no such form, the user pastes a token from their issuer
 * @param smsSandbox          the sms-sandbox, whose received messages the profile page shows as "your phone"
 *                            ({@code GET /sandbox/messages}); unset: not shown, as with real Twilio
 * @param timeout             how long one call to a service may take
 * @param maxRequestBody      larger request bodies are refused (413) before any service sees them
 */
@Validated
@ConfigurationProperties("console")
record ConsoleProperties(@NotNull URI ticketService, @NotNull URI profileService, @NotNull URI notificationService,
                         URI devIdentity, URI smsSandbox,
                         @DefaultValue("10s") Duration timeout,
                         @DefaultValue("256KB") DataSize maxRequestBody) {
}
