package dev.ticketsms.profile.profiles;

import static dev.ticketsms.profile.web.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ticketsms.profile.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;

/** The settings page's live check of a typed number: the profile's own rules, nothing stored, nothing texted. */
class PhoneNumberCheckApiTest extends IntegrationTest {

    private static final JwtRequestPostProcessor ALICE = user("alice", "Alice Adams");

    @Test
    void aNationalNumberWithItsRegionIsAnsweredAsTheProfileWouldStoreIt() throws Exception {
        check("""
                {"phoneNumber": "0151 12345678", "phoneRegion": "de"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phoneNumber").value("+4915112345678"))
                .andExpect(jsonPath("$.region").value("DE"))
                .andExpect(jsonPath("$.international").value("+49 1511 2345678"));

        assertThat(jdbc.sql("select count(*) from user_profiles").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from phone_verification_codes").query(Long.class).single()).isZero();
    }

    @Test
    void anInternationalNumberNeedsNoRegion() throws Exception {
        check("""
                {"phoneNumber": "+1 (415) 555-0101"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phoneNumber").value("+14155550101"))
                .andExpect(jsonPath("$.region").value("US"));
    }

    @Test
    void aLandlineIsA400NamingPhoneNumberWithTheSameReasonASaveWouldGive() throws Exception {
        String reason = "is a landline, which cannot receive SMS";
        refused("""
                {"phoneNumber": "+44 20 7946 0958"}""", "phoneNumber")
                .andExpect(jsonPath("$.errors[0].message", containsString(reason)));
        mvc.perform(post("/api/user/profile").with(ALICE).contentType(MediaType.APPLICATION_JSON).content("""
                        {"phoneNumber": "+44 20 7946 0958"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString(reason)));
    }

    @Test
    void aNationalNumberWithoutItsRegionAndAnUnknownRegionAreNamed() throws Exception {
        refused("""
                {"phoneNumber": "0151 12345678"}""", "phoneNumber")
                .andExpect(jsonPath("$.errors[0].message", containsString("or come with its phoneRegion")));
        refused("""
                {"phoneNumber": "0151 12345678", "phoneRegion": "Germany"}""", "phoneRegion");
    }

    @Test
    void aBlankNumberIsA400() throws Exception {
        refused("""
                {"phoneNumber": "  "}""", "phoneNumber")
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
    }

    @Test
    void theRegionsNameTheirCountryCodeAndAnExampleMobileNumber() throws Exception {
        mvc.perform(get("/api/phone-numbers/regions").with(ALICE))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age")))
                .andExpect(jsonPath("$.length()", greaterThan(200)))
                .andExpect(jsonPath("$[?(@.code == 'DE')].countryCode").value(contains(49)))
                .andExpect(jsonPath("$[?(@.code == 'DE')].example").value(contains(containsString("+49 15"))));
    }

    @Test
    void bothNeedAToken() throws Exception {
        mvc.perform(get("/api/phone-numbers/regions")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/phone-numbers/check").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    /** A 400 problem whose first error names this field. */
    private ResultActions refused(String json, String field) throws Exception {
        return check(json)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private ResultActions check(String json) throws Exception {
        return mvc.perform(post("/api/phone-numbers/check").with(ALICE).contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
