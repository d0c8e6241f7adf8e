package dev.ticketsms.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Resident set size as Linux reports it in /proc; empty where there is no /proc. */
final class ResidentMemory {

    private ResidentMemory() {
    }

    /** The process's resident memory in KiB. */
    static OptionalLong kibibytes(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.substring("VmRSS:".length()).replace("kB", "").strip())
                    .mapToLong(Long::parseLong)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The process and all it started, added up (shared pages, such as PostgreSQL's buffers, count once per process). */
    static OptionalLong kibibytesWithDescendants(long pid) {
        OptionalLong own = kibibytes(pid);
        if (own.isEmpty()) {
            return own;
        }
        long total = own.getAsLong() + ProcessHandle.of(pid).stream()
                .flatMap(ProcessHandle::descendants)
                .mapToLong(child -> kibibytes(child.pid()).orElse(0))
                .sum();
        return OptionalLong.of(total);
    }

    static String describe(OptionalLong kibibytes) {
        return kibibytes.isPresent() ? "%d MB".formatted(Math.round(kibibytes.getAsLong() / 1024.0)) : "unknown";
    }
}
