package dev.ticketsms.notification.sms;

/** Twilio's Messages list could not be read; the message's outcome stays unknown and is looked up again later. */
public class SmsLookupFailedException extends RuntimeException {

    SmsLookupFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
