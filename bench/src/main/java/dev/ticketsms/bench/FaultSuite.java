package dev.ticketsms.bench;

import dev.ticketsms.bench.Api.CreatedTicket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fault half: each fault is injected while tickets are created through the API, then healed; the run ends with
 * an {@link Audit} of those tickets once their SMS are all in the sandbox (or a bounded wait has passed) and a few
 * seconds more for late duplicates. Everything runs on loopback against the bench's own stack.
 */
final class FaultSuite {

    record FaultResult(String name, String how, int apiFailures, double seconds, Audit audit) {
    }

    private static final Duration SETTLE = Duration.ofSeconds(150);
    private static final Duration LATE_DUPLICATES = Duration.ofSeconds(12);

    private final Stack stack;
    private final Api api;
    private final Events events;
    private final String token;
    private final UUID team;
    private final Set<String> recipients;

    FaultSuite(Stack stack, Api api, Events events, String token, UUID team, Set<String> recipients) {
        this.stack = stack;
        this.api = api;
        this.events = events;
        this.token = token;
        this.team = team;
        this.recipients = recipients;
    }

    interface Fault {
        void run(List<CreatedTicket> created) throws Exception;
    }

    List<FaultResult> runAll(int kills) throws Exception {
        var results = new ArrayList<FaultResult>();
        results.add(run("Kafka stopped", "broker stopped (SIGTERM), 20 tickets at 5/s, broker started again 5 s later",
                created -> {
                    stack.stopKafka();
                    created.addAll(burst(20, 5));
                    Thread.sleep(5000);
                    stack.startKafka();
                }));
        results.add(run("notification-service SIGKILL ×" + kills,
                kills + " times: 15 tickets at 10/s, SIGKILL once 3 of their SMS are in the sandbox, restart", created -> {
                    for (int i = 0; i < kills; i++) {
                        var burst = CompletableFuture.supplyAsync(() -> burstUnchecked(15, 10));
                        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                        while (System.nanoTime() < deadline && sinceClear() < 3) {
                            Thread.sleep(20);
                        }
                        stack.notifications().kill();
                        created.addAll(burst.join());
                        stack.notifications().start();
                        stack.notifications().awaitHealthy(stack.http(), Duration.ofMinutes(3));
                        baseline = api.ticketSms().size();
                    }
                }));
        results.add(run("sandbox 5xx storm", "every send answered 503 for the 4 s of 20 tickets at 5/s and 4 s more",
                created -> {
                    api.fault("{\"kind\":\"SERVER_ERROR\",\"status\":503}");
                    created.addAll(burst(20, 5));
                    Thread.sleep(4000);
                    api.clearFaults();
                }));
        results.add(run("sandbox latency storm", "every send answered after 3 s while 20 tickets at 5/s are created",
                created -> {
                    api.fault("{\"kind\":\"LATENCY\",\"latency\":\"PT3S\"}");
                    created.addAll(burst(20, 5));
                    Thread.sleep(3000);
                    api.clearFaults();
                }));
        results.add(run("sandbox 429 storm", "every send answered 429 (20429) for the 4 s of 20 tickets at 5/s and 4 s more",
                created -> {
                    api.fault("{\"kind\":\"TOO_MANY_REQUESTS\"}");
                    created.addAll(burst(20, 5));
                    Thread.sleep(4000);
                    api.clearFaults();
                }));
        results.add(run("profile-service down", "profile-service stopped (SIGTERM), 20 tickets at 5/s, started again 10 s later",
                created -> {
                    stack.profiles().stop(Duration.ofSeconds(30));
                    created.addAll(burst(20, 5));
                    Thread.sleep(10_000);
                    stack.profiles().start();
                    stack.profiles().awaitHealthy(stack.http(), Duration.ofMinutes(3));
                }));
        results.add(run("scale 1 → 6 → 2 consumers", "sandbox latency 500 ms; 100 tickets at 5/s to one instance with 1 "
                + "consumer; a second instance with 5 consumers joins; a third with 1 joins and the second is stopped (SIGTERM)",
                created -> {
                    stack.restartNotifications(Map.of("notifications.consumer.concurrency", "1"));
                    api.fault("{\"kind\":\"LATENCY\",\"latency\":\"PT0.5S\"}");
                    var burst = CompletableFuture.supplyAsync(() -> burstUnchecked(100, 5));
                    Proc six = stack.addNotificationReplica("notification-service-b",
                            Map.of("notifications.consumer.concurrency", "5"));
                    Thread.sleep(3000);
                    Proc two = stack.addNotificationReplica("notification-service-c",
                            Map.of("notifications.consumer.concurrency", "1"));
                    stack.stopNotificationReplica(six);
                    created.addAll(burst.join());
                    Load.awaitSms(api, Load.accepted(created), recipients.size(), SETTLE, Duration.ofSeconds(2));
                    api.clearFaults();
                    stack.stopNotificationReplica(two);
                    stack.restartNotifications(Map.of());
                }));
        return results;
    }

    private int baseline;

    private int sinceClear() throws Exception {
        return api.ticketSms().size() - baseline;
    }

    private FaultResult run(String name, String how, Fault fault) throws Exception {
        System.out.printf("fault: %s%n", name);
        api.clearSandbox();
        baseline = 0;
        long started = System.nanoTime();
        List<CreatedTicket> created = new CopyOnWriteArrayList<>();
        fault.run(created);
        Set<UUID> accepted = Load.accepted(created);
        Load.awaitSms(api, accepted, recipients.size(), SETTLE, Duration.ofSeconds(2));
        Thread.sleep(LATE_DUPLICATES);
        Audit audit = Audit.of(stack, events, api, accepted, recipients);
        var result = new FaultResult(name, how, (int) created.stream().filter(ticket -> ticket.status() != 201).count(),
                (System.nanoTime() - started) / 1e9, audit);
        System.out.printf("  %s: %d tickets accepted, %d API failures, lost %d, duplicated %d (%.0f s)%n", name,
                audit.ticketsAccepted(), result.apiFailures(), audit.lost(), audit.duplicated(), result.seconds());
        return result;
    }

    private List<CreatedTicket> burst(int count, double perSecond) throws Exception {
        return Load.tickets(api, token, team, perSecond, Duration.ofMillis(Math.round(count * 1000 / perSecond)));
    }

    private List<CreatedTicket> burstUnchecked(int count, double perSecond) {
        try {
            return burst(count, perSecond);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
