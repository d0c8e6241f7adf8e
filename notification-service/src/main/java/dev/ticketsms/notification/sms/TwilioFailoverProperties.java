package dev.ticketsms.notification.sms;

import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;

/**
 * The failover route ({@link SmsRoute#FAILOVER}): a second Twilio account, or a messaging service, that takes the SMS
 * the primary certainly cannot take now (its breaker is open, it refuses our credentials, it cannot be reached).
 * Bound from TWILIO_FAILOVER_ACCOUNT_SID, TWILIO_FAILOVER_AUTH_TOKEN, TWILIO_FAILOVER_PHONE_NUMBER or
 * TWILIO_FAILOVER_MESSAGING_SERVICE_SID, TWILIO_FAILOVER_API_BASE_URL and TWILIO_FAILOVER_MESSAGES_PER_SECOND; off
 * while no account SID is set. Timeouts, the connection pool and {@code MaxPrice} are the primary's.
 *
 * @param apiBaseUrl        where that account's API is; the primary's when not set
 * @param messagesPerSecond that sender's throughput; the primary's when not set
 */
@Validated
@ConfigurationProperties("twilio.failover")
public record TwilioFailoverProperties(
        String accountSid,
        String authToken,
        String phoneNumber,
        String messagingServiceSid,
        URI apiBaseUrl,
        Double messagesPerSecond) {

    public boolean enabled() {
        return hasText(accountSid);
    }

    @AssertTrue(message = "set TWILIO_FAILOVER_AUTH_TOKEN for the failover account")
    boolean isAuthTokenConfigured() {
        return !enabled() || hasText(authToken);
    }

    @AssertTrue(message = "set TWILIO_FAILOVER_PHONE_NUMBER or TWILIO_FAILOVER_MESSAGING_SERVICE_SID for the failover account")
    boolean isSenderConfigured() {
        return !enabled() || hasText(phoneNumber) || hasText(messagingServiceSid);
    }

    @AssertTrue(message = "TWILIO_FAILOVER_MESSAGES_PER_SECOND must be positive")
    boolean isRatePositive() {
        return messagesPerSecond == null || messagesPerSecond > 0;
    }

    /** The whole route: this account and sender, with the primary's timeouts and pool. */
    TwilioProperties route(TwilioProperties primary) {
        return new TwilioProperties(accountSid.strip(), authToken.strip(),
                hasText(phoneNumber) ? phoneNumber.strip() : null,
                hasText(messagingServiceSid) ? messagingServiceSid.strip() : null,
                apiBaseUrl == null || apiBaseUrl.toString().isBlank() ? primary.apiBaseUrl() : apiBaseUrl,
                primary.connectTimeout(), primary.readTimeout(), primary.poolWaitTimeout(), primary.maxConnections(),
                messagesPerSecond == null ? primary.messagesPerSecond() : messagesPerSecond, primary.sendSlotWait(),
                primary.maxPrice());
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
