package dev.ticketsms.bench;

import dev.ticketsms.events.Topics;
import dev.ticketsms.localstack.DevTokenIssuer;
import dev.ticketsms.localstack.KafkaBroker;
import dev.ticketsms.localstack.JvmFlags;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The stack the bench measures, started the way {@code ./run-local.sh} starts it (same JVM flags for the services
 * and the broker, a KRaft broker as a child JVM, PostgreSQL from zonky's binaries, the dev token issuer in this JVM),
 * but on free ports and with fresh data, so that it runs beside a developer's local stack, and with every process in
 * the bench's hands: Kafka and profile-service can be stopped, notification-service killed, restarted with other
 * settings or run as several replicas.
 */
final class Stack implements AutoCloseable {

    static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    static final String AUTH_TOKEN = "bench-auth-token";
    static final String FROM = "+15005550006";
    private static final String NOTIFICATION_CLIENT = "notification-service";
    private static final String TICKET_CLIENT = "ticket-service";
    private static final String CLIENT_SECRET = "bench-secret";
    /** The local stack's flags ({@code JvmFlags}); BENCH_SERVICE_JVM (space-separated) replaces them for an experiment. */
    private static final List<String> SERVICE_JVM = System.getenv("BENCH_SERVICE_JVM") == null ? JvmFlags.SERVICE
            : List.of(System.getenv("BENCH_SERVICE_JVM").trim().split("\\s+"));
    static List<String> serviceJvm() {
        return SERVICE_JVM;
    }

    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(4);

    private final Path root;
    private final Path work;
    private final Path logs;
    private final Path libraries;
    private final String java = ProcessHandle.current().info().command().orElse("java");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Every start-up step and how long it took, in order. */
    private final Map<String, Duration> startUp = new LinkedHashMap<>();
    private final List<Proc> notificationReplicas = new ArrayList<>();

    private EmbeddedPostgres postgres;
    private DevTokenIssuer issuer;
    private Proc kafka;
    private int kafkaPort;
    private Proc sandbox;
    private Proc tickets;
    private Proc profiles;
    private Proc notifications;
    private Map<String, String> notificationSettings = Map.of();

    Stack(Path root, Path work) {
        this.root = root;
        this.work = work;
        this.logs = work.resolve("logs");
        this.libraries = root.resolve("bench/target/lib");
    }

    /** Starts everything and waits until all is healthy; answers the wall time from the first step to the last. */
    Duration start(Map<String, String> notificationSettings) throws Exception {
        this.notificationSettings = Map.copyOf(notificationSettings);
        long started = System.nanoTime();
        Files.createDirectories(logs);
        issuer = DevTokenIssuer.start(0, Map.of(NOTIFICATION_CLIENT, CLIENT_SECRET, TICKET_CLIENT, CLIENT_SECRET));

        long step = System.nanoTime();
        kafkaPort = freePort();
        kafka = launchKafka();
        postgres = EmbeddedPostgres.builder().setPort(freePort()).setDataDirectory(work.resolve("postgres"))
                .setCleanDataDirectory(true).start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            for (String database : List.of("tickets", "profiles", "notifications")) {
                statement.execute("CREATE DATABASE " + database);
            }
        }
        startUp.put("PostgreSQL", Duration.ofNanos(System.nanoTime() - step));
        awaitKafkaAndCreateTopics(Duration.ofSeconds(90));
        startUp.put("Kafka (with PostgreSQL in parallel)", Duration.ofNanos(System.nanoTime() - step));

        step = System.nanoTime();
        sandbox = service("sms-sandbox", freePort(), Map.of(
                "sandbox.account-sid", ACCOUNT_SID,
                "sandbox.auth-token", AUTH_TOKEN,
                // the throughput runs keep more than the default 10,000 messages between two clears
                "sandbox.message-capacity", "200000")).start();
        profiles = service("profile-service", freePort(), common("profiles", Map.of())).start();
        var ticketSettings = new LinkedHashMap<>(Bench.TICKET_SETTINGS);
        ticketSettings.putAll(Map.of(
                "tickets.profile-service.base-url", "http://127.0.0.1:" + profiles.port(),
                "spring.security.oauth2.client.registration.profile-service.client-id", TICKET_CLIENT,
                "spring.security.oauth2.client.registration.profile-service.client-secret", CLIENT_SECRET,
                "spring.security.oauth2.client.provider.identity.token-uri", issuer.oauth2TokenUri().toString()));
        tickets = service("ticket-service", freePort(), common("tickets", ticketSettings)).start();
        notifications = notificationService("notification-service", freePort(), Map.of()).start();
        for (Proc service : List.of(sandbox, profiles, tickets, notifications)) {
            service.awaitHealthy(http, HEALTHY_WITHIN);
            startUp.put(service.name() + " healthy (the four started together)", Duration.ofNanos(System.nanoTime() - step));
        }
        Duration total = Duration.ofNanos(System.nanoTime() - started);
        startUp.put("whole stack", total);
        return total;
    }

    Map<String, Duration> startUp() {
        return startUp;
    }

    HttpClient http() {
        return http;
    }

    DevTokenIssuer issuer() {
        return issuer;
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    Proc sandbox() {
        return sandbox;
    }

    Proc tickets() {
        return tickets;
    }

    Proc profiles() {
        return profiles;
    }

    Proc notifications() {
        return notifications;
    }

    Proc kafka() {
        return kafka;
    }

    Connection database(String name) throws SQLException {
        return postgres.getDatabase("postgres", name).getConnection();
    }

    /** The postmaster, whose descendants are PostgreSQL's backends. */
    Optional<ProcessHandle> postgresProcess() {
        try {
            long pid = Long.parseLong(Files.readAllLines(work.resolve("postgres/postmaster.pid")).getFirst().strip());
            return ProcessHandle.of(pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Every JVM of the stack by name, for memory and CPU samples (notification replicas included). */
    Map<String, Proc> processes() {
        var processes = new LinkedHashMap<String, Proc>();
        for (Proc process : List.of(kafka, sandbox, tickets, profiles, notifications)) {
            processes.put(process.name(), process);
        }
        notificationReplicas.forEach(replica -> processes.put(replica.name(), replica));
        return processes;
    }

    /** notification-service stopped gracefully and started again with these settings on top of the bench's. */
    void restartNotifications(Map<String, String> settings) throws Exception {
        notifications.stop(Duration.ofSeconds(40));
        notifications = notificationService("notification-service", notifications.port(), settings).start();
        notifications.awaitHealthy(http, HEALTHY_WITHIN);
    }

    /** Another notification-service instance (same database, same consumer group), healthy. */
    Proc addNotificationReplica(String name, Map<String, String> settings) throws Exception {
        Proc replica = notificationService(name, freePort(), settings).start();
        notificationReplicas.add(replica);
        replica.awaitHealthy(http, HEALTHY_WITHIN);
        return replica;
    }

    void stopNotificationReplica(Proc replica) throws InterruptedException {
        replica.stop(Duration.ofSeconds(40));
        notificationReplicas.remove(replica);
    }

    void stopKafka() throws InterruptedException {
        kafka.stop(Duration.ofSeconds(30));
    }

    void startKafka() throws Exception {
        kafka.start();
        awaitKafkaAndCreateTopics(Duration.ofSeconds(90));
    }

    private Proc notificationService(String name, int port, Map<String, String> settings) {
        var properties = new LinkedHashMap<>(Map.of(
                "notifications.webhooks.public-base-url", "http://127.0.0.1:" + port,
                "twilio.account-sid", ACCOUNT_SID,
                "twilio.auth-token", AUTH_TOKEN,
                "twilio.phone-number", FROM,
                "twilio.messaging-service-sid", "",
                "twilio.api-base-url", sandbox.baseUrl(),
                "notifications.profile-service.base-url", profiles.baseUrl(),
                "spring.security.oauth2.client.registration.profile-service.client-id", NOTIFICATION_CLIENT,
                "spring.security.oauth2.client.registration.profile-service.client-secret", CLIENT_SECRET,
                "spring.security.oauth2.client.provider.identity.token-uri", issuer.oauth2TokenUri().toString()));
        properties.put("notifications.ticket-service.base-url", "http://127.0.0.1:" + tickets.port());
        properties.putAll(notificationSettings);
        properties.putAll(settings);
        return service(name, port, "notification-service", common("notifications", properties));
    }

    private Proc service(String module, int port, Map<String, String> properties) {
        return service(module, port, module, properties);
    }

    private Proc service(String name, int port, String module, Map<String, String> properties) {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
        var command = new ArrayList<String>();
        command.add(java);
        command.addAll(SERVICE_JVM);
        if (System.getenv("BENCH_JFR") != null) {
            // a flight recording per service process (profile settings: method samples, socket and lock waits, GC)
            command.add("-XX:StartFlightRecording=settings=profile,filename="
                    + logs.resolve(name + "-" + System.nanoTime() + ".jfr"));
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        return new Proc(name, command, logs.resolve(name + ".log"), port);
    }

    private Map<String, String> common(String database, Map<String, String> own) {
        var properties = new LinkedHashMap<>(own);
        // the development values (application-local.yaml: audiences and the like) as the local stack's ServiceLaunch
        // sets them; every address below still wins over theirs
        properties.put("spring.profiles.active", "local");
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", database));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrap());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer.jwksUri().toString());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer());
        return properties;
    }

    /** The broker as {@code KafkaBroker} of the local stack runs it: KRaft, broker and controller in one JVM. */
    private Proc launchKafka() throws IOException, InterruptedException {
        Path directory = work.resolve("kafka");
        Path data = directory.resolve("data");
        Files.createDirectories(data);
        int controllerPort = freePort();
        Path config = directory.resolve("server.properties");
        Files.writeString(config, KafkaBroker.serverProperties(kafkaPort, controllerPort, data));
        Path logConfig = directory.resolve("log4j2.properties");
        try (InputStream in = Stack.class.getResourceAsStream("/kafka-log4j2.properties")) {
            Files.write(logConfig, in.readAllBytes());
        }
        List<String> jvm = List.of(java, "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:MetaspaceSize=128m", "-XX:ReservedCodeCacheSize=96m", "-XX:SweeperThreshold=50",
                "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED",
                "-Dlog4j2.configurationFile=" + logConfig.toAbsolutePath(), "-cp", libraries.toAbsolutePath() + "/*");
        var format = new ArrayList<>(jvm);
        format.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted", "--cluster-id",
                Uuid.randomUuid().toString(), "--config", config.toAbsolutePath().toString()));
        Process formatting = new ProcessBuilder(format).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("kafka.log").toFile())).start();
        if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
            formatting.destroyForcibly();
            throw new IllegalStateException("Formatting Kafka's storage failed; see " + logs.resolve("kafka.log"));
        }
        var broker = new ArrayList<>(jvm);
        broker.addAll(List.of("kafka.Kafka", config.toAbsolutePath().toString()));
        return new Proc("kafka", broker, logs.resolve("kafka.log"), kafkaPort).start();
    }

    private void awaitKafkaAndCreateTopics(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000))) {
            while (true) {
                if (!kafka.isAlive()) {
                    throw new IllegalStateException("Kafka exited; see " + logs.resolve("kafka.log"));
                }
                try {
                    var existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
                    var missing = Map.of(Topics.TICKET_EVENTS, 12, Topics.TICKET_EVENTS_DLT, 1, Topics.PROFILE_EVENTS, 12)
                            .entrySet().stream().filter(topic -> !existing.contains(topic.getKey()))
                            .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1)).toList();
                    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka did not answer within " + timeout);
                    }
                    Thread.sleep(250);
                }
            }
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        var all = new ArrayList<Proc>(notificationReplicas);
        for (Proc service : new Proc[] {notifications, tickets, profiles, sandbox}) {
            if (service != null) {
                all.add(service);
            }
        }
        for (Proc service : all) {
            service.stop(Duration.ofSeconds(20));
        }
        if (kafka != null) {
            kafka.stop(Duration.ofSeconds(20));
        }
        if (postgres != null) {
            postgres.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }
}
