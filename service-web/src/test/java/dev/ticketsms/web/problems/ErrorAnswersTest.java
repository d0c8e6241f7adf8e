package dev.ticketsms.web.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import dev.ticketsms.testing.RawHttp;
import dev.ticketsms.web.InputRulesTestController;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Requests the servlet container refuses before any controller sees them, and failures no handler takes, are
 * answered with a problem detail like every other error: a real Tomcat, and requests written byte by byte, since
 * an HTTP client would not send a malformed URL.
 */
@SpringBootTest(classes = ErrorAnswersTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.banner-mode=off")
class ErrorAnswersTest {

    @LocalServerPort
    int port;

    @Test
    void aMalformedEscapeInTheQueryIsAProblemDetail() throws IOException {
        for (String query : new String[] {"a=%zz", "a=%", "a=%e2%82"}) {
            var answer = get("/search?" + query, "application/json");
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.contentType()).as(query).startsWith("application/problem+json");
            assertThat(answer.body()).as(query).contains("\"status\":400", "\"title\":\"Invalid request\"",
                    "a '%' must be followed by two hex digits", "\"errors\":[]");
        }
    }

    @Test
    void aPathTomcatCannotDecodeIsAProblemDetailNotTomcatsHtmlPage() throws IOException {
        var answer = get("/teams/%zz/members", "text/html");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":400", "\"title\":\"Invalid request\"").doesNotContain("<html");
    }

    @Test
    void aPathTheFirewallRefusesIsAProblemDetail() throws IOException {
        var answer = get("/teams/a%2Fb/members", "application/json");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnexpectedFailureIsAProblemDetailThatShowsNothingOfIt() throws IOException {
        var answer = get("/fail/anything-else", "text/html");
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"title\":\"Internal Server Error\"", "Something went wrong on our side")
                .doesNotContain("SELECT", "internals", "trace", "exception");
    }

    @Test
    void ordinaryAnswersAreUntouched() throws IOException {
        var answer = get("/search?a=b%20c", "application/json");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{a=b c}");
    }

    private RawHttp.Answer get(String rawTarget, String accept) throws IOException {
        return RawHttp.get(port, rawTarget, accept);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(InputRulesTestController.class)
    static class App {

        /** As in every service: error dispatches are open, the rest needs its rule. */
        @Bean
        SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
            return http.csrf(csrf -> csrf.disable())
                    .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers("/search", "/teams/**", "/fail/**").permitAll()
                            .anyRequest().denyAll())
                    .build();
        }
    }
}
