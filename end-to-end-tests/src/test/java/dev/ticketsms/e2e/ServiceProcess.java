package dev.ticketsms.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service started from its runnable jar, as it runs in production: {@code java -jar} with arguments. It can be
 * stopped (SIGTERM, as an orchestrator stops it) or killed (SIGKILL, as a crash or the OOM killer ends it) and started
 * again with the same arguments on the same port, since the sandbox addresses status callbacks to that port.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");

    private final String module;
    private final int port;
    private final Path log;
    private final List<String> command;
    private volatile Process process;

    private ServiceProcess(String module, int port, Path log, List<String> command) {
        this.module = module;
        this.port = port;
        this.log = log;
        this.command = List.copyOf(command);
        // if the test JVM ends without reaching close() (an aborted run), the service must not outlive it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroyForcibly(), module + "-stop"));
    }

    /** Starts the module's jar on a free port; its output goes to {@code logs/<module>.log}. */
    static ServiceProcess start(String module, Map<String, String> properties, Path logs) throws IOException {
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
        Path log = logs.resolve(module + ".log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        var service = new ServiceProcess(module, port, log, command);
        service.launch();
        return service;
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * SIGTERM, then waits for the process to end: Spring Boot shuts down gracefully (finishing work in hand within
     * {@code spring.lifecycle.timeout-per-shutdown-phase}).
     *
     * @return the exit code
     * @throws IllegalStateException if it is still running after {@code timeout} (it is then killed)
     */
    int stop(Duration timeout) throws InterruptedException {
        mark("SIGTERM");
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(module + " did not stop within " + timeout + " of SIGTERM:\n" + logTail());
        }
        return process.exitValue();
    }

    /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux): the JVM ends at once, no shutdown hook runs. */
    int kill() throws InterruptedException {
        mark("SIGKILL");
        return process.destroyForcibly().waitFor();
    }

    /** Starts the stopped service again with the same arguments and port; its output is appended to the same log. */
    void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(module + " is still running");
        }
        mark("restart");
        launch();
    }

    /** A line in the service's log, so a reader sees where the test stopped and started it. */
    private void mark(String what) {
        try {
            Files.writeString(log, "%n===== end-to-end test: %s of %s (pid %d) at %s =====%n"
                    .formatted(what, module, process.pid(), Instant.now()), StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is only for reading a failure; the stop or start itself matters
        }
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
            process.waitFor(250, TimeUnit.MILLISECONDS);
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

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
