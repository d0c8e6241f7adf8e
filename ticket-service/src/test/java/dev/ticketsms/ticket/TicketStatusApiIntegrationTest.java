package dev.ticketsms.ticket;

import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.events.TicketStatusChanged;
import io.micrometer.core.instrument.MeterRegistry;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.ticketsms.events.TicketStatus.CLOSED;
import static dev.ticketsms.events.TicketStatus.IN_PROGRESS;
import static dev.ticketsms.events.TicketStatus.OPEN;
import static dev.ticketsms.events.TicketStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code PATCH /api/tickets/{id}/status}: every move of the workflow over HTTP, and the events it publishes. */
class TicketStatusApiIntegrationTest extends TicketServiceIntegrationTest {

    private static final UUID TEAM = UUID.randomUUID();
    private static final String AGENT = "agent-7";

    /** ARCHITECTURE.md's table, spelled out again here so the test does not trust the code it checks. */
    private static final java.util.Map<TicketStatus, Set<TicketStatus>> ALLOWED = java.util.Map.of(
            OPEN, EnumSet.of(IN_PROGRESS, RESOLVED, CLOSED),
            IN_PROGRESS, EnumSet.of(OPEN, RESOLVED, CLOSED),
            RESOLVED, EnumSet.of(IN_PROGRESS, CLOSED),
            CLOSED, EnumSet.noneOf(TicketStatus.class));

    @Autowired
    MeterRegistry meters;

    private TicketTopic topic;

    @BeforeEach
    void setUp() {
        topic = new TicketTopic(kafka.getBrokersAsString());
        join(AGENT, TEAM);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @ParameterizedTest(name = "from {0}")
    @EnumSource(TicketStatus.class)
    void everyMoveFromAStatusIsAnsweredAsTheWorkflowSays(TicketStatus from) throws Exception {
        for (TicketStatus to : TicketStatus.values()) {
            UUID ticketId = ticketIn(from);
            long version = versionOf(ticketId);
            ResultActions answer = changeStatus(ticketId, to, null);
            if (to == from) {
                answer.andExpect(status().isOk())
                        .andExpect(header().string("ETag", "\"" + version + "\""))
                        .andExpect(jsonPath("$.status").value(from.name()))
                        .andExpect(jsonPath("$.version").value(version))
                        .andExpect(jsonPath("$.allowedStatuses").value(allowedNames(from)));
            } else if (ALLOWED.get(from).contains(to)) {
                answer.andExpect(status().isOk())
                        .andExpect(header().string("ETag", "\"" + (version + 1) + "\""))
                        .andExpect(jsonPath("$.status").value(to.name()))
                        .andExpect(jsonPath("$.version").value(version + 1))
                        .andExpect(jsonPath("$.allowedStatuses").value(allowedNames(to)));
            } else {
                answer.andExpect(status().isConflict())
                        .andExpect(jsonPath("$.title").value("Status change not allowed"))
                        .andExpect(jsonPath("$.currentStatus").value(from.name()))
                        .andExpect(jsonPath("$.requestedStatus").value(to.name()))
                        .andExpect(jsonPath("$.allowedStatuses",
                                containsInAnyOrder(ALLOWED.get(from).stream().map(Enum::name).toArray())));
                mvc.perform(get("/api/tickets/{id}", ticketId).with(user(AGENT, "Agent")))
                        .andExpect(jsonPath("$.status").value(from.name()))
                        .andExpect(jsonPath("$.version").value(version))
                        .andExpect(jsonPath("$.allowedStatuses").value(allowedNames(from)));
            }
        }
    }

    /** The moves a client is offered, in the workflow's order (OPEN, IN_PROGRESS, RESOLVED, CLOSED). */
    private static Matcher<Object> allowedNames(TicketStatus from) {
        return equalTo(ALLOWED.get(from).stream().map(Enum::name).toList());
    }

    @Test
    void eachRealChangePublishesOneTicketStatusChangedInOrderWithGrowingVersionsAndASameStatusRequestNone() throws Exception {
        double inProgressBefore = statusChanges(Severity.HIGH, IN_PROGRESS);
        UUID ticketId = open(AGENT, TEAM, "Login page down");

        changeStatus(ticketId, IN_PROGRESS, "\"0\"").andExpect(status().isOk());
        changeStatus(ticketId, IN_PROGRESS, "\"1\"").andExpect(status().isOk());
        changeStatus(ticketId, RESOLVED, "\"1\"").andExpect(status().isOk());
        changeStatus(ticketId, IN_PROGRESS, null).andExpect(status().isOk());
        changeStatus(ticketId, CLOSED, "\"3\"").andExpect(status().isOk()).andExpect(header().string("ETag", "\"4\""));

        await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().eventsOf(ticketId).size() >= 5);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> topic.poll().eventsOf(ticketId).size() == 5);
        List<TicketEvent> events = topic.eventsOf(ticketId);
        assertThat(events.getFirst()).isInstanceOf(TicketCreated.class);
        assertThat(events).extracting(TicketEvent::ticketVersion).containsExactly(0L, 1L, 2L, 3L, 4L);
        var moves = new ArrayList<String>();
        for (TicketEvent event : events.subList(1, 5)) {
            TicketStatusChanged changed = (TicketStatusChanged) event;
            moves.add(changed.fromStatus() + "->" + changed.toStatus());
            assertThat(changed.changedBy()).isEqualTo(AGENT);
            assertThat(changed.changedByName()).isEqualTo("Agent");
            assertThat(changed.teamId()).isEqualTo(TEAM);
            assertThat(changed.title()).isEqualTo("Login page down");
        }
        assertThat(moves).containsExactly("OPEN->IN_PROGRESS", "IN_PROGRESS->RESOLVED", "RESOLVED->IN_PROGRESS",
                "IN_PROGRESS->CLOSED");
        assertThat(statusChanges(Severity.HIGH, IN_PROGRESS)).isEqualTo(inProgressBefore + 2);
    }

    @Test
    void aChangeBasedOnAStaleETagIsRefusedWith412AndChangesNothing() throws Exception {
        UUID ticketId = open(AGENT, TEAM, "Stale");
        changeStatus(ticketId, IN_PROGRESS, "\"0\"").andExpect(status().isOk());

        changeStatus(ticketId, RESOLVED, "\"0\"")
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.currentVersion").value(1));

        mvc.perform(get("/api/tickets/{id}", ticketId).with(user(AGENT, "Agent")))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(header().string("ETag", "\"1\""));
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRowsOf(ticketId) == 0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> topic.poll().eventsOf(ticketId).size() == 2);
    }

    @Test
    void ofTwoConcurrentChangesFromTheSameVersionOneWinsAndTheOtherIsTold412() throws Exception {
        UUID ticketId = open(AGENT, TEAM, "Race");
        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<Integer>>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (TicketStatus to : List.of(IN_PROGRESS, RESOLVED)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return changeStatus(ticketId, to, "\"0\"").andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRowsOf(ticketId) == 0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> topic.poll().eventsOf(ticketId).size() == 2);
        mvc.perform(get("/api/tickets/{id}", ticketId).with(user(AGENT, "Agent")))
                .andExpect(header().string("ETag", "\"1\""));
    }

    @Test
    void anIfMatchThatIsNotOneOfOurETagsIsABadRequestNamingTheHeader() throws Exception {
        UUID ticketId = open(AGENT, TEAM, "Bad tag");

        for (String tag : List.of("0", "W/\"0\"", "\"abc\"", "\"0\", \"1\"")) {
            changeStatus(ticketId, IN_PROGRESS, tag)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        }
        changeStatus(ticketId, IN_PROGRESS, "*").andExpect(status().isOk());
    }

    @Test
    void anUnknownOrMissingStatusIsABadRequestNamingTheField() throws Exception {
        UUID ticketId = open(AGENT, TEAM, "Bad status");

        mvc.perform(patch("/api/tickets/{id}/status", ticketId).with(user(AGENT, "Agent"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"DONE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of OPEN, IN_PROGRESS, RESOLVED, CLOSED"));
        mvc.perform(patch("/api/tickets/{id}/status", ticketId).with(user(AGENT, "Agent"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(patch("/api/tickets/{id}/status", ticketId).with(user(AGENT, "Agent"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CLOSED\",\"version\":9}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));

        mvc.perform(get("/api/tickets/{id}", ticketId).with(user(AGENT, "Agent")))
                .andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void changingATicketThatDoesNotExistIsNotFound() throws Exception {
        changeStatus(UUID.randomUUID(), CLOSED, null)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Ticket not found"));
    }

    private ResultActions changeStatus(UUID ticketId, TicketStatus to, String ifMatch) throws Exception {
        var request = patch("/api/tickets/{id}/status", ticketId).with(user(AGENT, "Agent"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"%s\"}".formatted(to));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    /** A new ticket walked to {@code status} along allowed moves. */
    private UUID ticketIn(TicketStatus status) throws Exception {
        UUID ticketId = open(AGENT, TEAM, "Walked to " + status);
        if (status != OPEN) {
            changeStatus(ticketId, status, null).andExpect(status().isOk());
        }
        return ticketId;
    }

    private long versionOf(UUID ticketId) {
        return jdbc.sql("SELECT version FROM tickets WHERE id = ?").param(ticketId).query(Long.class).single();
    }

    private double statusChanges(Severity severity, TicketStatus to) {
        var counter = meters.find("tickets.status.changes").tag("severity", severity.name())
                .tag("to_status", to.name()).counter();
        return counter == null ? 0 : counter.count();
    }
}
