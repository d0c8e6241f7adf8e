package dev.ticketsms.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What Linux's /proc tells about a process: resident memory and CPU time; 0 where it cannot be read. */
final class ProcFs {

    /** USER_HZ: the unit of utime and stime in /proc/[pid]/stat on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcFs() {
    }

    static long rssKib(long pid) {
        return field(pid, "status", "VmRSS:");
    }

    /** PSS of the process and all its descendants, so pages PostgreSQL's backends share count once. */
    static long pssKibWithDescendants(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants())
                .mapToLong(process -> field(process.pid(), "smaps_rollup", "Pss:"))
                .sum();
    }

    /** User plus system CPU seconds the process has used so far. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static double cpuSecondsWithDescendants(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants()).mapToDouble(process -> cpuSeconds(process.pid())).sum();
    }

    /** The 1-minute load average. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long field(long pid, String file, String name) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), file))) {
            return lines.filter(line -> line.startsWith(name))
                    .map(line -> line.substring(name.length()).replace("kB", "").strip())
                    .mapToLong(Long::parseLong)
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
