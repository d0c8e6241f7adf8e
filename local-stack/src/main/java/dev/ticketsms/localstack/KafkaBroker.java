package dev.ticketsms.localstack;

import dev.ticketsms.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Kafka broker in KRaft mode (one node, broker and controller combined) as a child JVM, run from the
 * {@code kafka_2.13} jars next to the launcher; its logs and data stay under {@code .local/kafka}.
 */
public final class KafkaBroker {

    static final int PORT = 9092;
    static final int CONTROLLER_PORT = 9093;
    static final String BOOTSTRAP_SERVERS = "127.0.0.1:" + PORT;

    /** Topics and partition counts: 12 for ticket events (the contract); the dead-letter topic needs no parallelism. */
    static final Map<String, Integer> TOPICS = Map.of(
            Topics.TICKET_EVENTS, 12,
            Topics.TICKET_EVENTS_DLT, 1,
            Topics.PROFILE_EVENTS, 12);

    private final ChildProcess process;

    private KafkaBroker(ChildProcess process) {
        this.process = process;
    }

    /** Formats the storage on the first run, then starts the broker; returns once the process runs. */
    static KafkaBroker start(Path directory, Path libraries, Path log, String java) throws IOException, InterruptedException {
        Path data = directory.resolve("data");
        Files.createDirectories(data);
        Path config = directory.resolve("server.properties");
        Files.writeString(config, serverProperties(PORT, CONTROLLER_PORT, data));
        Path logConfig = directory.resolve("log4j2.properties");
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/kafka-log4j2.properties")) {
            Files.write(logConfig, in.readAllBytes());
        }
        List<String> jvm = List.of(java, "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:MetaspaceSize=128m", "-XX:ReservedCodeCacheSize=96m", "-XX:SweeperThreshold=50",
                "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED",
                "-Dlog4j2.configurationFile=" + logConfig.toAbsolutePath(),
                "-cp", libraries.toAbsolutePath() + "/*");
        if (!Files.exists(data.resolve("meta.properties"))) {
            var format = new ArrayList<>(jvm);
            format.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                    "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toAbsolutePath().toString()));
            ChildProcess formatting = ChildProcess.start("kafka-storage-format", format, log, environment -> { });
            if (!formatting.awaitExit(Duration.ofSeconds(60)) || formatting.process().exitValue() != 0) {
                formatting.stop(Duration.ofSeconds(1));
                throw new IllegalStateException("Formatting Kafka's storage failed:\n" + formatting.logTail(30));
            }
        }
        var broker = new ArrayList<>(jvm);
        broker.addAll(List.of("kafka.Kafka", config.toAbsolutePath().toString()));
        return new KafkaBroker(ChildProcess.start("kafka", broker, log, environment -> environment.putAll(JvmFlags.ENVIRONMENT)));
    }

    /**
     * A single KRaft node (broker and controller in one JVM) on loopback, as the local stack and the bench run it.
     */
    public static String serverProperties(int port, int controllerPort, Path data) {
        return """
                # Written at every start; edits here are overwritten.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                inter.broker.listener.name=PLAINTEXT
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=12
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controllerPort, data.toAbsolutePath());
    }

    ChildProcess process() {
        return process;
    }

    /**
     * Waits until the broker answers, then creates the topics it lacks and grows any with fewer partitions than
     * {@link #TOPICS} asks for (Kafka can add partitions, never remove them).
     */
    void awaitReadyAndCreateTopics(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000))) {
            Set<String> existing = null;
            while (existing == null) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited with " + process.process().exitValue() + ":\n"
                            + process.logTail(40));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not answer within " + timeout.toSeconds() + " s:\n"
                            + process.logTail(40));
                }
                try {
                    existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException notYetListening) {
                    process.awaitExit(Duration.ofMillis(250));
                }
            }
            Set<String> present = existing;
            List<NewTopic> missing = TOPICS.entrySet().stream()
                    .filter(topic -> !present.contains(topic.getKey()))
                    .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            Map<String, TopicDescription> described = admin.describeTopics(TOPICS.keySet()).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            var grow = new HashMap<String, NewPartitions>();
            described.forEach((topic, description) -> {
                if (description.partitions().size() < TOPICS.get(topic)) {
                    grow.put(topic, NewPartitions.increaseTo(TOPICS.get(topic)));
                }
            });
            if (!grow.isEmpty()) {
                admin.createPartitions(grow).all().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
