package dev.ticketsms.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A sandbox on a random port whose carrier and webhook retries run in milliseconds, shared by the tests
 * of callbacks, faults, inbound messages and the SMTP server (one application context for all of them).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sandbox.callbacks.delay=10ms", "sandbox.webhooks.retry-backoff=10ms", "sandbox.webhooks.timeout=2s",
        "sandbox.smtp.port=0"})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public @interface SandboxTest {
}
