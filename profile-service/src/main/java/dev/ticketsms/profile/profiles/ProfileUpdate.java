package dev.ticketsms.profile.profiles;

/** What the caller asks to store; a null phoneNumber removes the number, a null opt-in keeps the current one. */
record ProfileUpdate(String userId, String displayName, PhoneNumber phoneNumber, Boolean smsNotificationsEnabled) {
}
