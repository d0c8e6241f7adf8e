package dev.ticketsms.notification.sms;

/**
 * Twilio certainly did not take the message (it could not be reached, or it answered 429): sending again is safe.
 */
public class SmsNotSentException extends RuntimeException {

    SmsNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
