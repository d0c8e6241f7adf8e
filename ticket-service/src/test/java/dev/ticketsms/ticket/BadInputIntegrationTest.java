package dev.ticketsms.ticket;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Input PostgreSQL cannot store (NUL characters) or that does not fit its columns (a token's {@code name} longer
 * than created_by_name) is a 400 naming the field, never a 500 from the failed insert.
 */
class BadInputIntegrationTest extends TicketServiceIntegrationTest {

    private static final String NUL_REASON = "must not contain NUL characters";

    private final UUID team = UUID.randomUUID();
    private final String member = "member-" + UUID.randomUUID();

    @BeforeEach
    void team() {
        join(member, team);
    }

    @Test
    void aNulInTheTitleOrCategoryIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        long before = ticketCount();
        for (String field : List.of("title", "category")) {
            String title = field.equals("title") ? "bad\\u0000title" : "t";
            String category = field.equals("category") ? "Bil\\u0000ling" : "Billing";
            mvc.perform(post("/api/tickets").with(user(member, "Member"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"title":"%s","severity":"LOW","category":"%s","teamId":"%s"}"""
                                    .formatted(title, category, team)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(field))
                    .andExpect(jsonPath("$.errors[0].message").value(NUL_REASON));
        }
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void aNulInTheTeamIdQueryParameterIsRefusedNamingTheParameter() throws Exception {
        mvc.perform(get("/api/tickets").param("teamId", team + "\u0000").with(user(member, "Member")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("teamId"))
                .andExpect(jsonPath("$.errors[0].message").value(NUL_REASON));
    }

    @Test
    void aNulInTheTicketIdPathIsRefusedNamingTheParameter() throws Exception {
        mvc.perform(get("/api/tickets/{id}", "abc\u0000").with(user(member, "Member")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message").value(NUL_REASON));
    }

    @Test
    void aNulInTheIfMatchHeaderIsRefusedNamingTheHeader() throws Exception {
        UUID ticketId = open(member, team, "Versioned");

        mvc.perform(patch("/api/tickets/{id}/status", ticketId).with(user(member, "Member"))
                        .header("If-Match", "\"0\u0000\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CLOSED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"))
                .andExpect(jsonPath("$.errors[0].message").value(NUL_REASON));
    }

    @Test
    void aNameClaimLongerThanTheAuthorColumnIsRefusedNamingTheClaimAndNothingIsStored() throws Exception {
        long before = ticketCount();

        mvc.perform(post("/api/tickets")
                        .with(jwt().jwt(token -> token.subject(member).claim("name", "n".repeat(300))))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"t","severity":"LOW","category":"Billing","teamId":"%s"}""".formatted(team)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 255 characters"));
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void aNameClaimOfExactly255CharactersIsStored() throws Exception {
        mvc.perform(post("/api/tickets")
                        .with(jwt().jwt(token -> token.subject(member).claim("name", "n".repeat(255))))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"t","severity":"LOW","category":"Billing","teamId":"%s"}""".formatted(team)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.createdByName").value("n".repeat(255)));
    }
}
