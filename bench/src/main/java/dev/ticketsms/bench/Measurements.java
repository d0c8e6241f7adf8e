package dev.ticketsms.bench;

import dev.ticketsms.bench.Api.CreatedTicket;
import dev.ticketsms.bench.Api.TicketSms;
import dev.ticketsms.bench.Events.TicketEventRecord;
import dev.ticketsms.bench.Sampler.Cost;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The performance half of the bench: each method one figure of the report, measured on the running stack. */
final class Measurements {

    record Throughput(double rawOneThread, double rawSixteenThreads, int events, int smsExpected, int smsSeen,
                      double seconds, double smsPerSecond, Cost cost) {
    }

    record LatencyRun(double offeredSmsPerSecond, double ticketsPerSecond, int smsExpected, int smsSeen,
                      Percentiles ticketToSms, Percentiles ticketToKafka, Percentiles kafkaToSms, Percentiles api,
                      int apiFailures, Cost cost) {
    }

    record ApiRun(int sandboxLatencyMs, double ticketsPerSecond, Percentiles api, int apiFailures, Duration backlogDrained,
                  Cost cost) {
    }

    record ScalingRun(int consumers, int smsExpected, int smsSeen, double seconds, double smsPerSecond, Cost cost) {
    }

    record SlowTwilioRun(int smsExpected, int smsSeen, double seconds, double smsPerSecond, Cost cost) {
    }

    static final int SCALING_BULKHEAD = 32;
    /** Issue 22: the sender's rate, Twilio's latency, and a bulkhead above rate × latency (100 in flight). */
    static final int SLOW_TWILIO_RATE = 200;
    static final int SLOW_TWILIO_LATENCY_MS = 500;
    static final int SLOW_TWILIO_BULKHEAD = 150;

    private final Stack stack;
    private final Api api;
    private final Events events;
    private final String creatorToken;

    Measurements(Stack stack, Api api, Events events, String creatorToken) {
        this.stack = stack;
        this.api = api;
        this.events = events;
        this.creatorToken = creatorToken;
    }

    /**
     * Events written straight to Kafka (no ticket-service), all at once: SMS/s from the first event written to the
     * last SMS the sandbox accepted. The same burst runs once unmeasured before: the set-up's few SMS leave the
     * sending path interpreted or C1-compiled, and a service that runs for days sends with its C2 code. Next to it
     * the raw SDK loop against the same sandbox, 1 and 16 threads (16 = notification-service's bulkhead).
     */
    Throughput throughput(UUID team, int members, int eventCount) throws Exception {
        double one = RawTwilioLoop.sendsPerSecond(stack.sandbox().baseUrl(), 1, Duration.ofSeconds(5));
        double sixteen = RawTwilioLoop.sendsPerSecond(stack.sandbox().baseUrl(), 16, Duration.ofSeconds(5));
        burst(team, members, eventCount, null, "pipeline throughput, warm-up");
        Burst measured = burst(team, members, eventCount, null, "pipeline throughput");
        double seconds = Duration.between(measured.written(), measured.last()).toNanos() / 1e9;
        return new Throughput(one, sixteen, eventCount, eventCount * members, measured.smsSeen(), seconds,
                measured.smsSeen() / seconds, measured.cost());
    }

    /**
     * Tickets through the API at a fixed rate, each to a team of {@code members}: for every SMS the time from the
     * 201 to the sandbox accepting it, split at the Kafka record's timestamp (the outbox relay's send).
     */
    LatencyRun latency(UUID team, int members, double smsPerSecond, Duration duration) throws Exception {
        api.clearSandbox();
        double ticketsPerSecond = smsPerSecond / members;
        Sampler sampler = Sampler.during(stack, "latency at %.0f SMS/s".formatted(smsPerSecond));
        List<CreatedTicket> created = Load.tickets(api, creatorToken, team, ticketsPerSecond, duration);
        Set<UUID> ids = Load.accepted(created);
        List<TicketSms> sms = Load.awaitSms(api, ids, members, Duration.ofSeconds(90), Duration.ofSeconds(1));
        Cost cost = sampler.cost();
        Map<UUID, Instant> answered = new HashMap<>();
        created.stream().filter(ticket -> ticket.id() != null).forEach(ticket -> answered.put(ticket.id(), ticket.answeredAt()));
        Map<UUID, Instant> onKafka = new HashMap<>();
        for (TicketEventRecord record : events.readAll()) {
            if (ids.contains(record.ticketId())) {
                onKafka.merge(record.ticketId(), record.timestamp(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        var ticketToSms = new ArrayList<Double>();
        var kafkaToSms = new ArrayList<Double>();
        for (TicketSms message : sms) {
            ticketToSms.add(millis(answered.get(message.ticketId()), message.receivedAt()));
            Instant kafka = onKafka.get(message.ticketId());
            if (kafka != null) {
                kafkaToSms.add(millis(kafka, message.receivedAt()));
            }
        }
        var ticketToKafka = new ArrayList<Double>();
        onKafka.forEach((ticket, at) -> ticketToKafka.add(millis(answered.get(ticket), at)));
        return new LatencyRun(smsPerSecond, ticketsPerSecond, ids.size() * members, sms.size(), Percentiles.of(ticketToSms),
                Percentiles.of(ticketToKafka), Percentiles.of(kafkaToSms), apiPercentiles(created),
                (int) created.stream().filter(ticket -> ticket.status() != 201).count(), cost);
    }

    /** POST /api/tickets answer times while the sandbox answers every send after {@code sandboxLatencyMs}. */
    ApiRun api(UUID team, int members, int sandboxLatencyMs, double ticketsPerSecond, Duration duration) throws Exception {
        api.clearSandbox();
        if (sandboxLatencyMs > 0) {
            api.fault("{\"kind\":\"LATENCY\",\"latency\":\"PT%.3fS\"}".formatted(sandboxLatencyMs / 1000.0));
        }
        Sampler sampler = Sampler.during(stack, "ticket API, sandbox latency %d ms".formatted(sandboxLatencyMs));
        List<CreatedTicket> created = Load.tickets(api, creatorToken, team, ticketsPerSecond, duration);
        Cost cost = sampler.cost();
        api.clearFaults();
        long drainStarted = System.nanoTime();
        Load.awaitSms(api, Load.accepted(created), members, Duration.ofSeconds(180), Duration.ofSeconds(2));
        return new ApiRun(sandboxLatencyMs, ticketsPerSecond, apiPercentiles(created),
                (int) created.stream().filter(ticket -> ticket.status() != 201).count(),
                Duration.ofNanos(System.nanoTime() - drainStarted), cost);
    }

    /**
     * One notification-service with {@code consumers} listener threads on the 12 partitions, the sandbox answering
     * after 200 ms; a backlog of events written at once. SMS/s between the first and the last SMS accepted, so the
     * consumer group's join after the restart is not counted.
     */
    ScalingRun scaling(UUID team, int members, int consumers, int eventCount) throws Exception {
        stack.restartNotifications(Map.of("notifications.consumer.concurrency", Integer.toString(consumers),
                // the default bulkhead (16 sends in flight) would cap 6 consumers × 5 recipients at 16 ÷ 0.2 s = 80 SMS/s
                // and measure the bulkhead, not the consumers
                "resilience4j.bulkhead.instances.twilio.max-concurrent-calls", Integer.toString(SCALING_BULKHEAD)));
        Burst burst = burst(team, members, eventCount, "PT0.2S", "consumers: %d, 200 ms Twilio latency".formatted(consumers));
        return new ScalingRun(consumers, eventCount * members, burst.smsSeen(), burst.seconds(), burst.smsPerSecond(),
                burst.cost());
    }

    /**
     * Issue 22: throughput while Twilio answers every send after {@value #SLOW_TWILIO_LATENCY_MS} ms, with the sender's
     * rate at {@value #SLOW_TWILIO_RATE}/s and room for {@value #SLOW_TWILIO_BULKHEAD} sends in flight (bulkhead and
     * HTTP pool); default consumers. A backlog of events written at once; SMS/s between the first and the last SMS
     * accepted.
     */
    SlowTwilioRun slowTwilio(UUID team, int members, int eventCount) throws Exception {
        stack.restartNotifications(Map.of(
                "twilio.messages-per-second", Integer.toString(SLOW_TWILIO_RATE),
                "resilience4j.bulkhead.instances.twilio.max-concurrent-calls", Integer.toString(SLOW_TWILIO_BULKHEAD),
                "twilio.max-connections", Integer.toString(SLOW_TWILIO_BULKHEAD)));
        Burst burst = burst(team, members, eventCount, "PT%.3fS".formatted(SLOW_TWILIO_LATENCY_MS / 1000.0),
                "Twilio latency %d ms, rate %d/s".formatted(SLOW_TWILIO_LATENCY_MS, SLOW_TWILIO_RATE));
        return new SlowTwilioRun(eventCount * members, burst.smsSeen(), burst.seconds(), burst.smsPerSecond(), burst.cost());
    }

    /**
     * What one backlog of events became: SMS seen, and SMS/s between the first and the last SMS accepted; when the
     * first event was written, and the last SMS accepted.
     */
    private record Burst(int smsSeen, double seconds, double smsPerSecond, Cost cost, Instant written, Instant last) {
    }

    /**
     * Writes {@code eventCount} ticket events at once while the sandbox answers every send after {@code latency}
     * (ISO-8601; {@code null}: at once, no fault), and waits for their SMS.
     */
    private Burst burst(UUID team, int members, int eventCount, String latency, String phase) throws Exception {
        api.clearSandbox();
        if (latency != null) {
            api.fault("{\"kind\":\"LATENCY\",\"latency\":\"%s\"}".formatted(latency));
        }
        var tickets = new HashSet<UUID>();
        Sampler sampler = Sampler.during(stack, phase);
        Instant written = Instant.now();
        for (int i = 0; i < eventCount; i++) {
            tickets.add(events.publishTicketCreated(team));
        }
        events.flush();
        List<TicketSms> sms = Load.awaitSms(api, tickets, members, Duration.ofSeconds(180), Duration.ofSeconds(1));
        Cost cost = sampler.cost();
        api.clearFaults();
        Instant first = sms.stream().map(TicketSms::receivedAt).min(Instant::compareTo).orElse(Instant.now());
        Instant last = sms.stream().map(TicketSms::receivedAt).max(Instant::compareTo).orElse(first);
        double seconds = Duration.between(first, last).toNanos() / 1e9;
        return new Burst(sms.size(), seconds, seconds > 0 ? (sms.size() - 1) / seconds : 0, cost, written, last);
    }

    private static Percentiles apiPercentiles(List<CreatedTicket> created) {
        return Percentiles.of(created.stream().filter(ticket -> ticket.status() == 201).map(ticket -> ticket.nanos() / 1e6).toList());
    }

    private static double millis(Instant from, Instant to) {
        return from == null ? Double.NaN : Duration.between(from, to).toNanos() / 1e6;
    }
}
