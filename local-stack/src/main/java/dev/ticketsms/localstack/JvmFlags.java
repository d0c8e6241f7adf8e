package dev.ticketsms.localstack;

import java.util.List;
import java.util.Map;

/**
 * The JVM flags of the stack's service processes, in one place for the launcher and the bench (which measures what
 * the launcher runs): a laptop runs five JVMs at once, so small heaps and a quick start-up over peak speed.
 *
 * <p>Serial GC's young pauses are a few milliseconds here; what made the tail of event → SMS latency was its full
 * collections, 60-300 ms each, and none of them was for the heap: JFR named "Metadata GC Threshold" (metaspace grows
 * from 21 MB to about 85 MB during warm-up, a full GC at every step) and "CodeCache GC Threshold" (C1 fills its 48 MB
 * cache, and every 15 % of growth asks for a full GC to unload code), one about every minute in each service, so the
 * four JVMs of the pipeline took turns stopping. The thresholds below are only thresholds (no memory is committed for
 * them): metaspace and code are as large as before, but they no longer stop the world.
 */
public final class JvmFlags {

    public static final List<String> SERVICE = List.of("-Xms32m", "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:MetaspaceSize=128m", "-XX:ReservedCodeCacheSize=96m",
            "-XX:SweeperThreshold=50", "-XX:+ExitOnOutOfMemoryError");

    /**
     * The environment they run in: glibc's malloc gives each thread that allocates an arena of its own (up to eight
     * per core), and a JVM's many threads leave most of them half used; two arenas took about 24 MiB off
     * notification-service's peak resident memory in the bench, at no measurable cost.
     */
    public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private JvmFlags() {
    }
}
