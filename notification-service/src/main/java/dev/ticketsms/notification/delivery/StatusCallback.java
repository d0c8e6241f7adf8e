package dev.ticketsms.notification.delivery;

import java.util.Locale;
import java.util.Optional;

/**
 * A Twilio status callback, already verified as genuine.
 *
 * @param deliveryId   the ledger row named by the callback URL's {@code ?delivery=}; null when the URL named none
 * @param messageSid   Twilio's id of the message
 * @param twilioStatus Twilio's status word (queued, sent, delivered, undelivered, failed, ...)
 * @param errorCode    Twilio's error code for undelivered / failed; null otherwise
 */
public record StatusCallback(Long deliveryId, String messageSid, String twilioStatus, Integer errorCode) {

    /** The ledger status a Twilio status means; empty for a word Twilio does not document. */
    public static Optional<DeliveryStatus> ledgerStatus(String twilioStatus) {
        return Optional.ofNullable(switch (twilioStatus.toLowerCase(Locale.ROOT)) {
            // Twilio has the message: for a row still SENDING (a crash during the call) that settles it as sent
            case "queued", "accepted", "scheduled", "sending", "sent" -> DeliveryStatus.SENT;
            case "delivered", "read" -> DeliveryStatus.DELIVERED;
            case "undelivered" -> DeliveryStatus.UNDELIVERED;
            case "failed", "canceled" -> DeliveryStatus.FAILED;
            default -> null;
        });
    }

    DeliveryStatus ledgerStatus() {
        return ledgerStatus(twilioStatus).orElseThrow(() -> new IllegalArgumentException("unknown status " + twilioStatus));
    }
}
