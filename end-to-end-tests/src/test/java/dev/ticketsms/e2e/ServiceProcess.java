package dev.ticketsms.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service started from its runnable jar, as it runs in production: {@code java -jar} with arguments. */
final class ServiceProcess implements AutoCloseable {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");

    private final String module;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String module, int port, Path log, Process process) {
        this.module = module;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static ServiceProcess start(String module, Map<String, String> properties) throws IOException {
        Path jar = ROOT.resolve(module).resolve("target").resolve(module + "-" + VERSION + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Missing " + jar + ": run the build from the repository root (./mvnw verify)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar.toString(),
                "--server.port=" + port));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        Path log = ROOT.resolve("end-to-end-tests/target/e2e-logs/" + module + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // if the test JVM ends without reaching close() (an aborted run), the service must not outlive it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, module + "-stop"));
        return new ServiceProcess(module, port, log, process);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Blocks until the service's health endpoint answers UP; fails with the log's tail if the process died. */
    void awaitHealthy(HttpClient http, Duration timeout) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    System.out.printf("%s healthy %.1f s after the test began waiting, resident memory %s%n", module,
                            (System.nanoTime() - started) / 1e9, residentMemory());
                    return;
                }
            } catch (IOException notYetListening) {
                // starting up
            }
            process.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(module + " was not healthy within " + timeout + ":\n" + logTail());
    }

    /** The process's resident set size as Linux reports it, for the build log; "unknown" elsewhere. */
    private String residentMemory() {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.substring("VmRSS:".length()).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
