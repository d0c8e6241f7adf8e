package dev.ticketsms.ticket;

import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.events.Severity;
import dev.ticketsms.testing.EmbeddedPostgreSql;
import dev.ticketsms.ticket.tickets.Caller;
import dev.ticketsms.ticket.tickets.NewTicket;
import dev.ticketsms.ticket.tickets.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of the service on one database and one Kafka: both take changes and both run the outbox relay, yet
 * every event reaches the topic once, in order per ticket. The second replica is a full application context started
 * beside the test's own; its membership listener stays off so it does not rebalance the other tests' consumer group.
 */
class SecondInstanceIntegrationTest extends TicketServiceIntegrationTest {

    private static final int TICKETS_PER_INSTANCE = 40;
    private static final Caller ADMIN = new Caller("ops-2", "Ops", true);

    @Autowired
    Tickets firstInstance;

    private ConfigurableApplicationContext secondContext;

    @BeforeEach
    void startSecondInstance() {
        secondContext = new SpringApplicationBuilder(TicketServiceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + EmbeddedPostgreSql.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--spring.kafka.listener.auto-startup=false",
                // one admin opens all of this instance's tickets at once
                "--tickets.limits.creations-per-user.count=100000",
                // polls far more often than the first instance, so the two relays really compete for the outbox
                "--outbox.poll-interval=10ms");
    }

    @AfterEach
    void stopSecondInstance() {
        secondContext.close();
    }

    @Test
    void ticketsChangedThroughBothInstancesArePublishedExactlyOnceInOrder() throws Exception {
        Tickets secondInstance = secondContext.getBean(Tickets.class);
        var ticketIds = Collections.synchronizedList(new ArrayList<UUID>());
        try (var topic = new TicketTopic(kafka.getBrokersAsString());
             var pool = Executors.newFixedThreadPool(2)) {
            List<Callable<Void>> writers = List.of(
                    () -> openAndWalk(firstInstance, ticketIds),
                    () -> openAndWalk(secondInstance, ticketIds));
            for (var result : pool.invokeAll(writers)) {
                result.get();
            }
            int expected = 3 * 2 * TICKETS_PER_INSTANCE;
            assertThat(ticketIds).hasSize(2 * TICKETS_PER_INSTANCE);

            await().atMost(Duration.ofSeconds(60)).until(() -> eventsOf(topic.poll(), ticketIds).size() >= expected);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> eventsOf(topic.poll(), ticketIds).size() == expected);

            var eventIds = new HashSet<UUID>();
            for (UUID id : ticketIds) {
                List<TicketEvent> events = topic.eventsOf(id);
                assertThat(events).extracting(TicketEvent::ticketVersion).containsExactly(0L, 1L, 2L);
                events.forEach(event -> eventIds.add(event.eventId()));
            }
            assertThat(eventIds).hasSize(expected);
        }
    }

    private static Void openAndWalk(Tickets instance, List<UUID> ticketIds) {
        for (int i = 0; i < TICKETS_PER_INSTANCE; i++) {
            var ticket = instance.open(new NewTicket("Replica " + i, null, Severity.MEDIUM, "Ops", UUID.randomUUID()), ADMIN);
            instance.changeStatus(ticket.id(), TicketStatus.IN_PROGRESS, OptionalLong.of(0), ADMIN).orElseThrow();
            instance.changeStatus(ticket.id(), TicketStatus.CLOSED, OptionalLong.of(1), ADMIN).orElseThrow();
            ticketIds.add(ticket.id());
        }
        return null;
    }

    private static List<TicketEvent> eventsOf(TicketTopic topic, List<UUID> ticketIds) {
        synchronized (ticketIds) {
            return ticketIds.stream().flatMap(id -> topic.eventsOf(id).stream()).toList();
        }
    }
}
