package dev.ticketsms.bench;

import dev.ticketsms.localstack.JvmFlags;


import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One process of the stack (a service, the sandbox or the Kafka broker) that the bench can stop (SIGTERM), kill
 * (SIGKILL) and start again with the same command line on the same port; its output is appended to one log.
 */
final class Proc {

    private final String name;
    private final List<String> command;
    private final Path log;
    private final int port;
    private volatile Process process;

    Proc(String name, List<String> command, Path log, int port) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
        this.port = port;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    Proc start() throws IOException {
        mark("start");
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(JvmFlags.ENVIRONMENT);
        process = builder.start();
        return this;
    }

    /** SIGTERM and wait (a graceful Spring Boot or Kafka shutdown); SIGKILL if it takes longer than {@code grace}. */
    void stop(Duration grace) throws InterruptedException {
        if (!isAlive()) {
            return;
        }
        mark("SIGTERM");
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop, as a crash or the OOM killer ends a process. */
    void kill() throws InterruptedException {
        mark("SIGKILL");
        process.destroyForcibly().waitFor();
    }

    /** Blocks until {@code /actuator/health} answers UP; answers how long that took. */
    Duration awaitHealthy(HttpClient http, Duration timeout) throws Exception {
        long started = System.nanoTime();
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - started < timeout.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYetListening) {
                // starting up
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + log);
    }

    private void mark(String what) {
        try {
            Files.writeString(log, "%n===== bench: %s of %s at %s =====%n".formatted(what, name, Instant.now()),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is for reading a failure; the start or stop itself matters
        }
    }
}
