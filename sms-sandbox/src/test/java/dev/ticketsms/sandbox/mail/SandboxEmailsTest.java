package dev.ticketsms.sandbox.mail;

import java.util.Properties;

import dev.ticketsms.sandbox.FreshSandbox;
import dev.ticketsms.sandbox.SandboxTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@SandboxTest
class SandboxEmailsTest extends FreshSandbox {

    @Autowired
    SandboxSmtp smtp;

    @BeforeEach
    void forgetEmails() {
        assertThat(http.delete("/sandbox/emails").status()).isEqualTo(204);
    }

    @Test
    void an_email_sent_over_smtp_is_listed_once_with_its_sender_recipients_subject_and_body() throws Exception {
        send("dana@example.com", "Ticket #7 is in progress", "Title: Printer\r\nStatus: In progress");
        send("erin@example.com", "Another", "for Erin");

        var all = http.get("/sandbox/emails", null);
        var forDana = http.get("/sandbox/emails?to=DANA@example.com", null);

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().size()).isEqualTo(2);
        assertThat(forDana.json().size()).isEqualTo(1);
        var email = forDana.json().get(0);
        assertThat(email.get("from").asString()).isEqualTo("notifications@ticket-sms.invalid");
        assertThat(email.get("to").get(0).asString()).isEqualTo("dana@example.com");
        assertThat(email.get("subject").asString()).isEqualTo("Ticket #7 is in progress");
        assertThat(email.get("body").asString()).isEqualTo("Title: Printer\nStatus: In progress");
    }

    @Test
    void a_message_to_two_recipients_is_one_entry_and_a_delete_forgets_everything() throws Exception {
        MimeMessage message = message("Both", "for both");
        message.setRecipients(Message.RecipientType.TO, "a@example.com, b@example.com");
        Transport.send(message);

        assertThat(http.get("/sandbox/emails", null).json().size()).isEqualTo(1);
        assertThat(http.get("/sandbox/emails?to=b@example.com", null).json().get(0).get("to").size()).isEqualTo(2);

        http.delete("/sandbox/emails");
        assertThat(http.get("/sandbox/emails", null).json().size()).isZero();
    }

    private void send(String to, String subject, String body) throws MessagingException {
        MimeMessage message = message(subject, body);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        Transport.send(message);
    }

    private MimeMessage message(String subject, String body) throws MessagingException {
        var properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtp.port().orElseThrow()));
        var message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("notifications@ticket-sms.invalid"));
        message.setSubject(subject);
        message.setText(body);
        return message;
    }
}
