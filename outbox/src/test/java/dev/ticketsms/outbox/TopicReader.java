package dev.ticketsms.outbox;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Reads one topic of the embedded broker from its start, for a test that waits for the records of a key. */
final class TopicReader implements AutoCloseable {

    private final Consumer<String, String> consumer;

    TopicReader(EmbeddedKafkaBroker kafka, String topic) {
        var props = KafkaTestUtils.consumerProps(kafka, "test-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer()).createConsumer();
        kafka.consumeFromAnEmbeddedTopic(consumer, topic);
    }

    /** The values of {@code key}'s records, once {@code expected} arrived and a quiet second more showed no extra. */
    List<String> valuesFor(String key, int expected) {
        return recordsFor(key, expected).stream().map(ConsumerRecord::value).toList();
    }

    /** The records of {@code key}, once {@code expected} arrived and a quiet second more showed no extra. */
    List<ConsumerRecord<String, String>> recordsFor(String key, int expected) {
        var found = new ArrayList<ConsumerRecord<String, String>>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            collect(key, found);
            return found.size() >= expected;
        });
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> {
            collect(key, found);
            return found.size() == expected;
        });
        return found;
    }

    private void collect(String key, List<ConsumerRecord<String, String>> found) {
        for (ConsumerRecord<String, String> record : KafkaTestUtils.getRecords(consumer, Duration.ofMillis(200))) {
            if (record.key().equals(key)) {
                found.add(record);
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
