package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.recipients.Recipient;
import dev.ticketsms.notification.sms.SmsNotSentException;
import dev.ticketsms.notification.sms.SmsResult;
import dev.ticketsms.notification.sms.SmsSender;
import dev.ticketsms.notification.webhooks.NumberHealth;
import dev.ticketsms.notification.webhooks.SmsSuppressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends one message to its recipients: claims a ledger row per recipient, then sends to all of them at once on
 * virtual threads (the Twilio bulkhead and rate limiter bound how many calls really run). Recipients Twilio certainly
 * did not take are released and reported together, after every other recipient has had their SMS, so a redelivery
 * of the event sends only to them.
 */
@Component
class SmsDelivery {

    private static final Logger log = LoggerFactory.getLogger(SmsDelivery.class);

    private final DeliveryLedger ledger;
    private final SmsSender sender;
    private final DeliveryMetrics metrics;
    private final SmsSuppressions suppressions;
    private final NumberHealth numbers;
    private final String statusCallbackBase;

    SmsDelivery(DeliveryLedger ledger, SmsSender sender, DeliveryMetrics metrics, SmsSuppressions suppressions,
                NumberHealth numbers, @Value("${notifications.webhooks.public-base-url:}") String publicBaseUrl) {
        this.ledger = ledger;
        this.sender = sender;
        this.metrics = metrics;
        this.suppressions = suppressions;
        this.numbers = numbers;
        this.statusCallbackBase = publicBaseUrl.isBlank() ? null
                : publicBaseUrl.replaceAll("/+$", "") + "/webhooks/twilio/status?delivery=";
    }

    /**
     * @throws DeliveryIncompleteException when some recipients could not be sent to now; their rows are PENDING again
     */
    void deliver(OutgoingSms sms, List<Recipient> recipients) {
        recipients.forEach(recipient -> ledger.claim(sms, recipient));
        var notSent = new ArrayList<SmsNotSentException>();
        try (var perRecipient = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sends = recipients.stream()
                    .<Future<?>>map(recipient -> perRecipient.submit(() -> deliverTo(sms, recipient)))
                    .toList();
            for (Future<?> send : sends) {
                try {
                    send.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SmsNotSentException notSentNow) {
                        notSent.add(notSentNow);
                    } else if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    } else {
                        throw new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while sending " + sms.eventId(), e);
                }
            }
        }
        ledger.skipPendingExcept(sms.eventId(), recipients.stream().map(Recipient::userId).toList(),
                "no longer a recipient (opted out, preferences or team changed since an earlier attempt)");
        if (!notSent.isEmpty()) {
            var incomplete = new DeliveryIncompleteException(sms.eventId(), notSent.size(), recipients.size(), notSent.getFirst());
            notSent.stream().skip(1).forEach(incomplete::addSuppressed);
            throw incomplete;
        }
    }

    private void deliverTo(OutgoingSms sms, Recipient recipient) {
        ledger.startSending(sms.eventId(), recipient.userId()).ifPresent(delivery -> send(delivery, sms, recipient));
    }

    private void send(long delivery, OutgoingSms sms, Recipient recipient) {
        if (mustNotText(delivery, sms, recipient)) {
            return;
        }
        SmsResult result;
        try {
            result = metrics.timeSend(() -> sender.send(recipient.phoneNumber(), sms.body().text(), statusCallback(delivery)));
        } catch (SmsNotSentException e) {
            ledger.release(delivery);
            metrics.notSent(e.reason().name().toLowerCase(Locale.ROOT));
            throw e;
        }
        ledger.record(delivery, result);
        switch (result) {
            case SmsResult.Accepted accepted -> {
                metrics.accepted(accepted, sms.occurredAt());
                log.info("SMS {} ({}) for event {} sent to {} ({} segments)", accepted.sid(), sms.kind(), sms.eventId(),
                        recipient.maskedPhoneNumber(), accepted.segments());
            }
            case SmsResult.Rejected rejected -> {
                metrics.rejected(rejected);
                numbers.failed(recipient.phoneNumber(), rejected.errorCode(), rejected.message());
                log.warn("Twilio rejected the SMS for event {} to {}: {} {}", sms.eventId(),
                        recipient.maskedPhoneNumber(), rejected.errorCode(), rejected.message());
            }
            case SmsResult.OutcomeUnknown unknown -> {
                metrics.outcomeUnknown();
                log.error("SMS for event {} to {} may or may not have been sent; not sent again: {}", sms.eventId(),
                        recipient.maskedPhoneNumber(), unknown.reason());
            }
        }
    }

    /**
     * Checked after the claim, so a STOP that arrives while the event waits still prevents the SMS. If the check itself
     * fails the row goes back to PENDING (nothing was sent) and the event is retried.
     */
    private boolean mustNotText(long delivery, OutgoingSms sms, Recipient recipient) {
        try {
            if (suppressions.isSuppressed(recipient.phoneNumber())) {
                skip(delivery, sms, recipient, "opted_out", "the number replied STOP");
                return true;
            }
            if (numbers.isUnusable(recipient.phoneNumber())) {
                skip(delivery, sms, recipient, "number_unusable", "Twilio refused the number for good");
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            ledger.release(delivery);
            throw e;
        }
    }

    private void skip(long delivery, OutgoingSms sms, Recipient recipient, String reason, String why) {
        ledger.skip(delivery, why);
        metrics.skipped(reason);
        log.info("SMS ({}) for event {} to {} not sent: {}", sms.kind(), sms.eventId(), recipient.maskedPhoneNumber(), why);
    }

    private URI statusCallback(long delivery) {
        return statusCallbackBase == null ? null : URI.create(statusCallbackBase + delivery);
    }
}
