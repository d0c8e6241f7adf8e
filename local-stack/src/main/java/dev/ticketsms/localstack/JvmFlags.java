package dev.ticketsms.localstack;

import java.util.List;

/**
 * The JVM flags of the stack's service processes, in one place for the launcher and the bench (which measures what
 * the launcher runs): a laptop runs five JVMs at once, so small heaps and a quick start-up over peak speed.
 */
public final class JvmFlags {

    public static final List<String> SERVICE = List.of("-Xms32m", "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");

    private JvmFlags() {
    }
}
