package dev.ticketsms.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The system's Chromium driven by Playwright (npm {@code playwright-core}, which downloads no browser) from a node
 * script in {@code src/test/console}. The script, its package.json and package-lock.json are copied to
 * {@code target/console-e2e}, where {@code npm ci} installs exactly the locked version once per clean build.
 *
 * <p>Chromium and node come from the machine: {@code .ci/run} installs Debian's {@code chromium} on CI, where a
 * missing one fails the test. Elsewhere (a developer's {@code ./mvnw verify} without it) the test is skipped with the
 * reason, which the build prints; {@code -Dconsole.chromium=/path/to/chromium} names another browser.
 */
final class ConsoleBrowser {

    private static final Path SOURCES = Path.of("src", "test", "console").toAbsolutePath();
    private static final Path WORK = Path.of("target", "console-e2e").toAbsolutePath();
    private static final Duration NPM_CI_WITHIN = Duration.ofMinutes(3);

    private final Path chromium;

    private ConsoleBrowser(Path chromium) {
        this.chromium = chromium;
    }

    /**
     * The browser and node, with playwright-core installed.
     *
     * @return the reason it cannot run here if Chromium or node is missing (and this is no CI run), else null
     * @throws IllegalStateException under CI ({@code CI} set) when either is missing
     */
    static String missing() throws InterruptedException {
        Path chromium = chromium();
        if (!Files.isExecutable(chromium)) {
            return missing("no Chromium at " + chromium
                    + " (Debian: apt-get install -y chromium; or -Dconsole.chromium=/path/to/chromium)");
        }
        if (!runs(List.of("node", "--version"))) {
            return missing("no node on the PATH (node 20 or newer with npm)");
        }
        return null;
    }

    /** Installs playwright-core (once per clean build); call only when {@link #missing()} found nothing missing. */
    static ConsoleBrowser prepare() throws IOException, InterruptedException {
        Path chromium = chromium();
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "console-e2e.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(WORK.resolve("node_modules").resolve("playwright-core"))) {
            Path log = WORK.resolve("npm-ci.log");
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(WORK.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!npm.waitFor(NPM_CI_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci did not finish within " + NPM_CI_WITHIN + "; see " + log);
            }
            if (npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed (" + npm.exitValue() + "):\n" + Files.readString(log));
            }
        }
        return new ConsoleBrowser(chromium);
    }

    /** What one run of the script printed: its exit code, the last line (the script's JSON answer) and the rest. */
    record Run(int exitCode, String lastLine, String output) {
    }

    /** Runs {@code console-e2e.mjs} with these variables (plus CHROMIUM); its output also goes to {@code log}. */
    Run run(Map<String, String> environment, Path log, Duration timeout) throws IOException, InterruptedException {
        var builder = new ProcessBuilder("node", "console-e2e.mjs").directory(WORK.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("CHROMIUM", chromium.toString());
        Files.createDirectories(log.getParent());
        Process node = builder.start();
        try {
            if (!node.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                node.descendants().forEach(ProcessHandle::destroyForcibly);
                node.destroyForcibly().waitFor();
                throw new IllegalStateException("the console script did not finish within " + timeout + ":\n" + Files.readString(log));
            }
        } finally {
            // chromium is the script's child: never left behind by an aborted run
            node.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.removeIf(String::isBlank);
        return new Run(node.exitValue(), lines.isEmpty() ? "" : lines.getLast(), String.join("\n", lines));
    }

    private static Path chromium() {
        return Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    }

    private static String missing(String what) {
        String message = "WebConsoleEndToEndIT cannot drive the console: " + what;
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(message + ". CI must have it: .ci/run installs it.");
        }
        System.err.println("\n**** SKIPPED: " + message + " ****\n");
        return message;
    }

    private static boolean runs(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }
}
