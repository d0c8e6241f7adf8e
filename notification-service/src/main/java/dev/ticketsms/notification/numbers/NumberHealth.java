package dev.ticketsms.notification.numbers;

import dev.ticketsms.events.SmsNumberUnusable;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static dev.ticketsms.notification.recipients.Recipient.mask;

/**
 * Numbers Twilio refuses for good. 21610 (the recipient blocked us at the carrier / replied STOP to Twilio) marks a
 * number unusable at once; 21211 (invalid), 21614 (not a mobile), 30005 (unknown or inactive) and 30006 (landline
 * or unreachable carrier) do when they happen {@code failuresToBlock} times within {@code failureWindow}, since one
 * of them can be a carrier hiccup. A marked number gets {@link SmsNumberUnusable} so profile-service shows it and
 * leaves it out of recipient lookups until its owner changes or re-enables it; the local block only bridges the time
 * until profile-service has applied the event, so it expires after {@code blockFor} (or when the number replies START).
 */
@Component
public class NumberHealth {

    /**
     * @param failuresToBlock how many repeatable failures within {@code failureWindow} make a number unusable
     * @param blockFor        how long this service itself refuses to text a number it marked unusable
     */
    @Validated
    @ConfigurationProperties("notifications.number-health")
    record Rules(@Min(1) int failuresToBlock, @NotNull Duration failureWindow, @NotNull Duration blockFor) {
    }

    private static final Logger log = LoggerFactory.getLogger(NumberHealth.class);
    private static final int BLOCKED_BY_RECIPIENT = 21610;
    private static final Set<Integer> REPEATABLE = Set.of(21211, 21614, 30005, 30006);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Rules rules;
    private final ProfileEventsOutbox events;
    private final MeterRegistry meters;

    NumberHealth(JdbcClient jdbc, Clock clock, Rules rules, ProfileEventsOutbox events, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = rules;
        this.events = events;
        this.meters = meters;
    }

    /** Twilio refused a message to {@code phoneNumber} with {@code errorCode}, from its API answer or a status callback. */
    @Transactional
    public void failed(String phoneNumber, int errorCode, String reason) {
        if (errorCode == BLOCKED_BY_RECIPIENT) {
            markUnusable(phoneNumber, errorCode, reason);
            return;
        }
        if (!REPEATABLE.contains(errorCode)) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO number_failures (phone_number, error_code, failed_at) VALUES (?, ?, ?)")
                .params(phoneNumber, errorCode, Timestamp.from(now)).update();
        int recent = jdbc.sql("SELECT count(*) FROM number_failures WHERE phone_number = ? AND failed_at > ?")
                .params(phoneNumber, Timestamp.from(now.minus(rules.failureWindow())))
                .query(Integer.class).single();
        if (recent >= rules.failuresToBlock()) {
            markUnusable(phoneNumber, errorCode, reason);
        }
    }

    /** Whether this service must not text the number now. */
    public boolean isUnusable(String phoneNumber) {
        return jdbc.sql("SELECT count(*) FROM number_health WHERE phone_number = ? AND blocked_until > ?")
                .params(phoneNumber, Timestamp.from(clock.instant()))
                .query(Integer.class).single() > 0;
    }

    /** The owner opted in again: the number may be tried afresh. */
    void clear(String phoneNumber) {
        jdbc.sql("DELETE FROM number_health WHERE phone_number = ?").param(phoneNumber).update();
        jdbc.sql("DELETE FROM number_failures WHERE phone_number = ?").param(phoneNumber).update();
    }

    private void markUnusable(String phoneNumber, int errorCode, String reason) {
        Instant now = clock.instant();
        String why = reason == null || reason.isBlank() ? "Twilio error " + errorCode : truncate(reason);
        // only a number not blocked already gets a new mark and event: a burst of failures publishes one event
        boolean marked = jdbc.sql("""
                        INSERT INTO number_health (phone_number, error_code, reason, marked_at, blocked_until)
                        VALUES (:phone, :code, :reason, :now, :until)
                        ON CONFLICT (phone_number) DO UPDATE
                            SET error_code = :code, reason = :reason, marked_at = :now, blocked_until = :until
                            WHERE number_health.blocked_until <= :now""")
                .param("phone", phoneNumber).param("code", errorCode).param("reason", why)
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(now.plus(rules.blockFor())))
                .update() > 0;
        if (!marked) {
            return;
        }
        jdbc.sql("DELETE FROM number_failures WHERE phone_number = ?").param(phoneNumber).update();
        events.append(new SmsNumberUnusable(UUID.randomUUID(), now, phoneNumber, String.valueOf(errorCode), why), phoneNumber);
        meters.counter("notifications.numbers.unusable", "error_code", String.valueOf(errorCode)).increment();
        log.warn("Number {} marked unusable after Twilio error {}; not texted for {} unless it replies START",
                mask(phoneNumber), errorCode, rules.blockFor());
    }

    private static String truncate(String reason) {
        return reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }
}
