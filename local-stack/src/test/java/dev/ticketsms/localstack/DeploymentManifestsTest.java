package dev.ticketsms.localstack;

import dev.ticketsms.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operator's autoscaling in k8s/ follows the application's own configuration: KEDA watches the lag of the group
 * notification-service really consumes with, on the topic it consumes, and never runs more consumers than the topic
 * has partitions (extra ones would idle while counting as capacity). Renders each overlay with {@code kubectl
 * kustomize}; where kubectl is missing the test is skipped (deploy/k8s-validate.sh, run by CI, requires it).
 */
class DeploymentManifestsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static Path k8s;

    @BeforeAll
    static void copyOverlaysWithExampleSecrets(@TempDir Path temp) throws IOException {
        assumeTrue(kubectlAvailable(), "kubectl is not on the PATH: the rendered manifests are not checked here");
        k8s = temp.resolve("k8s");
        try (Stream<Path> files = Files.walk(ROOT.resolve("k8s"))) {
            for (Path file : files.toList()) {
                Path copy = k8s.resolve(ROOT.resolve("k8s").relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        // prod reads the operator's secrets from git-ignored files; the committed examples stand in for them
        try (Stream<Path> examples = Files.list(k8s.resolve("overlays/prod/secrets"))) {
            for (Path example : examples.filter(file -> file.toString().endsWith(".env.example")).toList()) {
                Files.copy(example, example.resolveSibling(example.getFileName().toString().replace(".example", "")));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void kedaScalesNotificationServiceOnItsOwnGroupAndTopicWithinThePartitions(String kustomization) throws Exception {
        List<Map<String, Object>> documents = render(kustomization);
        Map<String, Object> scaledObject = only(documents, "ScaledObject");
        Map<String, Object> deployment = documents.stream()
                .filter(doc -> "Deployment".equals(doc.get("kind")) && "notification-service".equals(path(doc, "metadata", "name")))
                .findFirst().orElseThrow();
        Map<String, Object> trigger = DeploymentManifestsTest.<List<Map<String, Object>>>path(scaledObject, "spec", "triggers").getFirst();
        int partitions = (Integer) path(yaml("ticket-service"), "tickets", "topic", "partitions");
        int maxReplicas = (Integer) path(scaledObject, "spec", "maxReplicaCount");
        int consumersPerInstance = Integer.parseInt(env(deployment, "NOTIFICATIONS_CONSUMER_CONCURRENCY"));

        assertThat((String) path(scaledObject, "spec", "scaleTargetRef", "name")).isEqualTo("notification-service");
        assertThat(trigger.get("type")).isEqualTo("kafka");
        assertThat((String) path(trigger, "metadata", "consumerGroup"))
                .isEqualTo((String) path(yaml("notification-service"), "spring", "kafka", "consumer", "group-id"));
        assertThat((String) path(trigger, "metadata", "topic")).isEqualTo(Topics.TICKET_EVENTS);
        assertThat(partitions).isEqualTo(12);
        assertThat(maxReplicas).isBetween(1, partitions);
        assertThat(maxReplicas * consumersPerInstance).isLessThanOrEqualTo(partitions);
    }

    private static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException notThere) {
            return false;
        }
    }

    private static List<Map<String, Object>> render(String kustomization) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kubectl", "kustomize", k8s.resolve(kustomization).toString()).start();
        String output = new String(process.getInputStream().readAllBytes());
        String errors = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize %s: %s", kustomization, errors).isZero();
        var documents = new ArrayList<Map<String, Object>>();
        for (Object document : new Yaml().loadAll(output)) {
            if (document != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) document;
                documents.add(map);
            }
        }
        return documents;
    }

    private static Map<String, Object> yaml(String module) throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.yaml")));
    }

    private static Map<String, Object> only(List<Map<String, Object>> documents, String kind) {
        List<Map<String, Object>> ofKind = documents.stream().filter(doc -> kind.equals(doc.get("kind"))).toList();
        assertThat(ofKind).as(kind).hasSize(1);
        return ofKind.getFirst();
    }

    private static String env(Map<String, Object> deployment, String name) {
        List<Map<String, Object>> containers = path(deployment, "spec", "template", "spec", "containers");
        List<Map<String, Object>> env = path(containers.getFirst(), "env");
        return env.stream().filter(variable -> name.equals(variable.get("name")))
                .map(variable -> (String) variable.get("value")).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not set on notification-service"));
    }

    @SuppressWarnings("unchecked")
    private static <T> T path(Map<String, Object> map, String... keys) {
        Object value = map;
        for (String key : keys) {
            assertThat(value).as("%s in %s", key, String.join(".", keys)).isInstanceOf(Map.class);
            value = ((Map<String, Object>) value).get(key);
        }
        return (T) value;
    }
}
