package dev.ticketsms.notification.sms;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

/**
 * How to reach Twilio; bound from TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_PHONE_NUMBER or
 * TWILIO_MESSAGING_SERVICE_SID, and TWILIO_API_BASE_URL (the sandbox locally, https://api.twilio.com in production).
 *
 * @param messagesPerSecond the sender's throughput (long code about 1, toll-free 3, short code 100); sends are paced
 *                          evenly at this rate, never in bursts
 * @param sendSlotWait      how long a send may wait for its turn before it gives up and its event is retried later
 * @param maxPrice          Twilio's {@code MaxPrice} form parameter on every Messages create call, in the account's
 *                          currency per message; none when null. Twilio's API marks it obsolete (no effect since
 *                          2024-06-03): the daily team budget ({@code notifications.budget}) is what limits spend
 */
@Validated
@ConfigurationProperties("twilio")
public record TwilioProperties(
        @NotBlank String accountSid,
        @NotBlank String authToken,
        String phoneNumber,
        String messagingServiceSid,
        @NotNull URI apiBaseUrl,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout,
        @NotNull Duration poolWaitTimeout,
        @Min(1) int maxConnections,
        @Positive double messagesPerSecond,
        @NotNull Duration sendSlotWait,
        @PositiveOrZero BigDecimal maxPrice) {

    @AssertTrue(message = "set TWILIO_PHONE_NUMBER or TWILIO_MESSAGING_SERVICE_SID")
    boolean isSenderConfigured() {
        return hasText(phoneNumber) || hasText(messagingServiceSid);
    }

    boolean usesMessagingService() {
        return hasText(messagingServiceSid);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
