package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.notification.recipients.Channel;
import dev.ticketsms.notification.recipients.Recipient;
import dev.ticketsms.notification.sms.SmsResult;
import dev.ticketsms.notification.sms.SmsRoute;
import dev.ticketsms.notification.templates.SmsBody;
import dev.ticketsms.outbox.StoredTraces;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Locale;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The delivery ledger: one row per (event, recipient). A request goes out only after this process moved the row
 * from PENDING to SENDING right before it, so a redelivered Kafka record, a second consumer or a restart never sends
 * that SMS again; every move is one the {@link DeliveryStatus} state machine allows.
 */
@Component
class DeliveryLedger {

    private static final int MAX_MESSAGE = 1000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Clock clock;
    private final StoredTraces traces;

    /**
     * A row as a status callback sees it.
     *
     * @param status          the row's status now, which a callback may confirm, advance or trail
     * @param eventOccurredAt when the event (or request) happened, to measure how long delivery took
     * @param traceParent     the trace the row was claimed in; null when it was not traced
     */
    record CallbackTarget(long id, String phoneNumber, String twilioSid, DeliveryStatus status, Instant eventOccurredAt,
                          String traceParent) {

        /** A row with another SID, or a SID already on another row, is not this message's row. */
        boolean mayCarry(String messageSid, DeliveryLedger ledger) {
            return twilioSid != null ? twilioSid.equals(messageSid)
                    : ledger.findBySid(messageSid).map(other -> other.id() == id).orElse(true);
        }
    }

    DeliveryLedger(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock, StoredTraces traces) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.traces = traces;
    }

    /**
     * A claimed row not yet on the wire.
     *
     * @param traceParent the trace the row was claimed in, which its send continues; null when it was not traced
     */
    record PendingRow(long id, String userId, String phoneNumber, String traceParent, Channel channel, String email) {

        PendingRow byEmail(String address) {
            return new PendingRow(id, userId, phoneNumber, traceParent, Channel.EMAIL, address);
        }
    }

    /** A row whose request went out, on {@code route}, without an answer that settles it. */
    record UnsettledRow(long id, String phoneNumber, String body, Instant attemptedAt, int attempts, SmsRoute route) {
    }

    /** What became of an attempt to put a row on the wire. */
    enum Start {
        /** The row is SENDING now: this caller sends it. */
        SENDING,
        /** The row was not PENDING (someone else sends or sent it). */
        TAKEN,
        /** The row had used up its attempts and is FAILED now. */
        GAVE_UP,
        /** The number replied STOP or became unusable: the row stays PENDING, for the caller to skip or try again. */
        WITHHELD
    }

    /** Records the (event, recipient) pair once, in the current trace; later calls for the same pair change nothing. */
    void claim(OutgoingSms sms, Recipient recipient) {
        claim(sms, List.of(recipient));
    }

    /**
     * Records each (event, recipient) pair once, in the current trace, in one round trip and one transaction (a JDBC
     * batch); pairs claimed earlier stay as they are.
     */
    void claim(OutgoingSms sms, List<Recipient> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        String traceParent = traces.current();
        Timestamp now = now();
        var rows = recipients.stream()
                .map(recipient -> new MapSqlParameterSource()
                        .addValue("eventId", sms.eventId())
                        .addValue("kind", sms.kind().name())
                        .addValue("ticketId", sms.ticketId())
                        .addValue("teamId", sms.teamId())
                        .addValue("userId", recipient.userId())
                        .addValue("phone", recipient.phoneNumber(), Types.VARCHAR)
                        .addValue("channel", recipient.channel().name())
                        .addValue("email", recipient.channel() == Channel.EMAIL ? recipient.email() : null, Types.VARCHAR)
                        .addValue("requestedBy", sms.requestedBy(), Types.VARCHAR)
                        .addValue("occurredAt", Timestamp.from(sms.occurredAt()))
                        .addValue("body", sms.body() == null ? null : sms.body().text(), Types.VARCHAR)
                        .addValue("severity", sms.severity() == null ? null : sms.severity().name(), Types.VARCHAR)
                        .addValue("category", sms.category(), Types.VARCHAR)
                        .addValue("ticketTitle", sms.ticket() == null ? null : sms.ticket().title(), Types.VARCHAR)
                        .addValue("ticketStatus", sms.ticket() == null ? null : sms.ticket().status().name(), Types.VARCHAR)
                        .addValue("expiresAt", sms.expiresAt() == null ? null : Timestamp.from(sms.expiresAt()), Types.TIMESTAMP)
                        .addValue("traceParent", traceParent, Types.VARCHAR)
                        .addValue("now", now))
                .toArray(SqlParameterSource[]::new);
        batch.batchUpdate("""
                INSERT INTO deliveries (event_id, kind, ticket_id, team_id, user_id, phone_number, status,
                                        requested_by, event_occurred_at, body, severity, category,
                                        ticket_title, ticket_status, expires_at, trace_parent, created_at, updated_at,
                                        channel, email)
                VALUES (:eventId, :kind, :ticketId, :teamId, :userId, :phone, 'PENDING',
                        :requestedBy, :occurredAt, :body, :severity, :category,
                        :ticketTitle, :ticketStatus, :expiresAt, :traceParent, :now, :now,
                        :channel, :email)
                ON CONFLICT ON CONSTRAINT deliveries_event_recipient DO NOTHING
                """, rows);
    }

    /** The message's rows that are PENDING, each with the number it was claimed for. */
    List<PendingRow> pendingRows(UUID eventId) {
        return jdbc.sql("""
                        SELECT id, user_id, phone_number, trace_parent, channel, email FROM deliveries
                        WHERE event_id = ? AND status = 'PENDING' ORDER BY id""")
                .param(eventId)
                .query((rs, n) -> new PendingRow(rs.getLong("id"), rs.getString("user_id"), rs.getString("phone_number"),
                        rs.getString("trace_parent"), Channel.valueOf(rs.getString("channel")), rs.getString("email")))
                .list();
    }

    /** Messages with rows PENDING since before {@code before}, with what is needed to send them again. */
    List<OutgoingSms> waitingSince(Instant before, int limit) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (event_id) %s
                        FROM deliveries WHERE status = 'PENDING' AND updated_at < :before AND body IS NOT NULL
                        ORDER BY event_id LIMIT :limit""".formatted(MESSAGE_COLUMNS))
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(DeliveryLedger::message)
                .list();
    }

    /** The message a row belongs to, as its rows recorded it. */
    Optional<OutgoingSms> message(UUID eventId) {
        return jdbc.sql("SELECT %s FROM deliveries WHERE event_id = ? AND body IS NOT NULL LIMIT 1".formatted(MESSAGE_COLUMNS))
                .param(eventId).query(DeliveryLedger::message).optional();
    }

    private static final String MESSAGE_COLUMNS = """
            event_id, kind, ticket_id, team_id, event_occurred_at, requested_by, body, severity, category, ticket_title,
            ticket_status, expires_at""";

    private static OutgoingSms message(ResultSet rs, int row) throws SQLException {
        return new OutgoingSms(rs.getObject("event_id", UUID.class),
                DeliveryKind.valueOf(rs.getString("kind")), rs.getObject("ticket_id", UUID.class),
                rs.getObject("team_id", UUID.class), rs.getTimestamp("event_occurred_at").toInstant(),
                rs.getString("requested_by"), SmsBody.of(rs.getString("body")),
                severity(rs), rs.getString("category"), ticketState(rs),
                rs.getTimestamp("expires_at") == null ? null : rs.getTimestamp("expires_at").toInstant());
    }

    private static Severity severity(ResultSet rs) throws SQLException {
        String severity = rs.getString("severity");
        return severity == null ? null : Severity.valueOf(severity);
    }

    /** What a summary line says of the row's ticket; null for rows not about a ticket. */
    private static OutgoingSms.TicketState ticketState(ResultSet rs) throws SQLException {
        String title = rs.getString("ticket_title");
        return title == null ? null : new OutgoingSms.TicketState(title, TicketStatus.valueOf(rs.getString("ticket_status")));
    }

    /** Rows waiting to be sent whose time is over (a verification code that expired): SKIPPED, never sent late. */
    int skipExpired() {
        return jdbc.sql("""
                        UPDATE deliveries SET status = 'SKIPPED', error_message = 'expired before it could be sent', updated_at = :now
                        WHERE expires_at < :now AND status IN (:from)""")
                .param("now", now()).param("from", DeliveryStatus.from(DeliveryStatus.SKIPPED)).update();
    }

    /** A row held for the end of its recipient's quiet hours. */
    record HeldRow(long id, UUID eventId, DeliveryKind kind, UUID ticketId, String phoneNumber, Severity severity,
                   OutgoingSms.TicketState ticket, HoldReason reason) {
    }

    /** The PENDING row waits until {@code until}, for {@code reason}. */
    boolean hold(long id, Instant until, HoldReason reason) {
        return jdbc.sql("""
                        UPDATE deliveries SET status = 'HELD', hold_until = :until, hold_reason = :reason, updated_at = :now
                        WHERE id = :id AND status = 'PENDING'""")
                .param("until", Timestamp.from(until)).param("reason", reason.name()).param("now", now()).param("id", id)
                .update() > 0;
    }

    /**
     * For each of the members to whom {@code limit} SMS about the ticket went since {@code since}: when they may next
     * be texted about it, the moment the oldest of those leaves the window. Members not in the map may be texted now.
     * One query for all of them.
     */
    Map<String, Instant> ticketLimitsReachedUntil(UUID ticketId, Collection<String> userIds, Instant since, int limit,
                                                  java.time.Duration window) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT user_id, created_at FROM (
                            SELECT user_id, created_at, row_number() OVER (PARTITION BY user_id ORDER BY created_at DESC) AS newest
                            FROM deliveries
                            WHERE ticket_id = :ticketId AND user_id IN (:userIds) AND created_at >= :since
                              AND status IN ('SENDING', 'UNKNOWN', 'SENT', 'DELIVERED', 'UNDELIVERED')) sent
                        WHERE newest = :limit""")
                .param("ticketId", ticketId).param("userIds", userIds).param("since", Timestamp.from(since))
                .param("limit", limit)
                .query((rs, n) -> Map.entry(rs.getString("user_id"), rs.getTimestamp("created_at").toInstant().plus(window)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Members with held rows whose quiet hours are over at {@code now}. */
    List<String> usersWithHeldDue(Instant now, int limit) {
        return jdbc.sql("SELECT DISTINCT user_id FROM deliveries WHERE status = 'HELD' AND hold_until <= ? LIMIT ?")
                .params(Timestamp.from(now), limit).query(String.class).list();
    }

    /**
     * The member's held rows that are due, oldest first, locked for the caller's transaction, with the changes of the
     * same tickets still waiting to be coalesced (they go out with them); rows another replica is releasing are passed
     * over.
     */
    List<HeldRow> takeHeldDue(String userId, Instant now) {
        return jdbc.sql("""
                        SELECT id, event_id, kind, ticket_id, phone_number, severity, ticket_title, ticket_status, hold_reason
                        FROM deliveries
                        WHERE user_id = :userId AND status = 'HELD'
                          AND (hold_until <= :now
                               OR hold_reason = 'COALESCING' AND ticket_id IN (
                                   SELECT ticket_id FROM deliveries
                                   WHERE user_id = :userId AND status = 'HELD' AND hold_until <= :now))
                        ORDER BY event_occurred_at, id FOR UPDATE SKIP LOCKED""")
                .param("userId", userId)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new HeldRow(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                        DeliveryKind.valueOf(rs.getString("kind")), rs.getObject("ticket_id", UUID.class),
                        rs.getString("phone_number"), severity(rs), ticketState(rs),
                        rs.getString("hold_reason") == null ? HoldReason.QUIET_HOURS : HoldReason.valueOf(rs.getString("hold_reason"))))
                .list();
    }

    /** The quiet hours are over: held rows are PENDING again and get sent. */
    void release(List<Long> ids) {
        jdbc.sql("UPDATE deliveries SET status = 'PENDING', updated_at = :now WHERE id IN (:ids) AND status = 'HELD'")
                .param("now", now()).param("ids", ids).update();
    }

    /** Held rows that a summary message replaces: SKIPPED, naming the summary. */
    void summarized(List<Long> ids, UUID summary) {
        jdbc.sql("""
                        UPDATE deliveries SET status = 'SKIPPED', updated_at = :now,
                               error_message = 'held during quiet hours; summarized in message ' || :summary
                        WHERE id IN (:ids) AND status = 'HELD'""")
                .param("now", now()).param("summary", summary.toString()).param("ids", ids).update();
    }

    /**
     * Puts a PENDING row on the wire on {@code route}: SENDING, one attempt more, or FAILED once it has had
     * {@code maxAttempts}. Attempts handed back (Twilio certainly did not take them) do not count.
     */
    Start startSending(long id, int maxAttempts, SmsRoute route) {
        return jdbc.sql("""
                        UPDATE deliveries
                        SET status = CASE WHEN attempts >= :max THEN 'FAILED' ELSE 'SENDING' END,
                            error_message = CASE WHEN attempts >= :max
                                THEN substr('gave up after ' || attempts || ' attempts: ' || COALESCE(error_message, 'no answer'), 1, 1000)
                                ELSE error_message END,
                            attempts = CASE WHEN attempts >= :max THEN attempts ELSE attempts + 1 END,
                            attempted_at = CASE WHEN attempts >= :max THEN attempted_at ELSE :now END,
                            route = CASE WHEN attempts >= :max THEN route ELSE :route END,
                            updated_at = :now
                        WHERE id = :id AND status = 'PENDING'
                          AND NOT EXISTS (SELECT 1 FROM suppressed_numbers s WHERE s.phone_number = deliveries.phone_number)
                          AND NOT EXISTS (SELECT 1 FROM number_health h
                                          WHERE h.phone_number = deliveries.phone_number AND h.blocked_until > :now)
                        RETURNING status""")
                .param("max", maxAttempts)
                .param("now", now())
                .param("route", route.name())
                .param("id", id)
                .query(String.class)
                .optional()
                .map(status -> status.equals("SENDING") ? Start.SENDING : Start.GAVE_UP)
                .orElseGet(() -> stillPending(id) ? Start.WITHHELD : Start.TAKEN);
    }

    /**
     * Puts an email or Slack row on the wire, as {@link #startSending} does an SMS (the route column is about SMS: such
     * a row keeps the default).
     *
     * @return whether this caller sends it now; a row that used up its attempts is FAILED and counted
     */
    boolean startSendingBesideSms(long id, int maxAttempts, DeliveryMetrics metrics) {
        return switch (startSending(id, maxAttempts, SmsRoute.PRIMARY)) {
            case SENDING -> true;
            case TAKEN, WITHHELD -> false;
            case GAVE_UP -> {
                metrics.gaveUp();
                yield false;
            }
        };
    }

    private boolean stillPending(long id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM deliveries WHERE id = ? AND status = 'PENDING')")
                .param(id).query(Boolean.class).single();
    }

    /**
     * The messages' PENDING rows, which a stopping process leaves behind, look untouched since {@code asOf}: the
     * watchdog ({@link PendingDeliveries}) of any replica takes them at its next round instead of waiting for them
     * to age.
     */
    void leftBehind(java.util.Collection<UUID> eventIds, Instant asOf) {
        jdbc.sql("""
                        UPDATE deliveries SET updated_at = :asOf
                        WHERE event_id IN (:ids) AND status = 'PENDING' AND updated_at > :asOf""")
                .param("asOf", Timestamp.from(asOf)).param("ids", eventIds).update();
    }

    /** Twilio certainly did not take the request: the row may be sent again, and the attempt does not count. */
    void handBack(long id) {
        jdbc.sql("""
                        UPDATE deliveries SET status = 'PENDING', attempts = GREATEST(attempts - 1, 0), updated_at = :now
                        WHERE id = :id AND status = 'SENDING'""")
                .param("now", now()).param("id", id).update();
    }

    /** @param estimatedCost what an accepted SMS is estimated to cost, counted toward its team's daily budget */
    void record(long id, SmsResult result, java.math.BigDecimal estimatedCost) {
        switch (result) {
            // a status callback may have moved the row on already: keep its status, still record SID and segments
            case SmsResult.Accepted accepted -> jdbc.sql("""
                            UPDATE deliveries SET status = CASE WHEN status IN (:from) THEN 'SENT' ELSE status END,
                                   twilio_sid = COALESCE(twilio_sid, :sid),
                                   twilio_status = CASE WHEN status IN (:from) THEN :twilioStatus ELSE twilio_status END,
                                   segments = :segments, sent_at = COALESCE(sent_at, :now), updated_at = :now,
                                   estimated_cost = :cost,
                                   -- a verification code is kept only until Twilio has it
                                   body = CASE WHEN kind = 'PHONE_VERIFICATION' THEN NULL ELSE body END
                            WHERE id = :id""")
                    .param("from", DeliveryStatus.from(DeliveryStatus.SENT))
                    .param("sid", accepted.sid()).param("twilioStatus", accepted.status())
                    .param("segments", accepted.segments()).param("cost", estimatedCost, Types.NUMERIC)
                    .param("now", now()).param("id", id).update();
            case SmsResult.Rejected rejected -> jdbc.sql("""
                            UPDATE deliveries SET status = 'FAILED', error_code = :code, error_message = :message, updated_at = :now
                            WHERE id = :id AND status = 'SENDING'""")
                    .param("code", rejected.errorCode()).param("message", truncate(rejected.message()))
                    .param("now", now()).param("id", id).update();
            // Twilio may have taken it: the reconciliation looks it up (a status callback may settle it first)
            case SmsResult.OutcomeUnknown unknown -> jdbc.sql("""
                            UPDATE deliveries SET status = 'UNKNOWN', error_message = :message, updated_at = :now
                            WHERE id = :id AND status = 'SENDING'""")
                    .param("message", truncate("outcome unknown: " + unknown.reason()))
                    .param("now", now()).param("id", id).update();
            case SmsResult.NotAttempted ignored -> {
            }
        }
    }

    /** Not sent on purpose; {@code reason} says why. Only a row not on the wire yet can be skipped. */
    boolean skip(long id, String reason) {
        return jdbc.sql("""
                        UPDATE deliveries SET status = 'SKIPPED', error_message = :reason, updated_at = :now
                        WHERE id = :id AND status IN (:from)""")
                .param("reason", truncate(reason)).param("now", now()).param("id", id)
                .param("from", DeliveryStatus.from(DeliveryStatus.SKIPPED)).update() > 0;
    }

    /**
     * Rows whose outcome nobody knows: UNKNOWN since before {@code unknownBefore}, or SENDING since before
     * {@code sendingBefore} (their process died mid-request; a live one gives up on a request long before that).
     */
    List<UnsettledRow> unsettled(Instant unknownBefore, Instant sendingBefore, int limit) {
        return jdbc.sql("""
                        SELECT id, phone_number, body, COALESCE(attempted_at, updated_at) AS attempted_at, attempts, route
                        FROM deliveries
                        WHERE body IS NOT NULL AND channel = 'SMS' AND (status = 'UNKNOWN' AND updated_at < :unknownBefore
                                                    OR status = 'SENDING' AND updated_at < :sendingBefore)
                        ORDER BY updated_at LIMIT :limit""")
                .param("unknownBefore", Timestamp.from(unknownBefore))
                .param("sendingBefore", Timestamp.from(sendingBefore))
                .param("limit", limit)
                .query((rs, n) -> new UnsettledRow(rs.getLong("id"), rs.getString("phone_number"), rs.getString("body"),
                        rs.getTimestamp("attempted_at").toInstant(), rs.getInt("attempts"), SmsRoute.valueOf(rs.getString("route"))))
                .list();
    }

    /** Rows UNKNOWN, and rows SENDING since before {@code sendingBefore}: what waits for the reconciliation. */
    int countUnsettled(Instant sendingBefore) {
        return jdbc.sql("""
                        SELECT count(*) FROM deliveries
                        WHERE channel = 'SMS' AND (status = 'UNKNOWN' OR status = 'SENDING' AND updated_at < ?)""")
                .param(Timestamp.from(sendingBefore)).query(Integer.class).single();
    }

    /** Twilio has the message after all: the row takes its SID and status. */
    boolean settleFound(long id, DeliveryStatus status, String sid, String twilioStatus, int segments) {
        return jdbc.sql("""
                        UPDATE deliveries SET status = :status, twilio_sid = :sid, twilio_status = :twilioStatus,
                               segments = :segments, error_message = NULL, sent_at = COALESCE(sent_at, :now), updated_at = :now,
                               body = CASE WHEN kind = 'PHONE_VERIFICATION' THEN NULL ELSE body END
                        WHERE id = :id AND status IN ('SENDING', 'UNKNOWN') AND twilio_sid IS NULL""")
                .param("status", status.name()).param("sid", sid).param("twilioStatus", truncateStatus(twilioStatus))
                .param("segments", segments).param("now", now()).param("id", id).update() > 0;
    }

    /**
     * Twilio does not have the message: the row is PENDING again and gets sent, unless it has had {@code maxAttempts}
     * (then FAILED, with the reason).
     *
     * @return the row's new status, empty if it had moved on meanwhile
     */
    Optional<DeliveryStatus> notAtTwilio(long id, int maxAttempts) {
        return jdbc.sql("""
                        UPDATE deliveries SET status = CASE WHEN attempts >= :max THEN 'FAILED' ELSE 'PENDING' END,
                               error_message = CASE WHEN attempts >= :max
                                   THEN 'gave up after ' || attempts || ' attempts: Twilio has no record of the message'
                                   ELSE error_message END,
                               updated_at = :now
                        WHERE id = :id AND status IN ('SENDING', 'UNKNOWN') AND twilio_sid IS NULL
                        RETURNING status""")
                .param("max", maxAttempts).param("now", now()).param("id", id)
                .query(String.class).optional().map(DeliveryStatus::valueOf);
    }

    /** Whether {@code sid} is on a ledger row other than {@code id}. */
    boolean sidElsewhere(String sid, long id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM deliveries WHERE twilio_sid = ? AND id <> ?)")
                .params(sid, id).query(Boolean.class).single();
    }

    Optional<CallbackTarget> find(long id) {
        return jdbc.sql("SELECT %s FROM deliveries WHERE id = ?".formatted(CALLBACK_TARGET_COLUMNS)).param(id)
                .query(DeliveryLedger::callbackTarget).optional();
    }

    Optional<CallbackTarget> findBySid(String sid) {
        return jdbc.sql("SELECT %s FROM deliveries WHERE twilio_sid = ?".formatted(CALLBACK_TARGET_COLUMNS)).param(sid)
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
     * Moves the row to {@code next} if the state machine allows it from where the row stands, recording what
     * Twilio said.
     *
     * @return whether the row moved
     */
    boolean advance(long id, DeliveryStatus next, StatusCallback callback) {
        String message = next == DeliveryStatus.SENT || next == DeliveryStatus.DELIVERED ? null
                : "Twilio status " + callback.twilioStatus() + (callback.errorCode() == null ? "" : ", error " + callback.errorCode());
        return jdbc.sql("""
                        UPDATE deliveries SET status = :next, twilio_status = :twilioStatus,
                               twilio_sid = COALESCE(twilio_sid, :sid), error_code = COALESCE(:code, error_code),
                               error_message = :message, sent_at = COALESCE(sent_at, :now), updated_at = :now
                        WHERE id = :id AND status IN (:from)""")
                .param("next", next.name())
                .param("twilioStatus", truncateStatus(callback.twilioStatus()))
                .param("sid", callback.messageSid())
                .param("code", callback.errorCode(), Types.INTEGER)
                .param("message", message, Types.VARCHAR)
                .param("now", now())
                .param("id", id)
                .param("from", DeliveryStatus.from(next))
                .update() > 0;
    }

    /** An SMS row not sent yet goes by email instead, to {@code email} (the team's budget does not allow the SMS). */
    boolean switchToEmail(long id, String email) {
        return jdbc.sql("""
                        UPDATE deliveries SET channel = 'EMAIL', email = :email, updated_at = :now
                        WHERE id = :id AND status = 'PENDING' AND channel = 'SMS'""")
                .param("email", email).param("now", now()).param("id", id).update() > 0;
    }

    /** A SENDING email or Slack row was taken by the mail server or Slack. */
    void delivered(long id) {
        jdbc.sql("""
                        UPDATE deliveries SET status = 'SENT', error_message = NULL, sent_at = COALESCE(sent_at, :now),
                               updated_at = :now
                        WHERE id = :id AND status = 'SENDING'""")
                .param("now", now()).param("id", id).update();
    }

    /**
     * A SENDING email or Slack row was refused, or its exchange broke off midway: FAILED with the reason. Neither
     * SMTP nor a webhook can be asked what became of it, so it is never sent again, and never twice.
     */
    void undelivered(long id, String reason) {
        jdbc.sql("""
                        UPDATE deliveries SET status = 'FAILED', error_message = :message, updated_at = :now
                        WHERE id = :id AND status = 'SENDING'""")
                .param("message", truncate(reason)).param("now", now()).param("id", id).update();
    }

    /**
     * Email and Slack rows a dead process left SENDING since before {@code before}: FAILED with the reason, never
     * sent again (neither has a Messages list to tell whether it took them).
     */
    int failAbandonedUnaskable(Instant before) {
        return jdbc.sql("""
                        UPDATE deliveries SET status = 'FAILED', updated_at = :now,
                               error_message = 'the process stopped while it was being handed over (' || lower(channel) || '); not sent again'
                        WHERE channel <> 'SMS' AND status = 'SENDING' AND updated_at < :before""")
                .param("now", now()).param("before", Timestamp.from(before)).update();
    }

    /** The estimated cost of the team's SMS Twilio accepted since {@code since}; zero when none. */
    java.math.BigDecimal spentSince(UUID teamId, Instant since) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(estimated_cost), 0) FROM deliveries
                        WHERE team_id = ? AND sent_at >= ? AND estimated_cost IS NOT NULL""")
                .params(teamId, Timestamp.from(since)).query(java.math.BigDecimal.class).single();
    }

    private static final String CALLBACK_TARGET_COLUMNS = "id, phone_number, twilio_sid, status, event_occurred_at, trace_parent";

    private static CallbackTarget callbackTarget(ResultSet rs, int row) throws SQLException {
        return new CallbackTarget(rs.getLong("id"), rs.getString("phone_number"), rs.getString("twilio_sid"),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getTimestamp("event_occurred_at").toInstant(),
                rs.getString("trace_parent"));
    }

    private static String truncateStatus(String status) {
        return status.length() <= 16 ? status : status.substring(0, 16);
    }

    private static String truncate(String message) {
        return message == null ? null : message.substring(0, Math.min(message.length(), MAX_MESSAGE));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
