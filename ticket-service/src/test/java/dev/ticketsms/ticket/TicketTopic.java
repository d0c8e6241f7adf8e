package dev.ticketsms.ticket;

import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Everything on {@code tickets.events.v1} since the reader was opened, read as a consumer of the topic would. */
final class TicketTopic implements AutoCloseable {

    private static final JsonMapper WIRE_JSON = JsonMapper.builder().build();

    private final Consumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    TicketTopic(String bootstrapServers) {
        consumer = new DefaultKafkaConsumerFactory<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer()).createConsumer();
        consumer.subscribe(List.of(Topics.TICKET_EVENTS));
    }

    /** Reads what arrived since the last call. */
    synchronized TicketTopic poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return this;
    }

    /** The events keyed by this ticket, in topic order (one ticket's events share a partition). */
    synchronized List<TicketEvent> eventsOf(UUID ticketId) {
        return records.stream()
                .filter(record -> record.key().equals(ticketId.toString()))
                .map(record -> WIRE_JSON.readValue(record.value(), TicketEvent.class))
                .toList();
    }

    synchronized List<ConsumerRecord<String, String>> records() {
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
