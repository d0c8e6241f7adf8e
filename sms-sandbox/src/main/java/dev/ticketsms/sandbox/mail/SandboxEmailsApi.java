package dev.ticketsms.sandbox.mail;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What the sandbox's SMTP server received, for tests, tools and the developer. Not part of any provider's API. */
@RestController
@RequestMapping("/sandbox/emails")
class SandboxEmailsApi {

    private final SandboxSmtp smtp;

    SandboxEmailsApi(SandboxSmtp smtp) {
        this.smtp = smtp;
    }

    @GetMapping
    List<SandboxSmtp.ReceivedEmail> list(@RequestParam(required = false) String to) {
        requireRunning();
        return smtp.received(to);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear() {
        requireRunning();
        smtp.clear();
    }

    private void requireRunning() {
        if (smtp.port().isEmpty()) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "The sandbox runs no SMTP server: start it with sandbox.smtp.port (SANDBOX_SMTP_PORT)");
            problem.setTitle("No SMTP server");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
    }
}
