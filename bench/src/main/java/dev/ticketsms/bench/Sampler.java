package dev.ticketsms.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the stack while a phase runs: every 250 ms each process's resident memory (PostgreSQL as the PSS of all
 * its processes) and the load average; at the end each process's CPU use over the phase. What a phase cost is
 * printed next to what it measured.
 */
final class Sampler implements AutoCloseable {

    /** What one phase cost: CPU (cores busy on average), peak resident memory in MiB, the mean load average. */
    record Cost(String phase, double seconds, Map<String, Double> cpuCores, Map<String, Long> peakRssMib, double loadAverage) {

        long peakStackMib() {
            return peakRssMib.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Stack stack;
    private final String phase;
    private final long started = System.nanoTime();
    private final Map<String, Double> cpuAtStart;
    private final Map<String, Long> peakKib = new ConcurrentHashMap<>();
    private final Thread thread;
    private double loadSum;
    private int loadSamples;

    private Sampler(Stack stack, String phase) {
        this.stack = stack;
        this.phase = phase;
        this.cpuAtStart = cpu();
        this.thread = Thread.ofPlatform().daemon().name("sampler").start(this::run);
    }

    static Sampler during(Stack stack, String phase) {
        return new Sampler(stack, phase);
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            sample();
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        rss().forEach((name, kib) -> peakKib.merge(name, kib, Math::max));
        loadSum += ProcFs.loadAverage();
        loadSamples++;
    }

    /** Resident memory now, MiB per process. */
    static Map<String, Long> rssMib(Stack stack) {
        var mib = new LinkedHashMap<String, Long>();
        rss(stack).forEach((name, kib) -> mib.put(name, Math.round(kib / 1024.0)));
        return mib;
    }

    private Map<String, Long> rss() {
        return rss(stack);
    }

    private static Map<String, Long> rss(Stack stack) {
        var kib = new LinkedHashMap<String, Long>();
        stack.postgresProcess().ifPresent(postgres -> kib.put("postgresql (PSS, all backends)", ProcFs.pssKibWithDescendants(postgres)));
        stack.processes().forEach((name, process) -> {
            if (process.isAlive()) {
                kib.put(name, ProcFs.rssKib(process.pid()));
            }
        });
        kib.put("bench (load generator, token issuer)", ProcFs.rssKib(ProcessHandle.current().pid()));
        return kib;
    }

    private Map<String, Double> cpu() {
        var seconds = new LinkedHashMap<String, Double>();
        stack.postgresProcess().ifPresent(postgres -> seconds.put("postgresql", ProcFs.cpuSecondsWithDescendants(postgres)));
        stack.processes().forEach((name, process) -> {
            if (process.isAlive()) {
                seconds.put(name, ProcFs.cpuSeconds(process.pid()));
            }
        });
        seconds.put("bench", ProcFs.cpuSeconds(ProcessHandle.current().pid()));
        return seconds;
    }

    @Override
    public void close() {
        thread.interrupt();
        sample();
    }

    Cost cost() {
        close();
        double seconds = (System.nanoTime() - started) / 1e9;
        var cores = new LinkedHashMap<String, Double>();
        cpu().forEach((name, now) -> {
            Double before = cpuAtStart.get(name);
            // a process restarted within the phase counts from its new start
            double used = before == null || now < before ? now : now - before;
            cores.put(name, used / seconds);
        });
        var peak = new LinkedHashMap<String, Long>();
        peakKib.forEach((name, kib) -> peak.put(name, Math.round(kib / 1024.0)));
        synchronized (this) {
            return new Cost(phase, seconds, cores, peak, loadSamples == 0 ? Double.NaN : loadSum / loadSamples);
        }
    }
}
