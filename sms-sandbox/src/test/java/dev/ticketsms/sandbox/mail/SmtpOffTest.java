package dev.ticketsms.sandbox.mail;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without {@code sandbox.smtp.port} the sandbox listens for no mail and says so when asked for emails. */
class SmtpOffTest {

    @Test
    void without_a_port_there_is_no_smtp_server_and_the_emails_api_answers_404_naming_the_setting() {
        var smtp = new SandboxSmtp(new SmtpSettings(null, "127.0.0.1"));
        smtp.start();

        assertThat(smtp.isRunning()).isFalse();
        assertThat(smtp.port()).isEmpty();
        assertThatThrownBy(() -> new SandboxEmailsApi(smtp).list(null))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(404);
                    assertThat(e.getBody().getDetail()).contains("sandbox.smtp.port");
                });
    }
}
