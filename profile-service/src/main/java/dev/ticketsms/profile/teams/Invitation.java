package dev.ticketsms.profile.teams;

import java.time.Instant;
import java.util.UUID;

/** A team's owner asked {@code userId} to join; they are no member (and get no SMS from the team) until they accept. */
record Invitation(UUID teamId, String teamName, String userId, String invitedBy, Instant invitedAt) {
}
