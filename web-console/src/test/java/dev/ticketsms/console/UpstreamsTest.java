package dev.ticketsms.console;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpstreamsTest {

    private static final URI TICKETS = URI.create("http://tickets:8081");
    private static final URI PROFILES = URI.create("http://profiles:8082");
    private static final URI NOTIFICATIONS = URI.create("http://notifications:8083");

    @Test
    void withoutTheDevIssuerAndTheSandboxNeitherIsOfferedNorForwarded() {
        var upstreams = new Upstreams(new ConsoleProperties(TICKETS, PROFILES, NOTIFICATIONS, null, null,
                Duration.ofSeconds(10), DataSize.ofKilobytes(256)));

        assertThat(upstreams.devSignIn()).isFalse();
        assertThat(upstreams.sandbox()).isFalse();
        assertThat(upstreams.target("/dev/token", null)).isEmpty();
        assertThat(upstreams.target("/sandbox/messages", "to=%2B1")).isEmpty();
        assertThat(upstreams.target("/api/notifications", "ticketId=1")).hasValueSatisfying(target ->
                assertThat(target.uri()).isEqualTo(URI.create("http://notifications:8083/api/notifications?ticketId=1")));
    }

    @Test
    void theConsoleDoesNotStartWithoutTheServicesItForwardsTo() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(WebConsoleApplication.class)
                .run("--server.port=0", "--console.profile-service=http://127.0.0.1:8082").close())
                .rootCause()
                .hasMessageContaining("ticketService");
    }
}
