package dev.ticketsms.ticket.outbox;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param pollInterval  pause between relay rounds when the outbox is empty or Kafka failed
 * @param batchSize     rows sent per round before their acknowledgements are awaited
 * @param sendTimeout   how long one round waits for Kafka's acknowledgements
 * @param lockKey       PostgreSQL advisory lock key that elects the one active relay among replicas
 */
@Validated
@ConfigurationProperties("tickets.outbox")
record OutboxProperties(@NotNull Duration pollInterval, @Min(1) int batchSize, @NotNull Duration sendTimeout, long lockKey) {
}
