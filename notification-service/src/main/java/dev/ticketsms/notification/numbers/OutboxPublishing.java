package dev.ticketsms.notification.numbers;

import dev.ticketsms.outbox.OutboxConfiguration;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.HashMap;

/**
 * The outbox relay that publishes this service's profile events (opt-out, opt-in, number unusable). Its producer is
 * declared here because the dead-letter template (see {@code ListenerErrorHandling}) makes Boot's default one back
 * off; the two are told apart by their value type.
 */
@Configuration(proxyBeanMethods = false)
@Import(OutboxConfiguration.class)
class OutboxPublishing {

    @Bean
    KafkaTemplate<String, String> outboxKafkaTemplate(KafkaProperties kafka) {
        var properties = new HashMap<>(kafka.buildProducerProperties());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // a Kafka outage must not hold the relay's transaction for long: the round fails and the next one retries
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        properties.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        properties.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(properties, new StringSerializer(), new StringSerializer()));
    }
}
