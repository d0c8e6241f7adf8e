package dev.ticketsms.profile.profiles;

/**
 * What the caller asks to store; a null phoneNumber removes the number, a null opt-in keeps the current one,
 * null preferences keep the current ones.
 */
record ProfileUpdate(String userId, String displayName, PhoneNumber phoneNumber, Boolean smsNotificationsEnabled,
                     NotificationPreferences preferences) {
}
