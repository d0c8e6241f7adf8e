package dev.ticketsms.ticket.tickets;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on what texts a team ({@code tickets.limits.*}): every ticket created and every status change becomes an
 * SMS to each member, so one user (or a script with their token) opening tickets in a loop, or a ticket flipped
 * back and forth, must not become a flood. Past a limit the request is a 429 with {@code Retry-After}.
 *
 * @param creationsPerUser       tickets one user may open
 * @param statusChangesPerTicket status changes one ticket may take, whoever makes them
 */
@Validated
@ConfigurationProperties("tickets.limits")
public record TicketLimits(@Valid @DefaultValue Limit creationsPerUser, @Valid @DefaultValue Limit statusChangesPerTicket) {

    /** {@code count} actions per {@code period}, refilled steadily. */
    public record Limit(@DefaultValue("10") @Positive int count, @DefaultValue("1m") @NotNull Duration period) {

        @Override
        public String toString() {
            return count + " per " + period.toString().substring(2).toLowerCase();
        }
    }
}
