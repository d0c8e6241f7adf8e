package dev.ticketsms.bench;

import dev.ticketsms.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The bench's own Kafka clients: ticket events written straight to the topic, and the topic read back for audits. */
final class Events implements AutoCloseable {

    /** One record on tickets.events.v1: its ticket, event id and the time the producer stamped on it. */
    record TicketEventRecord(UUID ticketId, UUID eventId, String type, Instant timestamp) {
    }

    private final String bootstrap;
    private final KafkaProducer<String, String> producer;

    Events(String bootstrap) {
        this.bootstrap = bootstrap;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** A TicketCreated in the wire format of common-events' golden file, for a ticket only Kafka knows. */
    UUID publishTicketCreated(UUID team) {
        UUID ticket = UUID.randomUUID();
        String json = """
                {"type":"TicketCreated","eventId":"%s","occurredAt":"%s","ticketId":"%s","teamId":"%s","ticketVersion":1,\
                "title":"Bench ticket","severity":"HIGH","category":"Technical","createdBy":"bench-creator",\
                "createdByName":"Bench Creator"}""".formatted(UUID.randomUUID(), Instant.now(), ticket, team);
        producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, ticket.toString(), json));
        return ticket;
    }

    void flush() {
        producer.flush();
    }

    /** Every record on tickets.events.v1 from the beginning to the end offsets of now. */
    List<TicketEventRecord> readAll() {
        var records = new ArrayList<TicketEventRecord>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TICKET_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = Api.JSON.readTree(record.value());
                    records.add(new TicketEventRecord(UUID.fromString(event.get("ticketId").asString()),
                            UUID.fromString(event.get("eventId").asString()), event.get("type").asString(),
                            Instant.ofEpochMilli(record.timestamp())));
                }
            }
        }
        return records;
    }

    @Override
    public void close() {
        producer.close();
    }
}
