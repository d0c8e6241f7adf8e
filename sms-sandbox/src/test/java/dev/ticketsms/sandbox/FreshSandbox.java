package dev.ticketsms.sandbox;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A {@link SandboxTest} that starts every test with no messages and no faults, and an HTTP client for it. */
@SandboxTest
public abstract class FreshSandbox {

    @LocalServerPort
    protected int port;

    @Autowired
    protected SandboxProperties sandbox;

    protected SandboxHttp http;

    @BeforeEach
    void forgetMessagesAndFaults() {
        http = new SandboxHttp(port);
        http.delete("/sandbox/messages");
        http.delete("/sandbox/faults");
    }
}
