package dev.ticketsms.ticket;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/tickets}: the caller's teams only, filtered by team and status, sorted and paged. */
class TicketListIntegrationTest extends TicketServiceIntegrationTest {

    private final UUID teamA = UUID.randomUUID();
    private final UUID teamB = UUID.randomUUID();
    private final String agent = "lister-" + UUID.randomUUID();
    private final List<String> teamATickets = new ArrayList<>();
    private String closedTicket;
    private String teamBTicket;

    @BeforeEach
    void tickets() throws Exception {
        join(agent, teamA);
        join(agent, teamB);
        for (int i = 1; i <= 5; i++) {
            teamATickets.add(open(agent, teamA, "A" + i).toString());
        }
        teamBTicket = open(agent, teamB, "B1").toString();
        closedTicket = teamATickets.get(2);
        mvc.perform(patch("/api/tickets/{id}/status", closedTicket).with(user(agent, "Agent"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CLOSED\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void withoutFiltersTheCallerSeesTheTicketsOfAllTheirTeams() throws Exception {
        var all = new ArrayList<>(teamATickets);
        all.add(teamBTicket);
        mvc.perform(get("/api/tickets").param("size", "100").with(user(agent, "Agent")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", containsInAnyOrder(all.toArray())))
                .andExpect(jsonPath("$.page.totalElements").value(6));
    }

    @Test
    void filtersByTeamAndStatus() throws Exception {
        mvc.perform(get("/api/tickets").param("teamId", teamB.toString()).with(user(agent, "Agent")))
                .andExpect(jsonPath("$.content[*].id", contains(teamBTicket)));
        mvc.perform(get("/api/tickets").param("teamId", teamA.toString()).param("status", "CLOSED")
                        .with(user(agent, "Agent")))
                .andExpect(jsonPath("$.content[*].id", contains(closedTicket)));
        mvc.perform(get("/api/tickets").param("status", "OPEN").param("size", "100").with(user(agent, "Agent")))
                .andExpect(jsonPath("$.page.totalElements").value(5));
    }

    @Test
    void pagesAreSortedNewestFirstByDefaultAndWalkEveryTicketOnce() throws Exception {
        mvc.perform(get("/api/tickets").param("teamId", teamA.toString()).param("size", "2").with(user(agent, "Agent")))
                .andExpect(jsonPath("$.content[*].title", contains("A5", "A4")))
                .andExpect(jsonPath("$.page.number").value(0))
                .andExpect(jsonPath("$.page.size").value(2))
                .andExpect(jsonPath("$.page.totalElements").value(5))
                .andExpect(jsonPath("$.page.totalPages").value(3));
        mvc.perform(get("/api/tickets").param("teamId", teamA.toString()).param("size", "2").param("page", "2")
                        .with(user(agent, "Agent")))
                .andExpect(jsonPath("$.content[*].title", contains("A1")));
        mvc.perform(get("/api/tickets").param("teamId", teamA.toString()).param("sort", "title,asc")
                        .with(user(agent, "Agent")))
                .andExpect(jsonPath("$.content[*].title", contains("A1", "A2", "A3", "A4", "A5")));
        mvc.perform(get("/api/tickets").param("teamId", teamA.toString()).param("page", "9")
                        .with(user(agent, "Agent")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize(0)));
    }

    @Test
    void badParametersAreRejectedNamingTheParameter() throws Exception {
        record Bad(String name, String value) {
        }
        for (Bad bad : List.of(new Bad("status", "DONE"), new Bad("teamId", "team-a"), new Bad("page", "-1"),
                new Bad("page", "x"), new Bad("size", "0"), new Bad("size", "101"), new Bad("sort", "severity"),
                new Bad("sort", "createdAt,up"), new Bad("sort", "password"))) {
            mvc.perform(get("/api/tickets").param(bad.name(), bad.value()).with(user(agent, "Agent")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(bad.name()));
        }
    }
}
