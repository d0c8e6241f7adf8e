package dev.ticketsms.ticket.tickets;

/**
 * Who is asking, from the token: {@code sub}, {@code name}, and whether {@code roles} holds {@code admin}.
 * Admins see every team's tickets; anyone else only those of the teams they belong to.
 */
public record Caller(String userId, String displayName, boolean admin) {

    Author author() {
        return new Author(userId, displayName);
    }
}
