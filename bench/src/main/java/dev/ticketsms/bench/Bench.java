package dev.ticketsms.bench;

import dev.ticketsms.bench.Sampler.Cost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * {@code bench/run.sh}: starts its own stack, measures, runs the fault suite and writes {@code bench/results/}.
 * Environment: {@code BENCH_KILLS} (SIGKILL repeats, default 3), {@code BENCH_FAULTS=0} (skip the fault suite),
 * {@code BENCH_MEASURE=0} (skip the measurements).
 */
public final class Bench {

    /** notification-service's settings for the bench, on top of its application.yaml. */
    static final Map<String, String> NOTIFICATION_SETTINGS = Map.of(
            // the sender's rate limit lifted (default 1/s, a long code): the goals are read with it lifted
            "twilio.messages-per-second", "10000",
            // crash and storm leftovers settle within the bench's time box (defaults 2 min, 2 min, 1 min)
            "notifications.delivery.reconcile-after", "10s",
            "notifications.delivery.resend-pending-after", "10s",
            "notifications.delivery.watchdog-interval", "5s");

    /** ticket-service's settings for the bench: its per-user limit on new tickets (20 a minute) lifted for the one creator. */
    static final Map<String, String> TICKET_SETTINGS = Map.of("tickets.limits.creations-per-user.count", "1000000");

    private static final int MEMBERS = 10;
    private static final int SMALL_TEAM = 5;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", "")).toAbsolutePath().normalize();
        Path work = root.resolve("bench/target/run-" + Instant.now().toString().replace(':', '-'));
        Path results = root.resolve("bench/results");
        int kills = Integer.parseInt(System.getenv().getOrDefault("BENCH_KILLS", "3"));
        boolean faults = !"0".equals(System.getenv("BENCH_FAULTS"));
        boolean measure = !"0".equals(System.getenv("BENCH_MEASURE"));
        // BENCH_PHASES=throughput,latency,api,scaling,slow measures only those (for profiling); no report is written
        Set<String> phases = System.getenv("BENCH_PHASES") == null ? Set.of("throughput", "latency", "api", "scaling", "slow")
                : Set.of(System.getenv("BENCH_PHASES").split(","));
        boolean partial = phases.size() < 5;
        long benchStarted = System.nanoTime();
        double loadAtStart = ProcFs.loadAverage();

        var stack = new Stack(root, work);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stack.close();
            } catch (Exception e) {
                System.err.println("stopping the stack: " + e);
            }
        }, "bench-stop"));
        stack.start(NOTIFICATION_SETTINGS);
        stack.startUp().forEach((step, took) -> System.out.printf("%-55s %5.1f s%n", step, took.toMillis() / 1000.0));

        var api = new Api(stack);
        try (var events = new Events(stack.kafkaBootstrap())) {
            String creator = "bench-creator";
            List<String> members = IntStream.rangeClosed(1, MEMBERS).mapToObj(i -> "bench-member-%02d".formatted(i)).toList();
            List<String> phones = IntStream.rangeClosed(1, MEMBERS).mapToObj(i -> "+1415555%04d".formatted(100 + i)).toList();
            for (int i = 0; i < MEMBERS; i++) {
                api.verifiedPhone(members.get(i), phones.get(i));
            }
            var small = new ArrayList<>(members.subList(0, SMALL_TEAM));
            small.add(creator);
            var large = new ArrayList<>(members);
            large.add(creator);
            UUID smallTeam = api.team("bench team of " + SMALL_TEAM, small);
            UUID largeTeam = api.team("bench team of " + MEMBERS, large);
            String token = api.token(creator);
            awaitMembership(api, token, smallTeam);
            awaitMembership(api, token, largeTeam);
            System.out.println("set-up done: " + MEMBERS + " verified members, teams of " + SMALL_TEAM + " and " + MEMBERS);

            // warm-up: the first requests of each JVM run interpreted; not measured
            Load.awaitSms(api, Load.accepted(Load.tickets(api, token, smallTeam, 10, Duration.ofSeconds(4))), SMALL_TEAM,
                    Duration.ofSeconds(60), Duration.ofSeconds(1));
            Thread.sleep(5000);
            Map<String, Long> idle = Sampler.rssMib(stack);

            var measurements = new Measurements(stack, api, events, token);
            var costs = new ArrayList<Cost>();
            Measurements.Throughput throughput = null;
            var latency = new ArrayList<Measurements.LatencyRun>();
            var apiRuns = new ArrayList<Measurements.ApiRun>();
            var scaling = new ArrayList<Measurements.ScalingRun>();
            Measurements.SlowTwilioRun slowTwilio = null;
            if (measure) {
                if (phases.contains("throughput")) {
                    System.out.println("measuring pipeline throughput");
                    throughput = measurements.throughput(largeTeam, MEMBERS, 250);
                    costs.add(throughput.cost());
                    System.out.printf("pipeline %.1f SMS/s, raw %.0f (1 thread) / %.0f (16)%n", throughput.smsPerSecond(), throughput.rawOneThread(), throughput.rawSixteenThreads());
                }
                for (double load : phases.contains("latency") ? List.of(10.0, 50.0, 100.0) : List.<Double>of()) {
                    System.out.printf("measuring latency at %.0f SMS/s%n", load);
                    var run = measurements.latency(smallTeam, SMALL_TEAM, load, Duration.ofSeconds(15));
                    latency.add(run);
                    System.out.printf("  201 -> SMS %s; Kafka -> SMS %s%n", run.ticketToSms(), run.kafkaToSms());
                    costs.add(run.cost());
                }
                for (int sandboxLatency : phases.contains("api") ? List.of(0, 500) : List.<Integer>of()) {
                    System.out.printf("measuring the ticket API with sandbox latency %d ms%n", sandboxLatency);
                    var run = measurements.api(smallTeam, SMALL_TEAM, sandboxLatency, 20, Duration.ofSeconds(15));
                    apiRuns.add(run);
                    costs.add(run.cost());
                }
                for (int[] consumers : phases.contains("scaling") ? new int[][] {{1, 50}, {2, 100}, {6, 250}} : new int[0][]) {
                    System.out.printf("measuring %d consumers with 200 ms Twilio latency%n", consumers[0]);
                    var run = measurements.scaling(smallTeam, SMALL_TEAM, consumers[0], consumers[1]);
                    scaling.add(run);
                    costs.add(run.cost());
                }
                if (phases.contains("slow")) {
                    System.out.printf("measuring throughput with %d ms Twilio latency at %d SMS/s%n",
                            Measurements.SLOW_TWILIO_LATENCY_MS, Measurements.SLOW_TWILIO_RATE);
                    slowTwilio = measurements.slowTwilio(largeTeam, MEMBERS, 400);
                    costs.add(slowTwilio.cost());
                }
                stack.restartNotifications(Map.of());
            }
            List<FaultSuite.FaultResult> faultResults = List.of();
            if (faults) {
                Set<String> recipients = new LinkedHashSet<>(phones.subList(0, SMALL_TEAM));
                faultResults = new FaultSuite(stack, api, events, token, smallTeam, recipients).runAll(kills);
            }

            if (partial) {
                System.out.println("BENCH_PHASES named only some phases: no report written");
                System.exit(0);
            }
            var settings = new LinkedHashMap<String, String>();
            NOTIFICATION_SETTINGS.forEach((name, value) -> settings.put("notification-service " + name, value));
            settings.put("sms-sandbox sandbox.message-capacity", "200000");
            TICKET_SETTINGS.forEach((name, value) -> settings.put("ticket-service " + name, value));
            String environment = "%d cores, %s, Java %s; load average %.1f when the bench began, %.1f at the end; whole run %.0f s; commit %s."
                    .formatted(Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/version")).split(" \\(")[0],
                            System.getProperty("java.version"), loadAtStart, ProcFs.loadAverage(),
                            (System.nanoTime() - benchStarted) / 1e9, System.getProperty("bench.commit", "unknown"));
            new Report(new Report.Figures(environment, settings, stack.startUp(), idle, throughput, latency, apiRuns, scaling,
                    slowTwilio, faultResults, kills, costs)).write(results);
            System.out.println("report written to " + results.resolve("report.md"));
        }
        System.exit(0);
    }

    /** ticket-service learns memberships from profiles.events.v1: until then a ticket for the team is 403. */
    private static void awaitMembership(Api api, String token, UUID team) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (api.createTicket(token, team).status() != 201) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ticket-service did not learn the bench team's membership within 60 s");
            }
            Thread.sleep(250);
        }
    }
}
