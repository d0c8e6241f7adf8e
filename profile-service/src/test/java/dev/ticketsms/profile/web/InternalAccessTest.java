package dev.ticketsms.profile.web;

import static dev.ticketsms.profile.web.Tokens.admin;
import static dev.ticketsms.profile.web.Tokens.client;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import dev.ticketsms.profile.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Each internal endpoint answers the one service it is for; the scope alone opens nothing. */
class InternalAccessTest extends IntegrationTest {

    @Test
    void theTicketServiceClientIsRefusedTheRecipientLookupsEvenWithTheirScope() throws Exception {
        mvc.perform(get("/internal/teams/{id}/sms-recipients", UUID.randomUUID())
                        .with(client("ticket-service", "notifications:recipients")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/internal/sms-recipients").param("userId", "alice")
                        .with(client("ticket-service", "notifications:recipients")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theNotificationServiceClientIsRefusedTheMembershipCheckEvenWithItsScope() throws Exception {
        mvc.perform(get("/internal/teams/{id}/members/{userId}", UUID.randomUUID(), "alice")
                        .with(client("notification-service", "teams:membership")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdminUserIsRefusedTheInternalEndpoints() throws Exception {
        mvc.perform(get("/internal/sms-recipients").param("userId", "alice").with(admin("root")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anotherClientNameConfiguredForNoEndpointGetsNothing() throws Exception {
        mvc.perform(get("/internal/sms-recipients").param("userId", "alice")
                        .with(client("billing-service", "notifications:recipients")))
                .andExpect(status().isForbidden());
    }
}
