package dev.ticketsms.notification.delivery;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What API clients and Twilio integrators read without a token: the OpenAPI description (exposure open by default). */
@AutoConfigureMockMvc
class ApiDescriptionTest extends DeliveryIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theOpenApiDescriptionListsTheAdminApiAndTheWebhooks() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("notification-service"))
                .andExpect(jsonPath("$.info.description", containsString("X-Twilio-Signature")))
                .andExpect(jsonPath("$.paths['/api/sms/send'].post").exists())
                .andExpect(jsonPath("$.paths['/api/sms/send'].post.requestBody.content['application/json'].schema").exists())
                .andExpect(jsonPath("$.paths['/api/notifications'].get").exists())
                .andExpect(jsonPath("$.paths['/webhooks/twilio/status'].post").exists())
                .andExpect(jsonPath("$.paths['/webhooks/twilio/inbound'].post").exists())
                .andExpect(jsonPath("$.components.securitySchemes['bearer'].scheme").value("bearer"));
        mvc.perform(get("/swagger-ui.html"))
                .andExpect(status().is3xxRedirection());
    }
}
