package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.recipients.Recipient;
import dev.ticketsms.notification.sms.SmsResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery ledger: one row per (event, recipient). A send happens only after this process moved the row from
 * PENDING to SENDING, so a redelivered Kafka record, a second consumer or a restart never sends that SMS again.
 */
@Component
class DeliveryLedger {

    private final JdbcClient jdbc;
    private final Clock clock;

    DeliveryLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the (event, recipient) pair once; later calls for the same pair change nothing. */
    void claim(UUID eventId, UUID ticketId, Recipient recipient) {
        jdbc.sql("""
                        INSERT INTO deliveries (event_id, ticket_id, user_id, phone_number, status, created_at, updated_at)
                        VALUES (:eventId, :ticketId, :userId, :phone, 'PENDING', :now, :now)
                        ON CONFLICT ON CONSTRAINT deliveries_event_recipient DO NOTHING
                        """)
                .param("eventId", eventId)
                .param("ticketId", ticketId)
                .param("userId", recipient.userId())
                .param("phone", recipient.phoneNumber())
                .param("now", now())
                .update();
    }

    /** @return the row's id if this caller may send now (the row was PENDING and is now SENDING) */
    Optional<Long> startSending(UUID eventId, String userId) {
        return jdbc.sql("""
                        UPDATE deliveries SET status = 'SENDING', attempts = attempts + 1, updated_at = :now
                        WHERE event_id = :eventId AND user_id = :userId AND status = 'PENDING'
                        RETURNING id
                        """)
                .param("eventId", eventId)
                .param("userId", userId)
                .param("now", now())
                .query(Long.class)
                .optional();
    }

    void record(long id, SmsResult result) {
        switch (result) {
            case SmsResult.Accepted accepted -> jdbc.sql("""
                            UPDATE deliveries SET status = 'SENT', twilio_sid = :sid, segments = :segments, updated_at = :now
                            WHERE id = :id""")
                    .param("sid", accepted.sid()).param("segments", accepted.segments())
                    .param("now", now()).param("id", id).update();
            case SmsResult.Rejected rejected -> fail(id, rejected.errorCode(), rejected.message());
            case SmsResult.OutcomeUnknown unknown -> fail(id, null, "outcome unknown: " + unknown.reason());
        }
    }

    /** Twilio certainly did not take the message: the row may be sent again. */
    void release(long id) {
        jdbc.sql("UPDATE deliveries SET status = 'PENDING', updated_at = :now WHERE id = :id")
                .param("now", now()).param("id", id).update();
    }

    private void fail(long id, Integer errorCode, String message) {
        jdbc.sql("""
                        UPDATE deliveries SET status = 'FAILED', error_code = :code, error_message = :message, updated_at = :now
                        WHERE id = :id""")
                .param("code", errorCode)
                .param("message", message == null ? null : message.substring(0, Math.min(message.length(), 1000)))
                .param("now", now()).param("id", id).update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
