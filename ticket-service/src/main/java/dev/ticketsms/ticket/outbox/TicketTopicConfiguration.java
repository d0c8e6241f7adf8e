package dev.ticketsms.ticket.outbox;

import dev.ticketsms.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Declares the ticket topic; Spring's KafkaAdmin creates it at start-up when it is missing. */
@Configuration(proxyBeanMethods = false)
class TicketTopicConfiguration {

    @Bean
    NewTopic ticketEventsTopic(@Value("${tickets.topic.partitions}") int partitions,
                               @Value("${tickets.topic.replicas}") short replicas) {
        return TopicBuilder.name(Topics.TICKET_EVENTS).partitions(partitions).replicas(replicas).build();
    }
}
