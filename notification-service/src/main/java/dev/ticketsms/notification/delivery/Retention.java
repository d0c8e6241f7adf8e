package dev.ticketsms.notification.delivery;

import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets what grows by a row per message or event once it no longer guards anything: handled events and ticket
 * progress (a replay older than that is still stopped by the ledger's unique (event, recipient)), settled ledger rows
 * (the delivery log's history), status callbacks and inbound messages (Twilio repeats a webhook within hours, not
 * weeks), number failures older than the window that counts them, and Idempotency-Keys of manual messages (a client
 * retries within minutes, not weeks). Rows still waiting (PENDING, SENDING,
 * UNKNOWN) are never deleted.
 */
@Component
class Retention {

    @Validated
    @ConfigurationProperties("notifications.retention")
    record Periods(@NotNull Duration handledEvents, @NotNull Duration deliveries, @NotNull Duration webhooks,
                   @NotNull Duration numberFailures, @NotNull Duration idempotencyKeys) {
    }

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Periods periods;

    Retention(JdbcClient jdbc, Clock clock, Periods periods) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.periods = periods;
    }

    @Scheduled(fixedDelayString = "${notifications.retention.interval}", initialDelayString = "PT1M")
    void forgetOldRows() {
        Instant now = clock.instant();
        int rows = delete("DELETE FROM handled_events WHERE handled_at < ?", now.minus(periods.handledEvents()))
                + delete("DELETE FROM ticket_progress WHERE updated_at < ?", now.minus(periods.handledEvents()))
                + delete("""
                        DELETE FROM ticket_follow_ups
                        WHERE next_reminder_at IS NULL AND next_escalation_at IS NULL AND updated_at < ?""",
                        now.minus(periods.handledEvents()))
                + settledDeliveriesBefore(now.minus(periods.deliveries()))
                + delete("DELETE FROM status_callbacks WHERE received_at < ?", now.minus(periods.webhooks()))
                + delete("DELETE FROM inbound_messages WHERE received_at < ?", now.minus(periods.webhooks()))
                + delete("DELETE FROM number_failures WHERE failed_at < ?", now.minus(periods.numberFailures()))
                + delete("DELETE FROM manual_requests WHERE created_at < ?", now.minus(periods.idempotencyKeys()));
        if (rows > 0) {
            log.info("Retention: {} old rows deleted", rows);
        }
    }

    private int settledDeliveriesBefore(Instant before) {
        return jdbc.sql("DELETE FROM deliveries WHERE updated_at < :before AND status IN (:settled)")
                .param("before", Timestamp.from(before)).param("settled", DeliveryStatus.settled()).update();
    }

    private int delete(String sql, Instant before) {
        return jdbc.sql(sql).param(Timestamp.from(before)).update();
    }
}
