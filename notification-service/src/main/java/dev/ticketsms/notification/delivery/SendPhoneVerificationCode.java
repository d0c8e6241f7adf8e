package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.PhoneVerificationRequested;
import dev.ticketsms.events.ProfileEvent;
import dev.ticketsms.events.Topics;
import dev.ticketsms.notification.recipients.Recipient;
import dev.ticketsms.notification.templates.MessageTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * A user saved a new number and must prove it is theirs: the one-time code profile-service asks for is texted to that
 * number through the same ledger, limits and Twilio path as every SMS (STOP and allowed countries still apply). No
 * recipient lookup is asked: until the code is confirmed the number is, by design, nobody's recipient. The code is
 * never logged, and the ledger forgets the body once Twilio has it. A request whose code has expired sends nothing.
 */
@Component
class SendPhoneVerificationCode {

    private static final Logger log = LoggerFactory.getLogger(SendPhoneVerificationCode.class);

    private final SmsDelivery delivery;
    private final MessageTemplates templates;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    SendPhoneVerificationCode(SmsDelivery delivery, MessageTemplates templates, DeliveryMetrics metrics, Clock clock) {
        this.delivery = delivery;
        this.templates = templates;
        this.metrics = metrics;
        this.clock = clock;
    }

    @KafkaListener(id = "phone-verification", topics = Topics.PROFILE_EVENTS, groupId = "notification-service-phone-verification",
            containerFactory = ProfileEventsConsumption.CONTAINER_FACTORY)
    void on(ProfileEvent event) {
        if (!(event instanceof PhoneVerificationRequested request)) {
            return;
        }
        if (request.phoneNumber() == null || request.code() == null || request.userId() == null || request.expiresAt() == null) {
            log.warn("Verification request {} without number, code, user or expiry passed over", request.eventId());
            return;
        }
        if (!request.expiresAt().isAfter(clock.instant())) {
            metrics.eventSkipped("expired");
            log.info("Verification code for {} expired before it could be sent", Recipient.mask(request.phoneNumber()));
            return;
        }
        var sms = OutgoingSms.verification(request, templates.phoneVerification(request.code(),
                java.time.Duration.between(request.occurredAt(), request.expiresAt())));
        delivery.deliver(sms, List.of(new Recipient(request.userId(), request.phoneNumber(), null)));
    }
}
