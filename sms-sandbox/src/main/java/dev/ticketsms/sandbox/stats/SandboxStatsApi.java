package dev.ticketsms.sandbox.stats;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /sandbox/stats}: the counters; {@code DELETE /sandbox/messages} resets them with the messages. */
@RestController
class SandboxStatsApi {

    private final SandboxStats stats;

    SandboxStatsApi(SandboxStats stats) {
        this.stats = stats;
    }

    @GetMapping("/sandbox/stats")
    SandboxStats.Snapshot stats() {
        return stats.snapshot();
    }
}
