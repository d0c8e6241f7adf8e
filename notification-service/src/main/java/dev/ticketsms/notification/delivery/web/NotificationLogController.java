package dev.ticketsms.notification.delivery.web;

import dev.ticketsms.notification.delivery.DeliveryLog;
import dev.ticketsms.notification.delivery.DeliveryStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketsms.web.problems.InvalidField;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/notifications}: the delivery log, for admins. */
@RestController
class NotificationLogController {

    record Page(List<DeliveryLog.Entry> items, int page, int size, boolean hasMore) {
    }

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private final DeliveryLog log;

    NotificationLogController(DeliveryLog log) {
        this.log = log;
    }

    @GetMapping("/api/notifications")
    Page deliveries(@RequestParam(required = false) UUID ticketId,
                    @RequestParam(required = false) UUID eventId,
                    @RequestParam(required = false) @Size(max = 255) String userId,
                    @RequestParam(required = false) DeliveryStatus status,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                    @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                    @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        var invalid = new ArrayList<InvalidField>();
        withinRange(invalid, "from", from);
        withinRange(invalid, "to", to);
        if (!invalid.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, InvalidField.problem(invalid), null);
        }
        List<DeliveryLog.Entry> rows = log.find(new DeliveryLog.Filter(ticketId, eventId, userId, status, from, to), page, size);
        return new Page(rows.stream().limit(size).toList(), page, size, rows.size() > size);
    }

    /** Any ISO instant parses, but the database holds years 1970 to 9999 only: beyond that is a client's mistake. */
    private static void withinRange(List<InvalidField> invalid, String name, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || !value.isBefore(LATEST))) {
            invalid.add(new InvalidField(name, "must be between %s and %s".formatted(EARLIEST, LATEST)));
        }
    }
}
