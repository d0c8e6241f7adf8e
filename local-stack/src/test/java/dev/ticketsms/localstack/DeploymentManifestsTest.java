package dev.ticketsms.localstack;

import dev.ticketsms.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * The manifests in k8s/ follow the application's own configuration: every service is given each setting it refuses to
 * start without, from a ConfigMap or Secret the overlay really has; KEDA watches the lag of the group
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

    /**
     * Without the Spring profile local a service does not start until each of its {@code service-web.required-settings}
     * is set: a Deployment missing one, or pointing at a ConfigMap or Secret key the overlay lacks, would crash-loop.
     */
    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyServiceGetsEverySettingItRequiresFromKeysTheOverlayHas(String kustomization) throws Exception {
        List<Map<String, Object>> documents = render(kustomization);
        for (String service : List.of("ticket-service", "profile-service", "notification-service")) {
            Map<String, Object> deployment = named(documents, "Deployment", service);
            Map<String, Object> container = DeploymentManifestsTest.<List<Map<String, Object>>>path(
                    deployment, "spec", "template", "spec", "containers").getFirst();
            var given = new ArrayList<String>();
            List<Map<String, Object>> env = container.containsKey("env") ? path(container, "env") : List.of();
            for (Map<String, Object> variable : env) {
                String name = (String) variable.get("name");
                Map<String, Object> from = path(variable, "valueFrom");
                if (from != null && from.get("configMapKeyRef") instanceof Map<?, ?> ref) {
                    assertThat(keysOf(named(documents, "ConfigMap", (String) ref.get("name")), "data"))
                            .as("%s %s: ConfigMap %s", service, name, ref.get("name")).contains((String) ref.get("key"));
                }
                if (from != null && from.get("secretKeyRef") instanceof Map<?, ?> ref && !Boolean.TRUE.equals(ref.get("optional"))) {
                    assertThat(keysOf(named(documents, "Secret", (String) ref.get("name")), "data"))
                            .as("%s %s: Secret %s", service, name, ref.get("name")).contains((String) ref.get("key"));
                }
                given.add(name);
            }
            List<Map<String, Object>> envFrom = container.containsKey("envFrom") ? path(container, "envFrom") : List.of();
            for (Map<String, Object> source : envFrom) {
                given.addAll(keysOf(named(documents, "ConfigMap", path(source, "configMapRef", "name")), "data"));
            }
            Map<String, Object> application = yaml(service);
            List<String> required = path(application, "service-web", "required-settings");
            assertThat(required).as("%s's required settings", service).isNotEmpty();
            for (String setting : required) {
                assertThat(given).as("%s in %s needs %s", service, kustomization, setting)
                        .containsAnyElementsOf(environmentVariables(application, setting));
            }
        }
    }

    /**
     * Production pulls every image from its registry: an overlay's {@code images} entry that names the image as the
     * base wrote it before the base's own renaming matches nothing, and the pod would ask for the local build.
     */
    @Test
    void productionRunsNoImageOfTheLocalBuild() throws Exception {
        List<String> images = new ArrayList<>();
        for (Map<String, Object> document : render("overlays/prod")) {
            if (List.of("Deployment", "StatefulSet").contains(document.get("kind"))) {
                DeploymentManifestsTest.<List<Map<String, Object>>>path(document, "spec", "template", "spec", "containers")
                        .forEach(container -> images.add((String) container.get("image")));
            }
        }
        assertThat(images).as("the images of prod's Deployments and StatefulSets").isNotEmpty()
                .allSatisfy(image -> assertThat(image).startsWith("registry.example.com/").doesNotEndWith("-SNAPSHOT"));
    }

    /**
     * The variables the setting is read from: its {@code ${NAME:}} placeholder, else the two forms Boot's relaxed
     * binding takes (dashes dropped, or, the legacy form, made underscores: SPRING_KAFKA_BOOTSTRAP_SERVERS).
     */
    private static List<String> environmentVariables(Map<String, Object> application, String setting) {
        Object value = application;
        for (String key : setting.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        if (value instanceof String text && text.startsWith("${") && text.contains(":")) {
            return List.of(text.substring(2, text.indexOf(':')));
        }
        String upper = setting.toUpperCase().replace('.', '_');
        return List.of(upper.replace("-", ""), upper.replace('-', '_'));
    }

    private static Map<String, Object> named(List<Map<String, Object>> documents, String kind, String name) {
        return documents.stream()
                .filter(doc -> kind.equals(doc.get("kind")) && name.equals(path(doc, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError(kind + " " + name + " is not rendered"));
    }

    private static List<String> keysOf(Map<String, Object> document, String field) {
        Map<String, Object> data = path(document, field);
        return data == null ? List.of() : List.copyOf(data.keySet());
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
