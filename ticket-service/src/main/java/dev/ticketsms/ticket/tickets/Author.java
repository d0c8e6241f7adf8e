package dev.ticketsms.ticket.tickets;

/** The authenticated user behind a change, from the token's {@code sub} and {@code name} claims. */
public record Author(String userId, String displayName) {
}
