package dev.ticketsms.web.problems;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import dev.ticketsms.web.InputRulesMvc;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

/** A database that is briefly gone answers 503 with Retry-After in every service, and tells nothing about itself. */
class DatabaseProblemsTest {

    private final MockMvc mvc = InputRulesMvc.create();

    @Test
    void temporaryDatabaseFailuresAre503WithRetryAfterAndNoInternals() throws Exception {
        for (String how : List.of("no-connection", "no-transaction", "timeout", "resource")) {
            mvc.perform(get("/fail/{how}", how))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "2"))
                    .andExpect(jsonPath("$.title").value("Temporarily unavailable"))
                    .andExpect(content().string(not(containsString("SELECT"))))
                    .andExpect(content().string(not(containsString("5432"))))
                    .andExpect(content().string(not(containsString("JDBC"))))
                    .andExpect(content().string(not(containsString("Exception"))));
        }
    }

    @Test
    void aLostOptimisticLockIsAConflictNotARetry() throws Exception {
        mvc.perform(get("/fail/stale"))
                .andExpect(status().isConflict())
                .andExpect(header().doesNotExist("Retry-After"));
    }
}
