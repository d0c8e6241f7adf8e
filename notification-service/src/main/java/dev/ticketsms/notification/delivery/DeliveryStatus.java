package dev.ticketsms.notification.delivery;

/** Where one (event, recipient) SMS stands. */
enum DeliveryStatus {
    /** Claimed, not yet handed to Twilio (or handed back after Twilio certainly did not take it). */
    PENDING,
    /** A send is under way; a row left here by a crash is not sent again automatically. */
    SENDING,
    SENT,
    DELIVERED,
    UNDELIVERED,
    FAILED,
    SKIPPED
}
