package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.recipients.Channel;
import dev.ticketsms.notification.recipients.Recipient;
import dev.ticketsms.notification.sms.SmsRoute;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger as admins read it: who was texted (or emailed) about what, by which channel and Twilio route, and how it
 * ended. Numbers and addresses are masked.
 */
@Component
public class DeliveryLog {

    /** Every field is optional; {@code from} inclusive, {@code to} exclusive, on the row's creation time. */
    public record Filter(UUID ticketId, UUID eventId, String userId, DeliveryStatus status, Instant from, Instant to) {
    }

    public record Entry(long id, UUID eventId, DeliveryKind kind, UUID ticketId, UUID teamId, String userId,
                        String phoneNumber, DeliveryStatus status, String twilioSid, String twilioStatus,
                        Integer errorCode, String errorMessage, Integer segments, int attempts, String requestedBy,
                        Instant createdAt, Instant updatedAt, Instant sentAt, Channel channel, String email,
                        SmsRoute route) {
    }

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; one more row than {@code size} is read to tell whether another page exists. */
    public List<Entry> find(Filter filter, int page, int size) {
        var where = new ArrayList<String>();
        Map<String, Object> params = new LinkedHashMap<>();
        condition(where, params, "ticket_id = :ticketId", "ticketId", filter.ticketId());
        condition(where, params, "event_id = :eventId", "eventId", filter.eventId());
        condition(where, params, "user_id = :userId", "userId", filter.userId());
        condition(where, params, "status = :status", "status", filter.status() == null ? null : filter.status().name());
        condition(where, params, "created_at >= :from", "from", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(where, params, "created_at < :to", "to", filter.to() == null ? null : Timestamp.from(filter.to()));
        String sql = "SELECT * FROM deliveries" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset";
        params.put("limit", size + 1);
        params.put("offset", (long) page * size);
        return jdbc.sql(sql).params(params).query(DeliveryLog::entry).list();
    }

    private static void condition(List<String> where, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            where.add(clause);
            params.put(name, value);
        }
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                DeliveryKind.valueOf(rs.getString("kind")), rs.getObject("ticket_id", UUID.class),
                rs.getObject("team_id", UUID.class), rs.getString("user_id"),
                Recipient.mask(rs.getString("phone_number")), DeliveryStatus.valueOf(rs.getString("status")),
                rs.getString("twilio_sid"), rs.getString("twilio_status"), (Integer) rs.getObject("error_code"),
                rs.getString("error_message"), (Integer) rs.getObject("segments"), rs.getInt("attempts"),
                rs.getString("requested_by"), instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "sent_at"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("email") == null ? null : Recipient.maskEmail(rs.getString("email")),
                SmsRoute.valueOf(rs.getString("route")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
