package dev.ticketsms.bench;

import dev.ticketsms.bench.FaultSuite.FaultResult;
import dev.ticketsms.bench.Measurements.ApiRun;
import dev.ticketsms.bench.Measurements.LatencyRun;
import dev.ticketsms.bench.Measurements.ScalingRun;
import dev.ticketsms.bench.Measurements.SlowTwilioRun;
import dev.ticketsms.bench.Measurements.Throughput;
import dev.ticketsms.bench.Sampler.Cost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** bench/results/report.md and its charts, from one run's figures. Every figure says how it was measured. */
final class Report {

    /** One run's figures; a part not run is null (or empty). */
    record Figures(String environment, Map<String, String> settings, Map<String, Duration> startUp,
                   Map<String, Long> idleRss, Throughput throughput, List<LatencyRun> latency, List<ApiRun> api,
                   List<ScalingRun> scaling, SlowTwilioRun slowTwilio, List<FaultResult> faults, int kills, List<Cost> costs) {
    }

    private static final long STACK_LIMIT_MIB = 2048;
    private static final long SERVICE_LIMIT_MIB = 350;

    private final Figures f;
    private final StringBuilder md = new StringBuilder();

    Report(Figures figures) {
        this.f = figures;
    }

    void write(Path results) throws IOException {
        Files.createDirectories(results);
        md.append("# ticket-sms benchmark and fault suite\n\n");
        md.append("Written by `bench/run.sh` (one run; nothing here is edited by hand). ").append(f.environment()).append("\n\n");
        md.append("Settings of this run (on top of each service's `application.yaml`):\n\n");
        f.settings().forEach((name, value) -> md.append("- `").append(name).append("` = `").append(value).append("`\n"));
        md.append("\n");
        goals();
        throughput(results);
        latency(results);
        api(results);
        scaling(results);
        slowTwilio();
        memory(results);
        faults();
        costs();
        misses();
        Files.writeString(results.resolve("report.md"), md.toString());
    }

    private void goals() {
        md.append("## Goals (issues 17 and 22), read against this run\n\n| goal | measured | met? |\n|---|---|---|\n");
        if (f.throughput() != null) {
            Throughput t = f.throughput();
            double one = t.smsPerSecond() / t.rawOneThread();
            double sixteen = t.smsPerSecond() / t.rawSixteenThreads();
            goal("pipeline SMS/s ÷ raw Twilio-SDK loop ≥ 0.5 (rate limit lifted)",
                    "%.0f ÷ %.0f (1 thread) = %.2f; ÷ %.0f (16 threads) = %.2f".formatted(t.smsPerSecond(), t.rawOneThread(), one,
                            t.rawSixteenThreads(), sixteen),
                    one >= 0.5 ? (sixteen >= 0.5 ? "yes" : "against 1 thread only") : "no");
        }
        if (f.api().size() == 2) {
            double ratio = f.api().get(1).api().p99() / f.api().get(0).api().p99();
            goal("ticket API p99 at 500 ms sandbox latency ÷ p99 at 0 ms ≤ 1.1",
                    "%.1f ms ÷ %.1f ms = %.2f".formatted(f.api().get(1).api().p99(), f.api().get(0).api().p99(), ratio),
                    ratio <= 1.1 ? "yes" : "no");
        }
        f.latency().stream().filter(run -> run.offeredSmsPerSecond() == 100).findFirst().ifPresent(run -> goal(
                "event → SMS accepted p99 ≤ 50 ms at 100 SMS/s (zero-latency sandbox)",
                "ticket 201 → SMS p99 %.0f ms; Kafka record → SMS p99 %.0f ms".formatted(run.ticketToSms().p99(), run.kafkaToSms().p99()),
                run.kafkaToSms().p99() <= 50 && run.ticketToSms().p99() <= 50 ? "yes"
                        : run.kafkaToSms().p99() <= 50 ? "from Kafka only" : "no"));
        if (f.slowTwilio() != null) {
            SlowTwilioRun run = f.slowTwilio();
            double share = run.smsPerSecond() / Measurements.SLOW_TWILIO_RATE;
            goal("SMS/s with %d ms Twilio latency ≥ 0.8 × the configured rate (%d/s)".formatted(
                            Measurements.SLOW_TWILIO_LATENCY_MS, Measurements.SLOW_TWILIO_RATE),
                    "%.1f SMS/s = %.2f × %d (%d of %d SMS)".formatted(run.smsPerSecond(), share, Measurements.SLOW_TWILIO_RATE,
                            run.smsSeen(), run.smsExpected()),
                    share >= 0.8 && run.smsSeen() == run.smsExpected() ? "yes" : "no");
        }
        if (f.scaling().size() == 3) {
            double factor = f.scaling().get(2).smsPerSecond() / f.scaling().get(0).smsPerSecond();
            goal("1 → 6 consumers on 12 partitions, 200 ms latency ≥ 4.5×",
                    "%.1f → %.1f SMS/s = %.2f×".formatted(f.scaling().get(0).smsPerSecond(), f.scaling().get(2).smsPerSecond(), factor),
                    factor >= 4.5 ? "yes" : "no");
        }
        Map<String, Long> peak = peakRss();
        if (!peak.isEmpty()) {
            long stack = peak.entrySet().stream().filter(e -> !e.getKey().startsWith("bench")).mapToLong(Map.Entry::getValue).sum();
            long worst = services(peak).values().stream().mapToLong(Long::longValue).max().orElse(0);
            String worstName = services(peak).entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
            goal("whole stack ≤ 2 GB resident, each service ≤ 350 MB (peak under load)",
                    "stack %d MiB; largest service %s %d MiB".formatted(stack, worstName, worst),
                    stack <= STACK_LIMIT_MIB && worst <= SERVICE_LIMIT_MIB ? "yes" : "no");
        }
        if (!f.faults().isEmpty()) {
            int lost = f.faults().stream().mapToInt(r -> r.audit().lost()).sum();
            int duplicated = f.faults().stream().mapToInt(r -> r.audit().duplicated()).sum();
            goal("fault suite: lost = 0, duplicated = 0", "lost %d, duplicated %d over %d faults".formatted(lost, duplicated,
                    f.faults().size()), lost == 0 && duplicated == 0 ? "yes" : "no");
        }
        md.append("\n");
    }

    private void goal(String goal, String measured, String met) {
        md.append("| ").append(goal).append(" | ").append(measured).append(" | ").append(met).append(" |\n");
    }

    private void throughput(Path results) throws IOException {
        Throughput t = f.throughput();
        if (t == null) {
            return;
        }
        md.append("## Pipeline throughput\n\n");
        md.append("""
                How: %d `TicketCreated` events for a team of %d verified, opted-in members written straight to \
                `tickets.events.v1` by the bench (no ticket-service), all at once; SMS/s = SMS the sandbox accepted ÷ time \
                from the first event written to the last SMS's `receivedAt` in the sandbox, measured on the second of two                 such bursts (the first warms the JIT: the set-up sends only a few dozen SMS). The raw loop: the Twilio SDK's \
                `Message.creator(…).create(client)` against the same sandbox for 5 s, 1 thread and 16 threads (16 = \
                notification-service's bulkhead), through a pooled Apache client like notification-service's.

                | | SMS/s | SMS |
                |---|---|---|
                | raw SDK loop, 1 thread | %.0f | |
                | raw SDK loop, 16 threads | %.0f | |
                | pipeline (Kafka → notification-service → sandbox) | %.1f | %d of %d in %.1f s |

                ![throughput](throughput.png)

                """.formatted(t.events(), t.smsExpected() / t.events(), t.rawOneThread(), t.rawSixteenThreads(), t.smsPerSecond(),
                t.smsSeen(), t.smsExpected(), t.seconds()));
        md.append(costLine(t.cost()));
        Charts.bar(results.resolve("throughput.png"), "SMS per second against the same sandbox", "", "SMS/s", new Charts.Data()
                .add("SMS/s", "raw SDK, 1 thread", t.rawOneThread())
                .add("SMS/s", "raw SDK, 16 threads", t.rawSixteenThreads())
                .add("SMS/s", "pipeline", t.smsPerSecond()));
    }

    private void latency(Path results) throws IOException {
        if (f.latency().isEmpty()) {
            return;
        }
        md.append("## Event → SMS latency at fixed offered loads\n\n");
        md.append("""
                How: tickets created through `POST /api/tickets` (open loop, one request every 1/rate s on its own virtual \
                thread) for a team of 5 recipients, so tickets/s = SMS/s ÷ 5, for the time given; for each SMS the time \
                from the 201 to the sandbox's `receivedAt`, split at the Kafka record's timestamp (set by ticket-service's \
                outbox relay when it sends). Clocks: one machine, one clock. Percentiles are nearest-rank over all SMS.

                | offered SMS/s | tickets/s | SMS seen / expected | 201 → Kafka p50 / p99 ms | Kafka → SMS p50 / p95 / p99 ms | 201 → SMS p50 / p95 / p99 ms | API p50 / p99 ms | load avg | CPU cores (notification / ticket / sandbox / Kafka / PG) |
                |---|---|---|---|---|---|---|---|---|
                """);
        var data = new Charts.Data();
        for (LatencyRun run : f.latency()) {
            md.append("| %.0f | %.0f | %d / %d | %.0f / %.0f | %.0f / %.0f / %.0f | %.0f / %.0f / %.0f | %.0f / %.0f | %.1f | %s |\n".formatted(
                    run.offeredSmsPerSecond(), run.ticketsPerSecond(), run.smsSeen(), run.smsExpected(),
                    run.ticketToKafka().p50(), run.ticketToKafka().p99(), run.kafkaToSms().p50(), run.kafkaToSms().p95(),
                    run.kafkaToSms().p99(), run.ticketToSms().p50(), run.ticketToSms().p95(), run.ticketToSms().p99(),
                    run.api().p50(), run.api().p99(), run.cost().loadAverage(), cores(run.cost())));
            String load = "%.0f SMS/s".formatted(run.offeredSmsPerSecond());
            data.add("201 → Kafka p99", load, run.ticketToKafka().p99())
                    .add("Kafka → SMS p50", load, run.kafkaToSms().p50())
                    .add("Kafka → SMS p99", load, run.kafkaToSms().p99())
                    .add("201 → SMS p99", load, run.ticketToSms().p99());
        }
        md.append("\n![latency](latency.png)\n\n");
        Charts.bar(results.resolve("latency.png"), "Event → SMS accepted (ms)", "offered load", "ms", data);
    }

    private void api(Path results) throws IOException {
        if (f.api().isEmpty()) {
            return;
        }
        md.append("## Ticket API while sending is slow\n\n");
        md.append("""
                How: `POST /api/tickets` at a fixed rate (open loop) for a team of 5 recipients, once with the sandbox \
                answering at once and once with a sandbox `LATENCY` fault of 500 ms on every send; answer times of the 201s \
                as the client saw them. The backlog the slow run leaves is drained (fault removed) before the next phase.

                | sandbox latency | tickets/s | API p50 ms | API p95 ms | API p99 ms | max ms | non-201 | backlog drained in | load avg | CPU cores (notification / ticket / sandbox / Kafka / PG) |
                |---|---|---|---|---|---|---|---|---|---|
                """);
        var data = new Charts.Data();
        for (ApiRun run : f.api()) {
            md.append("| %d ms | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %.0f s | %.1f | %s |\n".formatted(run.sandboxLatencyMs(),
                    run.ticketsPerSecond(), run.api().p50(), run.api().p95(), run.api().p99(), run.api().max(), run.apiFailures(),
                    run.backlogDrained().toMillis() / 1000.0, run.cost().loadAverage(), cores(run.cost())));
            data.add("p50", run.sandboxLatencyMs() + " ms", run.api().p50()).add("p99", run.sandboxLatencyMs() + " ms", run.api().p99());
        }
        md.append("\n![ticket API](api.png)\n\n");
        Charts.bar(results.resolve("api.png"), "POST /api/tickets answer time (ms)", "sandbox latency", "ms", data);
    }

    private void scaling(Path results) throws IOException {
        if (f.scaling().isEmpty()) {
            return;
        }
        md.append("## Consumers 1 → 2 → 6 on 12 partitions, 200 ms Twilio latency\n\n");
        md.append("""
                How: notification-service restarted with `notifications.consumer.concurrency` = 1, 2, 6 (one instance) and \
                its Twilio bulkhead at %d sends in flight (default 16, which alone would cap 6 × 5 sends at 80 SMS/s), sandbox `LATENCY` 200 ms on every send, a backlog of events for a team of 5 written to Kafka at once; \
                SMS/s = (SMS − 1) ÷ (last − first `receivedAt`), so the consumer group's join after the restart is not counted. Ceiling = bulkhead ÷ 0.2 s \
                for any number of consumers: since issue 22 a consumer claims an event's rows and hands them to the sending lanes instead of waiting for them.

                | consumers | SMS seen / expected | seconds | SMS/s | ceiling SMS/s | × of 1 consumer | load avg | CPU cores (notification / ticket / sandbox / Kafka / PG) |
                |---|---|---|---|---|---|---|---|
                """.formatted(Measurements.SCALING_BULKHEAD));
        var data = new Charts.Data();
        double base = f.scaling().getFirst().smsPerSecond();
        for (ScalingRun run : f.scaling()) {
            md.append("| %d | %d / %d | %.1f | %.1f | %.0f | %.2f | %.1f | %s |\n".formatted(run.consumers(), run.smsSeen(), run.smsExpected(),
                    run.seconds(), run.smsPerSecond(), ceiling(run.consumers()), run.smsPerSecond() / base, run.cost().loadAverage(), cores(run.cost())));
            data.add("SMS/s", run.consumers() + " consumers", run.smsPerSecond());
        }
        md.append("\n![scaling](scaling.png)\n\n");
        Charts.bar(results.resolve("scaling.png"), "SMS/s with 200 ms Twilio latency", "listener threads", "SMS/s", data);
    }

    private void slowTwilio() {
        SlowTwilioRun run = f.slowTwilio();
        if (run == null) {
            return;
        }
        md.append("## Throughput with a slow Twilio (issue 22)\n\n");
        md.append("""
                How: notification-service restarted with `twilio.messages-per-second` = %d, its Twilio bulkhead \
                (`resilience4j.bulkhead.instances.twilio.max-concurrent-calls`) and HTTP pool (`twilio.max-connections`) at %d \
                (the rate × the latency needs %d in flight), default consumers; sandbox `LATENCY` %d ms on every send; %d \
                `TicketCreated` for the team of 10 written to Kafka at once. SMS/s = (SMS − 1) ÷ (last − first `receivedAt`).

                | SMS seen / expected | seconds | SMS/s | × configured rate | load avg | CPU cores (notification / ticket / sandbox / Kafka / PG) |
                |---|---|---|---|---|---|
                | %d / %d | %.1f | %.1f | %.2f | %.1f | %s |

                """.formatted(Measurements.SLOW_TWILIO_RATE, Measurements.SLOW_TWILIO_BULKHEAD,
                Measurements.SLOW_TWILIO_RATE * Measurements.SLOW_TWILIO_LATENCY_MS / 1000, Measurements.SLOW_TWILIO_LATENCY_MS,
                run.smsExpected() / 10, run.smsSeen(), run.smsExpected(), run.seconds(), run.smsPerSecond(),
                run.smsPerSecond() / Measurements.SLOW_TWILIO_RATE, run.cost().loadAverage(), cores(run.cost())));
    }

    private void memory(Path results) throws IOException {
        md.append("## Resident memory and start time\n\n");
        md.append("""
                How: VmRSS of each JVM from /proc (PostgreSQL: the PSS of the postmaster and all its backends, so shared \
                buffers count once), idle = after set-up and a quiet pause, under load = the peak of samples every 250 ms \
                during the measured phases (faults excluded: they run extra replicas). The services run with the JVM \
                flags `%s`.

                | process | idle MiB | peak under load MiB |
                |---|---|---|
                """.formatted(String.join(" ", Stack.serviceJvm())));
        Map<String, Long> peak = peakRss();
        var data = new Charts.Data();
        for (String name : f.idleRss().keySet()) {
            md.append("| %s | %d | %s |\n".formatted(name, f.idleRss().get(name), peak.containsKey(name) ? peak.get(name) : "–"));
            data.add("idle", shortName(name), f.idleRss().get(name)).add("under load", shortName(name), peak.getOrDefault(name, 0L));
        }
        long idle = f.idleRss().entrySet().stream().filter(e -> !e.getKey().startsWith("bench")).mapToLong(Map.Entry::getValue).sum();
        long load = peak.entrySet().stream().filter(e -> !e.getKey().startsWith("bench")).mapToLong(Map.Entry::getValue).sum();
        md.append("| **stack (bench excluded)** | **%d** | **%d** (sum of per-process peaks) |\n\n".formatted(idle, load));
        md.append("![memory](memory.png)\n\nStart-up (fresh data directories, the four JVMs started together):\n\n| step | s |\n|---|---|\n");
        f.startUp().forEach((step, took) -> md.append("| %s | %.1f |\n".formatted(step, took.toMillis() / 1000.0)));
        md.append("\n");
        Charts.bar(results.resolve("memory.png"), "Resident memory (MiB)", "", "MiB", data);
    }

    private void faults() {
        if (f.faults().isEmpty()) {
            return;
        }
        md.append("## Fault suite: audit per fault\n\n");
        md.append("""
                How: each fault is injected while tickets are created through the API (team of 5 recipients), then healed; \
                the audit waits until every (ticket, recipient) has an SMS in the sandbox or 150 s pass, then 12 s more for \
                late duplicates, and counts each place on its own: tickets answered 201, rows in ticket-service's `tickets`, \
                records on `tickets.events.v1` (read back from offset 0), rows in notification-service's `deliveries`, \
                SMS the sandbox accepted for those tickets. lost = (ticket, recipient) pairs without an SMS; duplicated = \
                SMS beyond the first of a pair. SIGKILL repeats: %d (`BENCH_KILLS`).

                | fault | how | tickets 201 / stored / with event | API non-201 | event records (distinct ids) | ledger rows (pairs) | ledger statuses | SMS expected / accepted | **lost** | **duplicated** | s |
                |---|---|---|---|---|---|---|---|---|---|---|
                """.formatted(f.kills()));
        for (FaultResult r : f.faults()) {
            Audit a = r.audit();
            md.append("| %s | %s | %d / %d / %d | %d | %d (%d) | %d (%d) | %s | %d / %d | **%d** | **%d** | %.0f |\n".formatted(
                    r.name(), r.how(), a.ticketsAccepted(), a.ticketsStored(), a.ticketsWithEvent(), r.apiFailures(),
                    a.eventRecords(), a.distinctEvents(), a.ledgerRows(), a.ledgerPairs(),
                    a.ledgerStatuses().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
                    a.smsExpected(), a.smsAccepted(), a.lost(), a.duplicated(), r.seconds()));
        }
        md.append("\n");
    }

    private void costs() {
        md.append("## Where the time goes: CPU per process and load in each phase\n\n");
        md.append("""
                How: user + system CPU seconds of each process from /proc/[pid]/stat over the phase ÷ the phase's wall \
                time = cores busy on average (the machine has %d); load average = mean of the 1-minute load average sampled \
                every 250 ms. Other builds share this machine: a load average above the core count means the bench's \
                processes waited for a CPU.

                """.formatted(Runtime.getRuntime().availableProcessors()));
        if (f.costs().isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>(f.costs().getFirst().cpuCores().keySet());
        md.append("| phase | s | load avg | ").append(String.join(" | ", names)).append(" |\n|---|---|---|")
                .append("---|".repeat(names.size())).append("\n");
        for (Cost cost : f.costs()) {
            md.append("| %s | %.0f | %.1f | ".formatted(cost.phase(), cost.seconds(), cost.loadAverage()));
            md.append(names.stream().map(name -> cost.cpuCores().containsKey(name) ? "%.2f".formatted(cost.cpuCores().get(name)) : "–")
                    .collect(Collectors.joining(" | "))).append(" |\n");
        }
        md.append("\n");
    }

    /** Since issue 22 a consumer does not wait for its SMS: any number of consumers can keep the bulkhead full. */
    private static double ceiling(int consumers) {
        return Measurements.SCALING_BULKHEAD / 0.2;
    }

    /** For each goal missed, what this run's own figures say about where the time went. */
    private void misses() {
        md.append("## Reading the misses (from this run's figures)\n\n");
        int cores = Runtime.getRuntime().availableProcessors();
        Throughput t = f.throughput();
        if (t != null && t.smsPerSecond() / t.rawSixteenThreads() < 0.5) {
            double stack = t.cost().cpuCores().entrySet().stream().filter(e -> !e.getKey().equals("bench"))
                    .mapToDouble(Map.Entry::getValue).sum();
            md.append(("- **Throughput.** The pipeline reached %.0f SMS/s against %.0f for 16 raw SDK threads. Over the phase the "
                    + "stack's processes used %.2f of %d cores (notification-service %.2f, the sandbox %.2f, PostgreSQL %.2f) "
                    + "while the load average was %.1f: more runnable processes than cores, so part of the time went to "
                    + "waiting for a CPU (not measured on its own); the figure is a floor on this machine. Per SMS notification-service spent %.1f ms of CPU "
                    + "(%.2f cores ÷ %.0f SMS/s): lookup, render, ledger claim and update around each send.%n")
                    .formatted(t.smsPerSecond(), t.rawSixteenThreads(), stack, cores, t.cost().cpuCores().getOrDefault("notification-service", 0.0),
                            t.cost().cpuCores().getOrDefault("sms-sandbox", 0.0), t.cost().cpuCores().getOrDefault("postgresql", 0.0),
                            t.cost().loadAverage(), 1000 * t.cost().cpuCores().getOrDefault("notification-service", 0.0) / t.smsPerSecond(),
                            t.cost().cpuCores().getOrDefault("notification-service", 0.0), t.smsPerSecond()));
        }
        f.latency().stream().filter(run -> run.ticketToSms().p99() > 50 || run.kafkaToSms().p99() > 50).forEach(run -> md.append(
                ("- **Latency at %.0f SMS/s.** p99 201 → Kafka %.0f ms: ticket-service's outbox relay is woken by the commit "
                        + "(LISTEN/NOTIFY; polling every 200 ms only as the fallback), so this is the relay's round (read, send, "
                        + "Kafka's acknowledgement, delete) and waiting for a CPU. Kafka → SMS p99 %.0f ms "
                        + "(p50 %.0f)%s. Load average %.1f on %d cores.%n").formatted(run.offeredSmsPerSecond(),
                        run.ticketToKafka().p99(), run.kafkaToSms().p99(), run.kafkaToSms().p50(),
                        t != null && run.offeredSmsPerSecond() > t.smsPerSecond()
                                ? ": the offered load is above the %.0f SMS/s the pipeline reached in the throughput phase, so events queue on Kafka and the time is mostly that queue".formatted(t.smsPerSecond())
                                : ": below the measured capacity, so this is per-event work (lookup, ledger claim, send, ledger update) plus waiting for a CPU",
                        run.cost().loadAverage(), cores)));
        if (f.scaling().size() == 3 && f.scaling().get(2).smsPerSecond() / f.scaling().get(0).smsPerSecond() < 4.5) {
            ScalingRun one = f.scaling().get(0);
            ScalingRun six = f.scaling().get(2);
            md.append(("- **Scaling.** 1 consumer reached %.1f of its %.0f SMS/s ceiling, 6 consumers %.1f of %.0f. With 6 "
                    + "consumers notification-service used %.2f cores and the sandbox %.2f at a load average of %.1f: the "
                    + "sends were in flight %s. Since issue 22 a consumer only claims an event's rows and queues them in the "
                    + "ticket's sending lane, so one consumer can already keep the bulkhead full: the ceiling is the bulkhead "
                    + "÷ 200 ms for any number of consumers, and this goal (written when each consumer waited for its SMS) "
                    + "measures the claim rate more than the consumers.%n")
                    .formatted(one.smsPerSecond(), ceiling(1), six.smsPerSecond(), ceiling(6),
                            six.cost().cpuCores().getOrDefault("notification-service", 0.0), six.cost().cpuCores().getOrDefault("sms-sandbox", 0.0),
                            six.cost().loadAverage(), six.smsPerSecond() < 0.6 * ceiling(6)
                                    ? "far below the ceiling, so the time went to CPU waits (load above the core count) and per-SMS work rather than Twilio's 200 ms"
                                    : "close to the ceiling"));
        }
        SlowTwilioRun slow22 = f.slowTwilio();
        if (slow22 != null && slow22.smsPerSecond() < 0.8 * Measurements.SLOW_TWILIO_RATE) {
            md.append(("- **Slow Twilio.** %.1f SMS/s against the %d/s the sender may send, with %d ms per send and room for %d "
                    + "in flight; notification-service used %.2f cores and the sandbox %.2f at a load average of %.1f on %d "
                    + "cores. At this rate every SMS also brings three signed status callbacks, so notification-service "
                    + "handles about four requests per SMS.%n").formatted(slow22.smsPerSecond(), Measurements.SLOW_TWILIO_RATE,
                    Measurements.SLOW_TWILIO_LATENCY_MS, Measurements.SLOW_TWILIO_BULKHEAD,
                    slow22.cost().cpuCores().getOrDefault("notification-service", 0.0),
                    slow22.cost().cpuCores().getOrDefault("sms-sandbox", 0.0), slow22.cost().loadAverage(), cores));
        }
        if (f.api().size() == 2) {
            ApiRun fast = f.api().get(0);
            ApiRun slow = f.api().get(1);
            md.append(("- **Ticket API.** notification-service used %.2f cores during the run with the sandbox at 0 ms and %.2f "
                    + "with it at 500 ms, and took %.0f s after the 500 ms run to drain its backlog. On %d shared cores the API's "
                    + "tail follows the CPU the stack takes in all; Twilio's latency itself does not reach the API.%n")
                    .formatted(fast.cost().cpuCores().getOrDefault("notification-service", 0.0),
                            slow.cost().cpuCores().getOrDefault("notification-service", 0.0), slow.backlogDrained().toMillis() / 1000.0, cores));
        }
        md.append("\n");
    }

    private String costLine(Cost cost) {
        return "Load average %.1f; CPU cores busy: %s.\n\n".formatted(cost.loadAverage(), cost.cpuCores().entrySet().stream()
                .map(e -> "%s %.2f".formatted(e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
    }

    private static String cores(Cost cost) {
        return List.of("notification-service", "ticket-service", "sms-sandbox", "kafka", "postgresql").stream()
                .map(name -> "%.2f".formatted(cost.cpuCores().getOrDefault(name, Double.NaN))).collect(Collectors.joining(" / "));
    }

    private Map<String, Long> peakRss() {
        var peak = new java.util.LinkedHashMap<String, Long>();
        f.costs().forEach(cost -> cost.peakRssMib().forEach((name, mib) -> peak.merge(name, mib, Math::max)));
        return peak;
    }

    private static Map<String, Long> services(Map<String, Long> rss) {
        var services = new java.util.LinkedHashMap<String, Long>();
        rss.forEach((name, mib) -> {
            if (name.endsWith("-service") || name.equals("sms-sandbox")) {
                services.put(name, mib);
            }
        });
        return services;
    }

    private static String shortName(String name) {
        return name.replace(" (PSS, all backends)", "").replace(" (load generator, token issuer)", "").replace("-service", "");
    }
}
