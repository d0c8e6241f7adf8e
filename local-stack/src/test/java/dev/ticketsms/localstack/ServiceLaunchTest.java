package dev.ticketsms.localstack;

import dev.ticketsms.localstack.StackOptions.SmsTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each child process is started with: the settings a developer would otherwise have to get right by hand. */
class ServiceLaunchTest {

    private static DevTokenIssuer issuer;

    @TempDir
    Path root;

    @BeforeAll
    static void startIssuer() throws Exception {
        issuer = DevTokenIssuer.start(0, Map.of());
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Test
    void aServiceRunsItsRunnableJarOnItsFixedLoopbackPortAgainstTheStacksDatabaseKafkaAndIssuer() throws Exception {
        Path jar = runnableJar("ticket-service");

        List<String> command = new ServiceLaunch(root, "java", issuer, SmsTarget.SANDBOX).command(StackService.TICKET_SERVICE);

        assertThat(command).containsSequence("-jar", jar.toString())
                .contains("--server.port=8081", "--server.address=127.0.0.1", "--spring.profiles.active=local",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5433/tickets",
                        "--spring.kafka.bootstrap-servers=127.0.0.1:9092",
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuer(),
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwksUri(),
                        "--tickets.profile-service.base-url=http://127.0.0.1:8082",
                        "--spring.security.oauth2.client.registration.profile-service.client-id=ticket-service",
                        "--spring.security.oauth2.client.provider.identity.token-uri=" + issuer.oauth2TokenUri());
    }

    @Test
    void withTheSandboxNotificationServiceSendsThereWithTheSandboxsCredentials() throws Exception {
        runnableJar("notification-service");

        List<String> command = new ServiceLaunch(root, "java", issuer, SmsTarget.SANDBOX).command(StackService.NOTIFICATION_SERVICE);

        assertThat(command).contains("--twilio.api-base-url=http://127.0.0.1:8090",
                "--twilio.account-sid=" + ServiceLaunch.SANDBOX_ACCOUNT_SID,
                "--twilio.auth-token=" + ServiceLaunch.SANDBOX_AUTH_TOKEN,
                "--spring.security.oauth2.client.provider.identity.token-uri=" + issuer.oauth2TokenUri(),
                "--notifications.templates.ticket-url-template=http://127.0.0.1:8080/#/tickets/{ticketId}");
    }

    @Test
    void withTheSandboxEmailGoesToTheSandboxsSmtpServer() throws Exception {
        runnableJar("notification-service");
        runnableJar("sms-sandbox");
        var launch = new ServiceLaunch(root, "java", issuer, SmsTarget.SANDBOX);

        assertThat(launch.command(StackService.SMS_SANDBOX)).contains("--sandbox.smtp.port=3025", "--sandbox.smtp.host=127.0.0.1");
        assertThat(launch.command(StackService.NOTIFICATION_SERVICE))
                .contains("--spring.mail.host=127.0.0.1", "--spring.mail.port=3025");
    }

    @Test
    void withTwilioEmailGoesWhereTheEnvironmentSaysAndTheSandboxListensForNoMail() throws Exception {
        runnableJar("notification-service");
        runnableJar("sms-sandbox");
        var launch = new ServiceLaunch(root, "java", issuer, SmsTarget.TWILIO_FROM_ENVIRONMENT);

        assertThat(launch.command(StackService.SMS_SANDBOX)).noneMatch(argument -> argument.startsWith("--sandbox.smtp"));
        assertThat(launch.command(StackService.NOTIFICATION_SERVICE)).noneMatch(argument -> argument.startsWith("--spring.mail"));
    }

    @Test
    void withTheSandboxNoTwilioCredentialReachesAChildButTheSendersPaceDoes() {
        Map<String, String> environment = new HashMap<>(Map.of("TWILIO_AUTH_TOKEN", "real", "TWILIO_ACCOUNT_SID", "AC1",
                "TWILIO_API_BASE_URL", "https://api.twilio.com", "TWILIO_MESSAGES_PER_SECOND", "20",
                "TWILIO_MAX_CONCURRENT_SENDS", "32", "HOME", "/root"));

        new ServiceLaunch(root, "java", issuer, SmsTarget.SANDBOX).environment(environment);

        assertThat(environment).containsOnlyKeys("HOME", "TWILIO_MESSAGES_PER_SECOND", "TWILIO_MAX_CONCURRENT_SENDS",
                "MALLOC_ARENA_MAX");
    }

    @Test
    void withTwilioTheServiceReadsTheTwilioVariablesAndNoArgumentOverridesThem() throws Exception {
        runnableJar("notification-service");
        var launch = new ServiceLaunch(root, "java", issuer, SmsTarget.TWILIO_FROM_ENVIRONMENT);
        Map<String, String> environment = new HashMap<>(Map.of("TWILIO_AUTH_TOKEN", "real"));

        launch.environment(environment);

        assertThat(launch.command(StackService.NOTIFICATION_SERVICE)).noneMatch(argument -> argument.startsWith("--twilio."));
        assertThat(environment).containsEntry("TWILIO_AUTH_TOKEN", "real");
    }

    @Test
    void theConsoleForwardsToTheServicesSignsInAtTheIssuerAndShowsTheSandboxAsThePhone() throws Exception {
        Path jar = runnableJar("web-console");

        List<String> command = new ServiceLaunch(root, "java", issuer, SmsTarget.SANDBOX).command(StackService.WEB_CONSOLE);

        assertThat(command).containsSequence("-jar", jar.toString())
                .contains("--server.port=8080", "--server.address=127.0.0.1",
                        "--console.ticket-service=http://127.0.0.1:8081",
                        "--console.profile-service=http://127.0.0.1:8082",
                        "--console.notification-service=http://127.0.0.1:8083",
                        "--console.dev-identity=" + issuer.issuer(),
                        "--console.sms-sandbox=http://127.0.0.1:8090")
                .noneMatch(argument -> argument.startsWith("--spring.profiles.active"));
    }

    @Test
    void withTwilioTheConsoleShowsNoSandboxPhone() throws Exception {
        runnableJar("web-console");

        List<String> command = new ServiceLaunch(root, "java", issuer, SmsTarget.TWILIO_FROM_ENVIRONMENT)
                .command(StackService.WEB_CONSOLE);

        assertThat(command).noneMatch(argument -> argument.startsWith("--console.sms-sandbox"));
    }

    @Test
    void aMissingJarIsReportedWithHowToBuildIt() {
        assertThatThrownBy(() -> new ServiceLaunch(root, "java", issuer, SmsTarget.SANDBOX).command(StackService.SMS_SANDBOX))
                .hasMessageContaining("No runnable jar").hasMessageContaining("sms-sandbox");
    }

    private Path runnableJar(String module) throws Exception {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
        Files.createDirectories(jar.getParent());
        return Files.createFile(jar);
    }
}
