package dev.ticketsms.bench;

import dev.ticketsms.bench.Api.TicketSms;
import dev.ticketsms.bench.Events.TicketEventRecord;

import java.sql.Connection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What became of the tickets a fault run created, counted in each place independently: the tickets ticket-service
 * accepted (201) and stored, the events on Kafka, the rows of notification-service's ledger and the SMS the sandbox
 * accepted. Every accepted ticket owes one SMS to each recipient: {@code lost} counts (ticket, recipient) pairs
 * without an SMS, {@code duplicated} SMS beyond the first of a pair.
 */
record Audit(int ticketsAccepted, int ticketsStored, int ticketsWithEvent, int eventRecords, int distinctEvents,
             int ledgerRows, int ledgerPairs, Map<String, Integer> ledgerStatuses, int smsExpected, int smsAccepted,
             int lost, int duplicated) {

    static Audit of(Stack stack, Events events, Api api, Set<UUID> accepted, Set<String> recipients) throws Exception {
        int stored = 0;
        int rows = 0;
        var pairs = new HashSet<String>();
        var statuses = new TreeMap<String, Integer>();
        try (Connection tickets = stack.database("tickets");
             var query = tickets.prepareStatement("SELECT count(*) FROM tickets WHERE id = ANY (?)")) {
            query.setArray(1, tickets.createArrayOf("uuid", accepted.toArray()));
            try (var result = query.executeQuery()) {
                result.next();
                stored = result.getInt(1);
            }
        }
        try (Connection notifications = stack.database("notifications");
             var query = notifications.prepareStatement("SELECT ticket_id, user_id, status FROM deliveries WHERE ticket_id = ANY (?)")) {
            query.setArray(1, notifications.createArrayOf("uuid", accepted.toArray()));
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    rows++;
                    pairs.add(result.getString(1) + "/" + result.getString(2));
                    statuses.merge(result.getString(3), 1, Integer::sum);
                }
            }
        }
        List<TicketEventRecord> onKafka = events.readAll().stream().filter(record -> accepted.contains(record.ticketId())).toList();
        List<TicketSms> sms = api.ticketSms().stream()
                .filter(message -> accepted.contains(message.ticketId()) && recipients.contains(message.to())).toList();
        Map<String, Integer> perPair = new HashMap<>();
        sms.forEach(message -> perPair.merge(message.ticketId() + "/" + message.to(), 1, Integer::sum));
        int expected = accepted.size() * recipients.size();
        int duplicated = perPair.values().stream().mapToInt(count -> count - 1).sum();
        return new Audit(accepted.size(), stored, (int) onKafka.stream().map(TicketEventRecord::ticketId).distinct().count(),
                onKafka.size(), (int) onKafka.stream().map(TicketEventRecord::eventId).distinct().count(), rows, pairs.size(),
                statuses, expected, sms.size(), expected - perPair.size(), duplicated);
    }
}
