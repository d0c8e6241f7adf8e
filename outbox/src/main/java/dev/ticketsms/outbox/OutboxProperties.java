package dev.ticketsms.outbox;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param pollInterval pause between relay rounds when the outbox is empty or Kafka failed
 * @param batchSize    rows sent per round before their acknowledgements are awaited
 * @param sendTimeout  how long one round waits for Kafka's acknowledgements
 * @param lockKey      PostgreSQL advisory lock key that elects the one active relay among replicas
 * @param wakeOnCommit whether a commit that appended to the outbox wakes the relay at once (PostgreSQL LISTEN/NOTIFY,
 *                     see {@link OutboxWakeUp}); polling runs either way
 * @param reconnectPause pause before the wake-up's listening connection is opened again after it broke
 */
@Validated
@ConfigurationProperties("outbox")
public record OutboxProperties(@DefaultValue("200ms") @NotNull Duration pollInterval,
                               @DefaultValue("500") @Min(1) int batchSize,
                               @DefaultValue("15s") @NotNull Duration sendTimeout,
                               @DefaultValue("7001") long lockKey,
                               @DefaultValue("true") boolean wakeOnCommit,
                               @DefaultValue("5s") @NotNull Duration reconnectPause) {
}
