package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.recipients.Recipient;
import dev.ticketsms.notification.sms.SmsResult;
import dev.ticketsms.notification.templates.SmsBody;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.Locale;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery ledger: one row per (event, recipient). A send happens only after this process moved the row from
 * PENDING to SENDING, so a redelivered Kafka record, a second consumer or a restart never sends that SMS again.
 */
@Component
class DeliveryLedger {

    private static final int MAX_MESSAGE = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;

    /** A row as a status callback sees it. */
    record CallbackTarget(long id, String phoneNumber, String twilioSid) {

        /** A row with another SID, or a SID already on another row, is not this message's row. */
        boolean mayCarry(String messageSid, DeliveryLedger ledger) {
            return twilioSid != null ? twilioSid.equals(messageSid)
                    : ledger.findBySid(messageSid).map(other -> other.id() == id).orElse(true);
        }
    }

    DeliveryLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the (event, recipient) pair once; later calls for the same pair change nothing. */
    void claim(OutgoingSms sms, Recipient recipient) {
        jdbc.sql("""
                        INSERT INTO deliveries (event_id, kind, ticket_id, team_id, user_id, phone_number, status,
                                                requested_by, event_occurred_at, body, created_at, updated_at)
                        VALUES (:eventId, :kind, :ticketId, :teamId, :userId, :phone, 'PENDING',
                                :requestedBy, :occurredAt, :body, :now, :now)
                        ON CONFLICT ON CONSTRAINT deliveries_event_recipient DO NOTHING
                        """)
                .param("eventId", sms.eventId())
                .param("kind", sms.kind().name())
                .param("ticketId", sms.ticketId())
                .param("teamId", sms.teamId())
                .param("userId", recipient.userId())
                .param("phone", recipient.phoneNumber())
                .param("requestedBy", sms.requestedBy())
                .param("occurredAt", Timestamp.from(sms.occurredAt()))
                .param("body", sms.body() == null ? null : sms.body().text())
                .param("now", now())
                .update();
    }

    /**
     * Rows of this message still PENDING for people who are no longer recipients (opted out or left the team since
     * an earlier attempt): they are SKIPPED, so nothing sends them later.
     */
    int skipPendingExcept(UUID eventId, List<String> currentRecipients, String reason) {
        return jdbc.sql("""
                        UPDATE deliveries SET status = 'SKIPPED', error_message = :reason, updated_at = :now
                        WHERE event_id = :eventId AND status = 'PENDING' AND NOT (user_id = ANY(:userIds))""")
                .param("reason", reason)
                .param("now", now())
                .param("eventId", eventId)
                .param("userIds", currentRecipients.toArray(String[]::new))
                .update();
    }

    /** Messages with rows PENDING since before {@code before}, with what is needed to send them again. */
    List<OutgoingSms> waitingSince(Instant before, int limit) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (event_id) event_id, kind, ticket_id, team_id, event_occurred_at, requested_by, body
                        FROM deliveries WHERE status = 'PENDING' AND updated_at < :before AND body IS NOT NULL
                        ORDER BY event_id LIMIT :limit""")
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query((rs, n) -> new OutgoingSms(rs.getObject("event_id", UUID.class),
                        DeliveryKind.valueOf(rs.getString("kind")), rs.getObject("ticket_id", UUID.class),
                        rs.getObject("team_id", UUID.class), rs.getTimestamp("event_occurred_at").toInstant(),
                        rs.getString("requested_by"), SmsBody.of(rs.getString("body"))))
                .list();
    }

    /** Recipients of a message whose rows are still PENDING (not yet handed to Twilio). */
    List<Recipient> pendingRecipients(UUID eventId) {
        return jdbc.sql("SELECT user_id, phone_number FROM deliveries WHERE event_id = ? AND status = 'PENDING' ORDER BY id")
                .param(eventId)
                .query((rs, n) -> new Recipient(rs.getString("user_id"), rs.getString("phone_number"), null))
                .list();
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
            // a status callback may have moved the row on already: keep its status, still record SID and segments
            case SmsResult.Accepted accepted -> jdbc.sql("""
                            UPDATE deliveries SET status = CASE WHEN status = 'SENDING' THEN 'SENT' ELSE status END,
                                   twilio_sid = COALESCE(twilio_sid, :sid),
                                   twilio_status = CASE WHEN status = 'SENDING' THEN :twilioStatus ELSE twilio_status END,
                                   segments = :segments, sent_at = COALESCE(sent_at, :now), updated_at = :now
                            WHERE id = :id""")
                    .param("sid", accepted.sid()).param("twilioStatus", accepted.status())
                    .param("segments", accepted.segments()).param("now", now()).param("id", id).update();
            case SmsResult.Rejected rejected -> finish(id, DeliveryStatus.FAILED, rejected.errorCode(), rejected.message());
            // stays SENDING: Twilio may have taken it; a status callback or the watchdog settles it
            case SmsResult.OutcomeUnknown unknown -> jdbc.sql("""
                            UPDATE deliveries SET error_message = :message, updated_at = :now
                            WHERE id = :id AND status = 'SENDING'""")
                    .param("message", truncate("outcome unknown: " + unknown.reason()))
                    .param("now", now()).param("id", id).update();
        }
    }

    /** Twilio certainly did not take the message: the row may be sent again. */
    void release(long id) {
        jdbc.sql("UPDATE deliveries SET status = 'PENDING', updated_at = :now WHERE id = :id AND status = 'SENDING'")
                .param("now", now()).param("id", id).update();
    }

    /** Not sent on purpose; {@code reason} says why. Only a row not yet handed to Twilio can be skipped. */
    void skip(long id, String reason) {
        jdbc.sql("""
                        UPDATE deliveries SET status = 'SKIPPED', error_message = :reason, updated_at = :now
                        WHERE id = :id AND status = 'SENDING' AND twilio_sid IS NULL""")
                .param("reason", truncate(reason)).param("now", now()).param("id", id).update();
    }

    /**
     * Rows handed to Twilio longer ago than {@code after} without any answer or callback: the process died during
     * the call, or Twilio answered 5xx. They are not sent again (that could text the member twice) but marked FAILED
     * so the log and the metrics show them.
     *
     * @return how many rows were given up
     */
    int giveUpSendingOlderThan(Duration after) {
        return jdbc.sql("""
                        UPDATE deliveries SET status = 'FAILED', updated_at = :now,
                               error_message = COALESCE(error_message, 'outcome unknown: no answer from Twilio')
                        WHERE status = 'SENDING' AND updated_at < :before""")
                .param("now", now())
                .param("before", Timestamp.from(clock.instant().minus(after)))
                .update();
    }

    Optional<CallbackTarget> find(long id) {
        return jdbc.sql("SELECT id, phone_number, twilio_sid FROM deliveries WHERE id = ?").param(id)
                .query(DeliveryLedger::callbackTarget).optional();
    }

    Optional<CallbackTarget> findBySid(String sid) {
        return jdbc.sql("SELECT id, phone_number, twilio_sid FROM deliveries WHERE twilio_sid = ?").param(sid)
                .query(DeliveryLedger::callbackTarget).optional();
    }

    /** @return whether this (SID, status) is seen for the first time; Twilio repeats callbacks */
    boolean firstCallback(String sid, String twilioStatus) {
        return jdbc.sql("""
                        INSERT INTO status_callbacks (message_sid, status, received_at) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(sid, twilioStatus.toLowerCase(Locale.ROOT), now())
                .update() > 0;
    }

    /**
     * Moves the row to {@code next} if that is forward from where it stands, recording what Twilio said. A row the
     * watchdog marked FAILED "outcome unknown" (no SID, no answer) is moved too: a late callback proves what happened.
     *
     * @return whether the row moved
     */
    boolean advance(long id, DeliveryStatus next, StatusCallback callback) {
        var from = Arrays.stream(DeliveryStatus.values()).filter(status -> status.mayAdvanceTo(next)).map(Enum::name).toList();
        String message = next == DeliveryStatus.SENT || next == DeliveryStatus.DELIVERED ? null
                : "Twilio status " + callback.twilioStatus() + (callback.errorCode() == null ? "" : ", error " + callback.errorCode());
        return jdbc.sql("""
                        UPDATE deliveries SET status = :next, twilio_status = :twilioStatus,
                               twilio_sid = COALESCE(twilio_sid, :sid), error_code = COALESCE(:code, error_code),
                               error_message = :message, sent_at = COALESCE(sent_at, :now), updated_at = :now
                        WHERE id = :id AND (status IN (:from)
                              -- given up by the watchdog for want of an answer: Twilio's word settles it after all
                              OR status = 'FAILED' AND twilio_sid IS NULL AND error_message LIKE 'outcome unknown%')""")
                .param("next", next.name())
                .param("twilioStatus", truncateStatus(callback.twilioStatus()))
                .param("sid", callback.messageSid())
                .param("code", callback.errorCode(), Types.INTEGER)
                .param("message", message, Types.VARCHAR)
                .param("now", now())
                .param("id", id)
                .param("from", from)
                .update() > 0;
    }

    private static CallbackTarget callbackTarget(ResultSet rs, int row) throws SQLException {
        return new CallbackTarget(rs.getLong("id"), rs.getString("phone_number"), rs.getString("twilio_sid"));
    }

    private static String truncateStatus(String status) {
        return status.length() <= 16 ? status : status.substring(0, 16);
    }

    private void finish(long id, DeliveryStatus status, Integer errorCode, String message) {
        jdbc.sql("""
                        UPDATE deliveries SET status = :status, error_code = :code, error_message = :message, updated_at = :now
                        WHERE id = :id""")
                .param("status", status.name())
                .param("code", errorCode)
                .param("message", truncate(message))
                .param("now", now()).param("id", id).update();
    }

    private static String truncate(String message) {
        return message == null ? null : message.substring(0, Math.min(message.length(), MAX_MESSAGE));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
