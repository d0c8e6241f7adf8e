package dev.ticketsms.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The sandbox, the three services and the web console: each a module whose runnable jar the stack starts on its
 * fixed port.
 */
enum StackService {

    SMS_SANDBOX("sms-sandbox", 8090, null),
    TICKET_SERVICE("ticket-service", 8081, "tickets"),
    PROFILE_SERVICE("profile-service", 8082, "profiles"),
    NOTIFICATION_SERVICE("notification-service", 8083, "notifications"),
    /** The reference web console, in front of the three services (and the dev issuer, and the sandbox). */
    WEB_CONSOLE("web-console", 8080, null);

    private final String module;
    private final int port;
    private final String database;

    StackService(String module, int port, String database) {
        this.module = module;
        this.port = port;
        this.database = database;
    }

    String module() {
        return module;
    }

    int port() {
        return port;
    }

    /** The service's own database; null for the sandbox, which keeps messages in memory, and for the console. */
    String database() {
        return database;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code <module>/target/<module>-<version>-exec.jar}, the newest if several versions were built. */
    Path runnableJar(Path root) throws IOException {
        Path target = root.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var jar = files.filter(file -> file.getFileName().toString().matches(module + "-.*-exec\\.jar"))
                        .max(Comparator.comparing(file -> file.toFile().lastModified()));
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw new IllegalStateException("No runnable jar in " + target + ": build first (./run-local.sh does, "
                + "or ./mvnw -DskipTests package)");
    }

    /** Blocks until {@code /actuator/health} answers UP; fails with the log's tail if the process dies or time runs out. */
    void awaitHealthy(ChildProcess process, HttpClient http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.process().exitValue()
                        + "; the end of " + process.log() + ":\n" + process.logTail(40));
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException startingUp) {
                // not listening yet
            }
            process.awaitExit(Duration.ofMillis(250));
        }
        throw new IllegalStateException(module + " was not healthy within " + timeout.toSeconds() + " s; the end of "
                + process.log() + ":\n" + process.logTail(40));
    }
}
