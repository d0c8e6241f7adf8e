package dev.ticketsms.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./run-local.sh}: the whole system on one machine with real servers and no Docker. Starts PostgreSQL
 * (embedded binaries, data in {@code .local/postgres}), a Kafka broker (KRaft, child JVM, data in
 * {@code .local/kafka}), the dev token issuer (in this JVM), then the sms-sandbox, the three services and the web
 * console from their runnable jars; waits until all are healthy, optionally creates the demo team, prints "ready", the URLs and a demo.
 * Ctrl-C (or SIGTERM) stops every process it started, and it stops the whole stack if one of them dies.
 */
public final class LocalStack {

    static final int ISSUER_PORT = 9000;

    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** Every port the stack listens on, all on 127.0.0.1. */
    static final Map<Integer, String> PORTS;

    static {
        var ports = new LinkedHashMap<Integer, String>();
        ports.put(LocalPostgres.PORT, "PostgreSQL");
        ports.put(KafkaBroker.PORT, "Kafka");
        ports.put(KafkaBroker.CONTROLLER_PORT, "Kafka controller");
        ports.put(ISSUER_PORT, "token issuer");
        for (StackService service : StackService.values()) {
            ports.put(service.port(), service.module());
        }
        ports.put(ServiceLaunch.SANDBOX_SMTP_PORT, "sms-sandbox's SMTP server");
        PORTS = Map.copyOf(ports);
    }

    private final Path root;
    private final Path local;
    private final StackOptions options;
    private final String javaCommand = ProcessHandle.current().info().command().orElse("java");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ChildProcess> children = new ArrayList<>();
    private final long startedAt = System.nanoTime();

    private DevTokenIssuer issuer;
    private LocalPostgres postgres;
    private KafkaBroker kafka;
    private boolean stopping;

    LocalStack(Path root, StackOptions options) {
        this.root = root;
        this.local = root.resolve(".local");
        this.options = options;
    }

    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "local-stack-log4j2.xml");
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(StackOptions.USAGE);
            return;
        }
        StackOptions options;
        try {
            options = StackOptions.parse(List.of(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        var stack = new LocalStack(Path.of(System.getProperty("localstack.root", "")).toAbsolutePath().normalize(), options);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
        try {
            stack.start();
        } catch (Exception e) {
            if (!stack.isStopping()) {
                System.err.println();
                System.err.println("The stack did not start: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            System.exit(1);
        }
        System.exit(stack.superviseUntilSomethingStops());
    }

    void start() throws Exception {
        refuseIfPortsAreTaken();
        Files.createDirectories(local.resolve("logs"));
        issuer = DevTokenIssuer.start(ISSUER_PORT, Map.of(ServiceLaunch.SERVICE_CLIENT_ID, ServiceLaunch.SERVICE_CLIENT_SECRET,
                ServiceLaunch.TICKET_SERVICE_CLIENT_ID, ServiceLaunch.TICKET_SERVICE_CLIENT_SECRET));
        recordPid("launcher", ProcessHandle.current().pid());
        step("token issuer listening on %s", issuer.issuer());

        CompletableFuture<KafkaBroker> startingKafka = CompletableFuture.supplyAsync(() -> {
            try {
                KafkaBroker broker = KafkaBroker.start(local.resolve("kafka"), launcherLibraries(), logOf("kafka"), javaCommand);
                register(broker.process());
                return broker;
            } catch (IOException e) {
                throw new IllegalStateException("Kafka did not start: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
        postgres = LocalPostgres.start(local.resolve("postgres"), logOf("postgres"));
        postgres.pid().ifPresent(pid -> recordPid("postgres", pid));
        step("PostgreSQL ready on 127.0.0.1:%d (databases %s)", LocalPostgres.PORT, String.join(", ", LocalPostgres.DATABASES));

        try {
            kafka = startingKafka.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        kafka.awaitReadyAndCreateTopics(Duration.ofSeconds(90));
        step("Kafka ready on %s (topics %s)", KafkaBroker.BOOTSTRAP_SERVERS, KafkaBroker.TOPICS.entrySet().stream()
                .map(topic -> topic.getKey() + ": " + topic.getValue() + " partitions").sorted().collect(Collectors.joining(", ")));

        var launch = new ServiceLaunch(root, javaCommand, issuer, options.smsTarget());
        var services = new LinkedHashMap<StackService, ChildProcess>();
        for (StackService service : StackService.values()) {
            services.put(service, register(ChildProcess.start(service.module(), launch.command(service),
                    logOf(service.module()), launch::environment)));
        }
        step("started %s; waiting until they are healthy", services.keySet().stream().map(StackService::module)
                .collect(Collectors.joining(", ")));
        for (var service : services.entrySet()) {
            service.getKey().awaitHealthy(service.getValue(), http, HEALTHY_WITHIN);
            step("%s healthy at %s", service.getKey().module(), service.getKey().baseUrl());
        }

        UUID demoTeam = null;
        if (options.demoData()) {
            try {
                demoTeam = new DemoData(issuer, http, local.resolve("demo-team-id")).apply();
            } catch (IOException | IllegalStateException e) {
                System.out.println("The demo data could not be created (the stack runs without it): " + e.getMessage());
            }
        }
        System.out.print(new ReadyReport(Duration.ofNanos(System.nanoTime() - startedAt), options, demoTeam,
                memory(services)).text());
        System.out.flush();
    }

    /** The jars next to the launcher's own ({@code local-stack/target/lib}), which include Kafka's. */
    private static Path launcherLibraries() {
        try {
            Path launcher = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/local-stack-<version>.jar, or target/classes when run from an IDE: the libraries are target/lib
            Path libraries = launcher.getParent().resolve("lib");
            if (!Files.isDirectory(libraries)) {
                throw new IllegalStateException("No " + libraries + ": build the launcher with ./mvnw package");
            }
            return libraries;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path logOf(String name) {
        return local.resolve("logs").resolve(name + ".log");
    }

    private synchronized ChildProcess register(ChildProcess child) {
        if (stopping) {
            child.stop(Duration.ofSeconds(5));
            throw new IllegalStateException("the stack is stopping");
        }
        children.add(child);
        recordPid(child.name(), child.pid());
        return child;
    }

    private Map<String, OptionalLong> memory(Map<StackService, ChildProcess> services) {
        var memory = new LinkedHashMap<String, OptionalLong>();
        memory.put("launcher (token issuer, PostgreSQL supervisor)", ResidentMemory.kibibytes(ProcessHandle.current().pid()));
        memory.put("PostgreSQL (all its processes, proportional)", postgres.pid().stream()
                .mapToObj(ResidentMemory::proportionalKibibytesWithDescendants).findFirst().orElse(OptionalLong.empty()));
        memory.put("Kafka", ResidentMemory.kibibytes(kafka.process().pid()));
        services.forEach((service, process) -> memory.put(service.module(), ResidentMemory.kibibytes(process.pid())));
        return memory;
    }

    /** Blocks until a child (or PostgreSQL) ends; returns the launcher's exit code. */
    int superviseUntilSomethingStops() {
        List<CompletableFuture<String>> exits = new ArrayList<>();
        synchronized (this) {
            children.forEach(child -> exits.add(child.process().onExit().thenApply(process ->
                    child.name() + " exited with code " + process.exitValue() + "; the end of " + child.log() + ":\n"
                            + child.logTail(30))));
        }
        postgres.pid().stream().mapToObj(ProcessHandle::of).flatMap(Optional::stream).forEach(postmaster ->
                exits.add(postmaster.onExit().thenApply(process -> "PostgreSQL stopped; see " + logOf("postgres"))));
        String reason = (String) CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new)).join();
        synchronized (this) {
            if (stopping) {
                return 0;
            }
        }
        System.out.println();
        System.out.println(reason);
        System.out.println("Stopping the rest of the stack.");
        return 1;
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    /** Stops every process the stack started, services first, then Kafka, PostgreSQL and the issuer. */
    void stop() {
        List<ChildProcess> running;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            running = List.copyOf(children);
        }
        if (issuer == null) {
            return; // refused to start (the ports were taken): nothing of this run to stop, and the pid file is another run's
        }
        System.out.println();
        System.out.println("Stopping the local stack...");
        List<ChildProcess> services = running.stream().filter(child -> kafka == null || child != kafka.process()).toList();
        var stopped = services.stream()
                .map(child -> CompletableFuture.runAsync(() -> child.stop(STOP_GRACE)))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(stopped).join();
        if (kafka != null) {
            kafka.process().stop(STOP_GRACE);
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.out.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        if (issuer != null) {
            issuer.close();
        }
        List<String> survivors = Stream.concat(running.stream().filter(ChildProcess::isAlive).map(ChildProcess::name),
                        postgres == null ? Stream.empty() : postgres.pid().stream()
                                .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                                .mapToObj(pid -> "postgres " + pid))
                .toList();
        if (survivors.isEmpty()) {
            try {
                Files.deleteIfExists(pidFile());
            } catch (IOException e) {
                // the next start re-checks the ports anyway
            }
            System.out.println("Stopped; no process of the stack is left.");
        } else {
            System.out.println("Still running after the stop: " + String.join(", ", survivors));
        }
    }

    private void refuseIfPortsAreTaken() {
        List<String> taken = PORTS.entrySet().stream()
                .filter(port -> isTaken(port.getKey()))
                .map(port -> port.getKey() + " (" + port.getValue() + ")")
                .sorted()
                .toList();
        if (taken.isEmpty()) {
            return;
        }
        var message = new StringBuilder("these ports on 127.0.0.1 are in use: " + String.join(", ", taken) + ".\n");
        Map<Long, String> leftovers = earlierRun();
        if (leftovers.isEmpty()) {
            message.append("No process of an earlier ./run-local.sh is known to hold them; stop whatever listens there "
                    + "(ss -ltnp shows it) and run again.");
        } else {
            message.append("A stack started earlier is still running (or its launcher was killed): ")
                    .append(leftovers.entrySet().stream().map(process -> process.getValue() + " " + process.getKey())
                            .collect(Collectors.joining(", ")))
                    .append(".\nStop it with Ctrl-C in its terminal, or: kill ")
                    .append(leftovers.keySet().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        }
        throw new IllegalStateException(message.toString());
    }

    private static boolean isTaken(int port) {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Processes recorded by an earlier start that still run; a recycled pid counts only if it is a java or postgres. */
    private Map<Long, String> earlierRun() {
        var alive = new LinkedHashMap<Long, String>();
        try {
            if (Files.exists(pidFile())) {
                for (String line : Files.readAllLines(pidFile())) {
                    String[] entry = line.strip().split(" ", 2);
                    if (entry.length == 2) {
                        long pid = Long.parseLong(entry[0]);
                        if (isStackProcess(pid)) {
                            alive.put(pid, entry[1]);
                        }
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // an unreadable record is no evidence either way
        }
        LocalPostgres.postmasterPid(local.resolve("postgres")).stream()
                .filter(LocalStack::isStackProcess)
                .forEach(pid -> alive.putIfAbsent(pid, "postgres"));
        return alive;
    }

    private static boolean isStackProcess(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(process -> process.info().command())
                .map(command -> command.endsWith("java") || command.endsWith("postgres"))
                .orElse(false);
    }

    private Path pidFile() {
        return local.resolve("stack.pids");
    }

    private void recordPid(String name, long pid) {
        try {
            Files.createDirectories(local);
            Files.writeString(pidFile(), pid + " " + name + "\n", StandardOpenOption.CREATE,
                    "launcher".equals(name) ? StandardOpenOption.TRUNCATE_EXISTING
                            : StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("Could not record " + name + "'s pid in " + pidFile() + ": " + e.getMessage());
        }
    }

    private void step(String format, Object... arguments) {
        System.out.printf("[%5.1f s] %s%n", (System.nanoTime() - startedAt) / 1e9, format.formatted(arguments));
    }
}
