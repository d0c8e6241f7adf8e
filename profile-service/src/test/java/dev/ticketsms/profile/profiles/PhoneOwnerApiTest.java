package dev.ticketsms.profile.profiles;

import static dev.ticketsms.profile.web.Tokens.client;
import static dev.ticketsms.profile.web.Tokens.service;
import static dev.ticketsms.profile.web.Tokens.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.ticketsms.profile.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** {@code GET /internal/phone-owners}: who texted a command, for notification-service; only a verified number counts. */
class PhoneOwnerApiTest extends IntegrationTest {

    private static final JwtRequestPostProcessor NOTIFICATION_SERVICE = service("profiles:phone-owners");

    @Test
    void aVerifiedNumberNamesItsOwner() throws Exception {
        String userId = "owner-" + UUID.randomUUID();
        String number = freshNumber();
        saveNumber(userId, "Olga Owner", number);
        confirmNumber(userId);

        mvc.perform(get("/internal/phone-owners").param("phoneNumber", number).with(NOTIFICATION_SERVICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(userId))
                .andExpect(jsonPath("$.displayName").value("Olga Owner"));
    }

    @Test
    void anUnverifiedNumberIsNobodys() throws Exception {
        String number = freshNumber();
        saveNumber("typed-" + UUID.randomUUID(), "Tom Typed", number);

        mvc.perform(get("/internal/phone-owners").param("phoneNumber", number).with(NOTIFICATION_SERVICE))
                .andExpect(status().isNotFound());
    }

    @Test
    void anUnknownNumberIsNotFound() throws Exception {
        mvc.perform(get("/internal/phone-owners").param("phoneNumber", freshNumber()).with(NOTIFICATION_SERVICE))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMalformedNumberIsA400NamingTheField() throws Exception {
        mvc.perform(get("/internal/phone-owners").param("phoneNumber", "call me").with(NOTIFICATION_SERVICE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phoneNumber"));
        mvc.perform(get("/internal/phone-owners").with(NOTIFICATION_SERVICE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phoneNumber"));
    }

    @Test
    void onlyNotificationServicesClientWithTheScopeGetsIn() throws Exception {
        String userId = "guarded-" + UUID.randomUUID();
        String number = freshNumber();
        saveNumber(userId, "Gina Guarded", number);
        confirmNumber(userId);

        mvc.perform(get("/internal/phone-owners").param("phoneNumber", number).with(service("notifications:recipients")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/internal/phone-owners").param("phoneNumber", number).with(client("ticket-service", "profiles:phone-owners")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/internal/phone-owners").param("phoneNumber", number).with(user(userId, "Gina Guarded")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/internal/phone-owners").param("phoneNumber", number))
                .andExpect(status().isUnauthorized());
    }

    private void saveNumber(String userId, String name, String number) throws Exception {
        mvc.perform(post("/api/user/profile").with(user(userId, name))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phoneNumber\": \"" + number + "\", \"smsNotificationsEnabled\": true}"))
                .andExpect(status().isOk());
    }

    /** A valid US number that other tests of this context, which use 555-01xx, do not. */
    private static String freshNumber() {
        return "+1650253" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
    }
}
