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
        return field(pid, "status", "VmRSS:");
    }

    private static OptionalLong field(long pid, String file, String name) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), file))) {
            return lines.filter(line -> line.startsWith(name))
                    .map(line -> line.substring(name.length()).replace("kB", "").strip())
                    .mapToLong(Long::parseLong)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The process and all it started, each counted by its proportional share of the pages it shares (PSS), so that
     * PostgreSQL's shared buffers, mapped by every backend, count once.
     */
    static OptionalLong proportionalKibibytesWithDescendants(long pid) {
        return ProcessHandle.of(pid)
                .map(process -> Stream.concat(Stream.of(process), process.descendants())
                        .mapToLong(member -> field(member.pid(), "smaps_rollup", "Pss:").orElse(0))
                        .sum())
                .filter(total -> total > 0)
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    static String describe(OptionalLong kibibytes) {
        return kibibytes.isPresent() ? "%d MB".formatted(Math.round(kibibytes.getAsLong() / 1024.0)) : "unknown";
    }
}
