package dev.ticketsms.notification.delivery.web;

import dev.ticketsms.notification.delivery.DeliveryLog;
import dev.ticketsms.notification.delivery.DeliveryStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/notifications}: the delivery log, for admins. */
@RestController
class NotificationLogController {

    record Page(List<DeliveryLog.Entry> items, int page, int size, boolean hasMore) {
    }

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
        List<DeliveryLog.Entry> rows = log.find(new DeliveryLog.Filter(ticketId, eventId, userId, status, from, to), page, size);
        return new Page(rows.stream().limit(size).toList(), page, size, rows.size() > size);
    }
}
