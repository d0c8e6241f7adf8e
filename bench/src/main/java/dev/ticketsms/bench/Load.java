package dev.ticketsms.bench;

import dev.ticketsms.bench.Api.CreatedTicket;
import dev.ticketsms.bench.Api.TicketSms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Offered load and waiting for its SMS. */
final class Load {

    private Load() {
    }

    /**
     * Open loop: one POST /api/tickets every 1/rate seconds for {@code duration}, each on its own virtual thread, so a
     * slow answer does not lower the offered rate (no coordinated omission).
     */
    static List<CreatedTicket> tickets(Api api, String token, UUID team, double perSecond, Duration duration) throws Exception {
        long interval = Math.round(1e9 / perSecond);
        long count = Math.round(duration.toNanos() / (double) interval);
        var answers = new ArrayList<Future<CreatedTicket>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                answers.add(executor.submit(() -> api.createTicket(token, team)));
            }
        }
        var created = new ArrayList<CreatedTicket>();
        for (Future<CreatedTicket> answer : answers) {
            created.add(answer.get());
        }
        return created;
    }

    static Set<UUID> accepted(Collection<CreatedTicket> tickets) {
        var ids = new HashSet<UUID>();
        tickets.stream().filter(ticket -> ticket.status() == 201).forEach(ticket -> ids.add(ticket.id()));
        return ids;
    }

    /**
     * Polls the sandbox until it holds {@code perTicket} distinct recipients' SMS for every ticket, or the timeout
     * passes; answers the SMS of these tickets it holds then.
     */
    static List<TicketSms> awaitSms(Api api, Set<UUID> tickets, int perTicket, Duration timeout, Duration poll) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<TicketSms> sms = api.ticketSms().stream().filter(message -> tickets.contains(message.ticketId())).toList();
            long distinct = sms.stream().map(message -> message.ticketId() + message.to()).distinct().count();
            if (distinct >= (long) tickets.size() * perTicket || System.nanoTime() > deadline) {
                return sms;
            }
            Thread.sleep(poll);
        }
    }
}
