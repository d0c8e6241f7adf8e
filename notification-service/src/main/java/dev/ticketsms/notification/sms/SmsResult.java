package dev.ticketsms.notification.sms;

/** How one send through Twilio ended. */
public sealed interface SmsResult {

    /** Twilio accepted the message and named it. */
    record Accepted(String sid, String status, int segments) implements SmsResult {
    }

    /** Twilio refused it for a reason that sending again will not fix (invalid number, opted out, ...). */
    record Rejected(int errorCode, String message) implements SmsResult {
    }

    /** The request may have reached Twilio but no answer says whether it was sent (5xx, read timeout). */
    record OutcomeUnknown(String reason) implements SmsResult {
    }

    /** The {@link WireGate} kept the request from going out; it says why. Nothing reached Twilio. */
    record NotAttempted() implements SmsResult {
    }
}
