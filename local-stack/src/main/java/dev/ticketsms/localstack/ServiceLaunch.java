package dev.ticketsms.localstack;

import dev.ticketsms.localstack.StackOptions.SmsTarget;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the stack starts the sandbox, each service and the console: {@code java -jar} of its runnable jar with the stack's addresses
 * as {@code --name=value} arguments, which win over any environment variable the developer happens to have set.
 */
record ServiceLaunch(Path root, String javaCommand, DevTokenIssuer issuer, SmsTarget smsTarget) {

    static final String SERVICE_CLIENT_ID = "notification-service";
    static final String SERVICE_CLIENT_SECRET = "dev-secret";
    /** ticket-service's client for profile-service's membership answer (scope {@code teams:membership}). */
    static final String TICKET_SERVICE_CLIENT_ID = "ticket-service";
    static final String TICKET_SERVICE_CLIENT_SECRET = "dev-secret";
    static final String SANDBOX_ACCOUNT_SID = "AC00000000000000000000000000000000";
    static final String SANDBOX_AUTH_TOKEN = "sandbox-auth-token";
    static final String SANDBOX_SENDER = "+15005550006";
    /** The sandbox's SMTP server (with the sandbox only): notification-service's email channel sends there. */
    static final int SANDBOX_SMTP_PORT = 3025;

    List<String> command(StackService service) {
        var command = new ArrayList<>(List.of(javaCommand));
        command.addAll(JvmFlags.SERVICE);
        command.addAll(List.of("-jar", jar(service).toString(),
                "--server.port=" + service.port(),
                "--server.address=127.0.0.1"));
        properties(service).forEach((name, value) -> command.add("--" + name + "=" + value));
        return command;
    }

    /**
     * With the sandbox, no Twilio credential or address from the launcher's environment reaches any child; the
     * sender's pace and concurrency ({@code TWILIO_MESSAGES_PER_SECOND}, {@code TWILIO_MAX_CONCURRENT_SENDS}) do, so
     * the local stack can be tried at another rate.
     */
    void environment(Map<String, String> environment) {
        environment.putAll(JvmFlags.ENVIRONMENT);
        if (smsTarget == SmsTarget.SANDBOX) {
            environment.keySet().removeIf(name -> name.startsWith("TWILIO_") && !SENDER_PACE.contains(name));
        }
    }

    private static final java.util.Set<String> SENDER_PACE = java.util.Set.of("TWILIO_MESSAGES_PER_SECOND", "TWILIO_MAX_CONCURRENT_SENDS");

    private Map<String, String> properties(StackService service) {
        var properties = new LinkedHashMap<String, String>();
        if (service.database() != null) {
            // the development values (application-local.yaml); the addresses below still win over them
            properties.put("spring.profiles.active", "local");
            properties.put("spring.datasource.url", LocalPostgres.jdbcUrl(service.database()));
            properties.put("spring.datasource.username", LocalPostgres.USER);
            properties.put("spring.datasource.password", LocalPostgres.PASSWORD);
            properties.put("spring.kafka.bootstrap-servers", KafkaBroker.BOOTSTRAP_SERVERS);
            properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer.jwksUri().toString());
            properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer());
        }
        switch (service) {
            case SMS_SANDBOX -> {
                properties.put("sandbox.account-sid", SANDBOX_ACCOUNT_SID);
                properties.put("sandbox.auth-token", SANDBOX_AUTH_TOKEN);
                // a reply such as STOP simulated at the sandbox reaches notification-service as Twilio would post it
                properties.put("sandbox.inbound-webhook-url",
                        StackService.NOTIFICATION_SERVICE.baseUrl() + "/webhooks/twilio/inbound");
                if (smsTarget == SmsTarget.SANDBOX) {
                    // the mail catcher: what the email channel sends is read at /sandbox/emails
                    properties.put("sandbox.smtp.port", String.valueOf(SANDBOX_SMTP_PORT));
                    properties.put("sandbox.smtp.host", "127.0.0.1");
                }
            }
            case TICKET_SERVICE -> {
                // asked when the membership replica has not seen a change yet (read-your-writes)
                properties.put("tickets.profile-service.base-url", StackService.PROFILE_SERVICE.baseUrl());
                properties.put("spring.security.oauth2.client.registration.profile-service.client-id", TICKET_SERVICE_CLIENT_ID);
                properties.put("spring.security.oauth2.client.registration.profile-service.client-secret", TICKET_SERVICE_CLIENT_SECRET);
                properties.put("spring.security.oauth2.client.provider.identity.token-uri", issuer.oauth2TokenUri().toString());
            }
            case NOTIFICATION_SERVICE -> {
                properties.put("notifications.profile-service.base-url", StackService.PROFILE_SERVICE.baseUrl());
                // members' SMS commands (RESOLVE 1234); the same client, a token of scope tickets:sms-commands
                properties.put("notifications.ticket-service.base-url", StackService.TICKET_SERVICE.baseUrl());
                // the link in every SMS opens the ticket in the console (after signing in)
                properties.put("notifications.templates.ticket-url-template",
                        StackService.WEB_CONSOLE.baseUrl() + "/#/tickets/{ticketId}");
                properties.put("spring.security.oauth2.client.registration.profile-service.client-id", SERVICE_CLIENT_ID);
                properties.put("spring.security.oauth2.client.registration.profile-service.client-secret", SERVICE_CLIENT_SECRET);
                properties.put("spring.security.oauth2.client.provider.identity.token-uri", issuer.oauth2TokenUri().toString());
                if (smsTarget == SmsTarget.SANDBOX) {
                    properties.put("twilio.account-sid", SANDBOX_ACCOUNT_SID);
                    properties.put("twilio.auth-token", SANDBOX_AUTH_TOKEN);
                    properties.put("twilio.phone-number", SANDBOX_SENDER);
                    properties.put("twilio.messaging-service-sid", "");
                    properties.put("twilio.api-base-url", StackService.SMS_SANDBOX.baseUrl());
                    // the sandbox can reach this machine, so it sends status callbacks; real Twilio could not
                    properties.put("notifications.webhooks.public-base-url", StackService.NOTIFICATION_SERVICE.baseUrl());
                    // emails too stay on this machine; with Twilio, SPRING_MAIL_* of the environment name a real server
                    properties.put("spring.mail.host", "127.0.0.1");
                    properties.put("spring.mail.port", String.valueOf(SANDBOX_SMTP_PORT));
                }
            }
            case WEB_CONSOLE -> {
                properties.put("console.ticket-service", StackService.TICKET_SERVICE.baseUrl());
                properties.put("console.profile-service", StackService.PROFILE_SERVICE.baseUrl());
                properties.put("console.notification-service", StackService.NOTIFICATION_SERVICE.baseUrl());
                // the sign-in form asks this issuer for a token, as the demo's curl does
                properties.put("console.dev-identity", issuer.issuer());
                if (smsTarget == SmsTarget.SANDBOX) {
                    // the profile page shows the sandbox's messages to the user's number as their phone; with Twilio
                    // the SMS reach real phones and the sandbox holds none of them
                    properties.put("console.sms-sandbox", StackService.SMS_SANDBOX.baseUrl());
                }
            }
            default -> {
            }
        }
        return properties;
    }

    private Path jar(StackService service) {
        try {
            return service.runnableJar(root);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + root.resolve(service.module()).resolve("target"), e);
        }
    }
}
