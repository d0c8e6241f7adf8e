package dev.ticketsms.profile.teams;

/** Who asks to see or change a team: the token's subject, and whether the token carries the admin role. */
record TeamManager(String userId, boolean admin) {
}
