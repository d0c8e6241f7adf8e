package dev.ticketsms.sandbox.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * An SMTP server (GreenMail) that accepts every message for any address, without authentication, and keeps it in
 * memory until {@link #clear()}: what notification-service's email channel sends in the local stack can be read back
 * at {@code GET /sandbox/emails}. Never a mail server for real users: it delivers nothing.
 */
@Component
public class SandboxSmtp implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SandboxSmtp.class);

    /** A message the server received, as the sandbox's API shows it. */
    public record ReceivedEmail(String from, List<String> to, String subject, String body, Instant sentAt) {
    }

    private final SmtpSettings settings;
    private volatile GreenMail server;
    private volatile int port;

    SandboxSmtp(SmtpSettings settings) {
        this.settings = settings;
    }

    /** The port it listens on, while it runs. */
    public Optional<Integer> port() {
        return server == null ? Optional.empty() : Optional.of(port);
    }

    /** Every message received, oldest first; with {@code to}, only those addressed to it (case-insensitive). */
    public List<ReceivedEmail> received(String to) {
        GreenMail running = server;
        if (running == null) {
            return List.of();
        }
        return Arrays.stream(running.getReceivedMessages())
                .map(SandboxSmtp::read)
                // GreenMail files a copy in each recipient's mailbox: one entry per message
                .distinct()
                .filter(email -> to == null || email.to().stream().anyMatch(to::equalsIgnoreCase))
                .toList();
    }

    /** Forgets every message received. */
    public void clear() {
        GreenMail running = server;
        if (running != null) {
            try {
                running.purgeEmailFromAllMailboxes();
            } catch (FolderException e) {
                throw new IllegalStateException("The SMTP server's mailboxes could not be emptied", e);
            }
        }
    }

    @Override
    public void start() {
        if (settings.port() == null) {
            return;
        }
        port = settings.port() == 0 ? freePort() : settings.port();
        var setup = new ServerSetup(port, settings.host(), ServerSetup.PROTOCOL_SMTP);
        var started = new GreenMail(setup);
        started.start();
        server = started;
        log.info("SMTP server listening on {}:{} (every message is kept, none delivered)", settings.host(), port);
    }

    @Override
    public void stop() {
        GreenMail running = server;
        server = null;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    private int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName(settings.host()))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the SMTP server on " + settings.host(), e);
        }
    }

    private static ReceivedEmail read(MimeMessage message) {
        try {
            Object content = message.getContent();
            String body = content instanceof String text ? text : String.valueOf(content);
            return new ReceivedEmail(addresses(message.getFrom()).findFirst().orElse(null),
                    addresses(message.getRecipients(Message.RecipientType.TO)).toList(), message.getSubject(),
                    body.replace("\r\n", "\n").strip(), message.getSentDate() == null ? null : message.getSentDate().toInstant());
        } catch (MessagingException e) {
            throw new IllegalStateException("A received message could not be read", e);
        } catch (IOException e) {
            throw new UncheckedIOException("A received message could not be read", e);
        }
    }

    private static Stream<String> addresses(Address[] addresses) {
        return addresses == null ? Stream.empty() : Arrays.stream(addresses).map(address ->
                address instanceof InternetAddress internet ? internet.getAddress() : address.toString());
    }
}
