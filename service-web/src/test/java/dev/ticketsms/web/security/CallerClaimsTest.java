package dev.ticketsms.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import dev.ticketsms.web.InputRulesMvc;
import dev.ticketsms.web.problems.InvalidField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

class CallerClaimsTest {

    private final MockMvc mvc = InputRulesMvc.create();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aNameLongerThanItsColumnIsRefusedNamingTheClaimAndTheLimit() throws Exception {
        signIn(token("user-1", "n".repeat(300)));

        mvc.perform(get("/teams/{id}/members", UUID.randomUUID()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 255 characters"))
                .andExpect(jsonPath("$.detail").value("The token's name claim must be at most 255 characters"));
    }

    @Test
    void aSubjectLongerThanItsColumnOrWithANulIsRefused() {
        assertThat(CallerClaims.refusedClaims(token("u".repeat(256), "Ann")))
                .containsExactly(new InvalidField("sub", "must be at most 255 characters"));
        assertThat(CallerClaims.refusedClaims(token("user\u0000", "Ann")))
                .containsExactly(new InvalidField("sub", "must not contain NUL characters"));
    }

    @Test
    void claimsThatFitPassCountingCharactersNotUtf16Units() throws Exception {
        // 255 emoji are 510 UTF-16 units but 255 characters, which is what VARCHAR(255) counts
        assertThat(CallerClaims.refusedClaims(token("user-1", "😀".repeat(255)))).isEmpty();
        signIn(token("user-1", "n".repeat(255)));

        mvc.perform(get("/teams/{id}/members", UUID.randomUUID())).andExpect(status().isOk());
    }

    private static void signIn(Jwt token) {
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
    }

    private static Jwt token(String subject, String name) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject(subject).claim("name", name).build();
    }
}
