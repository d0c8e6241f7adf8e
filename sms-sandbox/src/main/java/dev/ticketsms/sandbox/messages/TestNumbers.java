package dev.ticketsms.sandbox.messages;

import dev.ticketsms.sandbox.twilio.TwilioApiException;

/**
 * The magic numbers Twilio's test credentials answer with a fixed error, so clients can test their
 * handling of each refusal. Every other number is accepted.
 */
final class TestNumbers {

    private TestNumbers() {
    }

    static void refuseMagicRecipient(String to, String from) {
        switch (to) {
            case "+15005550001" -> throw TwilioApiException.badRequest(21211,
                    "The 'To' number " + to + " is not a valid phone number.");
            case "+15005550002" -> throw TwilioApiException.badRequest(21612,
                    "The 'To' phone number: " + to + ", is not currently reachable using the 'From' phone number: "
                            + (from == null ? "" : from) + " via SMS.");
            case "+15005550003" -> throw TwilioApiException.badRequest(21408,
                    "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: "
                            + to + ".");
            case "+15005550004" -> throw TwilioApiException.badRequest(21610, "Attempt to send to unsubscribed recipient");
            case "+15005550009" -> throw TwilioApiException.badRequest(21614, "'To' number is not a valid mobile number");
            default -> {
            }
        }
    }

    static void refuseMagicSender(String from) {
        if (from == null) {
            return;
        }
        switch (from) {
            case "+15005550001" -> throw TwilioApiException.badRequest(21212,
                    "The 'From' number " + from + " is not a valid phone number, shortcode, or alphanumeric sender ID.");
            case "+15005550007" -> throw TwilioApiException.badRequest(21606,
                    "The 'From' phone number provided (" + from + ") is not a valid, message-capable Twilio phone number for this destination.");
            case "+15005550008" -> throw TwilioApiException.badRequest(21611,
                    "This 'From' number has exceeded the maximum number of queued messages");
            default -> {
            }
        }
    }
}
