package dev.ticketsms.profile.profiles;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets processed event ids once no redelivery can bring them back: Kafka redelivers within the topic's
 * retention (7 days by default), so ids older than {@code profiles.processed-events.retention} (30 days) go.
 */
@Component
class ProcessedEventsRetention {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsRetention.class);

    private final JdbcClient jdbc;

    private final Clock clock;

    private final Duration retention;

    ProcessedEventsRetention(JdbcClient jdbc, Clock clock,
                             @Value("${profiles.processed-events.retention}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${profiles.processed-events.purge-cron}")
    void forgetOldEvents() {
        int forgotten = jdbc.sql("delete from processed_events where processed_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(retention)))
                .update();
        if (forgotten > 0) {
            log.info("Forgot {} processed event ids older than {}", forgotten, retention);
        }
    }
}
