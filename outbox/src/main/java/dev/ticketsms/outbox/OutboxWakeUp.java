package dev.ticketsms.outbox;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Wakes {@link OutboxRelay} as soon as a transaction that appended to the outbox commits ({@link Outbox#append} sends
 * a PostgreSQL {@code NOTIFY} on {@value #CHANNEL}), so an event does not wait for the next poll. One connection of
 * the pool is kept for {@code LISTEN}; when it breaks (the database restarted, the connection was killed) it is opened
 * again after {@code reconnect-pause}, and the relay runs a round at once, for commits whose notification was missed
 * meanwhile. Polling ({@code outbox.poll-interval}) stays the fallback; the relay's advisory lock still decides which
 * replica publishes.
 */
class OutboxWakeUp implements SmartLifecycle {

    static final String CHANNEL = "outbox_events";

    private static final Logger log = LoggerFactory.getLogger(OutboxWakeUp.class);
    /** How long one wait for notifications blocks; a stop is noticed within it. */
    private static final int WAIT_MILLIS = 1000;

    private final DataSource dataSource;
    private final OutboxRelay relay;
    private final Duration reconnectPause;
    private volatile boolean running;
    private Thread listener;

    OutboxWakeUp(DataSource dataSource, OutboxRelay relay, Duration reconnectPause) {
        this.dataSource = dataSource;
        this.relay = relay;
        this.reconnectPause = reconnectPause;
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("outbox-wake-up").start(this::listen);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(WAIT_MILLIS * 2L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listener = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean failedBefore = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (failedBefore) {
                    log.info("Outbox wake-up listens again");
                    failedBefore = false;
                }
                // commits between the last notification and this LISTEN were not heard
                relay.relay();
                var notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    var received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        relay.relay();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Outbox wake-up lost its connection; polling only until it listens again in {}: {}",
                        reconnectPause, e.toString());
                failedBefore = true;
                try {
                    Thread.sleep(reconnectPause);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
