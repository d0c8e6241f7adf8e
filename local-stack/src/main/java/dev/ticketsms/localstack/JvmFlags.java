package dev.ticketsms.localstack;

import java.util.List;
import java.util.Map;

/**
 * The JVM flags of the stack's service processes, in one place for the launcher and the bench (which measures what
 * the launcher runs): a laptop runs five JVMs at once, so small heaps and a quick start-up over peak speed.
 */
public final class JvmFlags {

    public static final List<String> SERVICE = List.of("-Xms32m", "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");

    /**
     * The environment they run in: glibc's malloc gives each thread that allocates an arena of its own (up to eight
     * per core), and a JVM's many threads leave most of them half used; two arenas took about 24 MiB off
     * notification-service's peak resident memory in the bench, at no measurable cost.
     */
    public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private JvmFlags() {
    }
}
