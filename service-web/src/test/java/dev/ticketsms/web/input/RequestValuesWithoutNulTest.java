package dev.ticketsms.web.input;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import dev.ticketsms.web.InputRulesMvc;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** NUL characters are a 400 naming the field, wherever in the request the handler reads them from. */
class RequestValuesWithoutNulTest {

    private static final String TEAM = UUID.randomUUID().toString();

    private final MockMvc mvc = InputRulesMvc.create();

    @Test
    void aNulInAJsonListElementNamesTheElement() throws Exception {
        mvc.perform(post("/teams").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Ops\",\"userIds\":[\"a\",\"b\",\"c\\u0000\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("userIds[2]"))
                .andExpect(jsonPath("$.errors[0].message").value(NulCharacters.REASON))
                .andExpect(jsonPath("$.detail").value("userIds[2] must not contain NUL characters"));
    }

    @Test
    void aNulInAQueryParameterNamesTheParameter() throws Exception {
        mvc.perform(get("/teams/{id}/members", TEAM).param("category", "Bill\u0000ing"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"))
                .andExpect(jsonPath("$.errors[0].message").value(NulCharacters.REASON));
    }

    @Test
    void aNulInAPathVariableNamesTheVariableBeforeItIsConverted() throws Exception {
        // UUID conversion trims, so without the check a trailing NUL would silently disappear
        mvc.perform(get("/teams/{id}/members", TEAM + "\u0000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("teamId"))
                .andExpect(jsonPath("$.errors[0].message").value(NulCharacters.REASON));
    }

    @Test
    void aNulInAHeaderTheHandlerReadsNamesTheHeader() throws Exception {
        mvc.perform(get("/teams/{id}/members", TEAM).header("If-Match", "\"1\u0000\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
    }

    @Test
    void aNulInAHeaderTheHandlerDoesNotReadIsLeftAlone() throws Exception {
        mvc.perform(get("/teams/{id}/members", TEAM).header("User-Agent", "odd\u0000agent"))
                .andExpect(status().isOk());
    }

    @Test
    void aHandlerTakingAllParametersHasEachChecked() throws Exception {
        mvc.perform(get("/search").param("fine", "x").param("bad", "\u0000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("bad"));
    }

    @Test
    void cleanValuesPassThrough() throws Exception {
        mvc.perform(get("/teams/{id}/members", TEAM).param("category", "Billing").header("If-Match", "\"1\""))
                .andExpect(status().isOk())
                .andExpect(content().string(TEAM + "/Billing/\"1\""));
    }
}
