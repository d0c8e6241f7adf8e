package dev.ticketsms.profile.recipients;

/** A team member who has a phone number and wants SMS; phoneNumber is E.164. */
record SmsRecipient(String userId, String phoneNumber, String displayName) {
}
