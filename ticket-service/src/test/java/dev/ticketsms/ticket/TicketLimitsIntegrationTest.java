package dev.ticketsms.ticket;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every ticket opened and every status change texts the whole team: a user opening tickets in a loop, or a ticket
 * flipped back and forth, is stopped with a 429 that says when to try again, and nothing past the limit is stored
 * (so nothing is published: an event is written with the change it announces).
 */
class TicketLimitsIntegrationTest extends TicketServiceIntegrationTest {

    private static final UUID TEAM = UUID.randomUUID();

    @DynamicPropertySource
    static void smallLimits(DynamicPropertyRegistry registry) {
        registry.add("tickets.limits.creations-per-user.count", () -> 3);
        registry.add("tickets.limits.creations-per-user.period", () -> "1m");
        registry.add("tickets.limits.status-changes-per-ticket.count", () -> 2);
        registry.add("tickets.limits.status-changes-per-ticket.period", () -> "10m");
    }

    @Test
    void theFourthTicketOfOneUserWithinAMinuteIsA429WithRetryAfterAndIsNotStored() throws Exception {
        join("looper", TEAM);
        join("colleague", TEAM);
        for (int i = 1; i <= 3; i++) {
            open("looper", TEAM, "ticket " + i);
        }
        long before = ticketCount();

        MvcResult refused = mvc.perform(post("/api/tickets").with(user("looper", "Looper"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"one more","severity":"LOW","category":"Billing","teamId":"%s"}""".formatted(TEAM)))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(header().exists("Retry-After"))
                .andReturn();

        long retryAfter = Long.parseLong(refused.getResponse().getHeader("Retry-After"));
        // 3 per minute, refilled steadily: the next one is allowed within 20 s, never later than the whole minute
        assertThat(retryAfter).isBetween(1L, 20L);
        assertThat(WIRE_JSON.readTree(refused.getResponse().getContentAsString()).get("retryAfterSeconds").asLong())
                .isEqualTo(retryAfter);
        assertThat(ticketCount()).isEqualTo(before);
        // the limit is the user's, not the team's
        open("colleague", TEAM, "someone else's ticket");
    }

    @Test
    void aTicketFlippedBackAndForthIsStoppedAfterTheLimitAndTheRefusedChangeIsNeitherStoredNorPublished() throws Exception {
        join("flipper", TEAM);
        UUID ticket = open("flipper", TEAM, "flip me");
        changeStatus(ticket, "IN_PROGRESS").andExpect(status().isOk());
        changeStatus(ticket, "OPEN").andExpect(status().isOk());

        changeStatus(ticket, "IN_PROGRESS")
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Status changes of one ticket are limited to 2 per 10m")))
                .andExpect(header().exists("Retry-After"));

        // still the version of the second change: each change (and its event) has its own version
        assertThat(jdbc.sql("SELECT status || ' ' || version FROM tickets WHERE id = ?").param(ticket).query(String.class).single())
                .isEqualTo("OPEN 2");
        // a move to the status it already has changes nothing, so it is not refused
        changeStatus(ticket, "OPEN").andExpect(status().isOk());
    }

    private org.springframework.test.web.servlet.ResultActions changeStatus(UUID ticket, String to) throws Exception {
        return mvc.perform(patch("/api/tickets/{id}/status", ticket).with(user("flipper", "Flipper"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"" + to + "\"}"));
    }
}
