package dev.ticketsms.localstack;

import dev.ticketsms.localstack.StackOptions.SmsTarget;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/** What the launcher prints once everything is healthy: where things are, what they cost, and a demo to paste. */
record ReadyReport(Duration startUp, StackOptions options, UUID demoTeam, Map<String, OptionalLong> residentMemory) {

    /** The README's demo, word for word: run from the repository root while the stack runs. */
    static final String DEMO = """
            # 1. a token for Dana, a member of the demo team (the dev issuer signs any user id, name and roles)
            TOKEN=$(curl -s http://127.0.0.1:9000/token -H 'Content-Type: application/json' \\
              -d '{"sub":"dana","name":"Dana Demo","roles":[]}' | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')

            # 2. Dana's phone number, opted in to SMS: it shows "phoneNumberStatus":"UNVERIFIED" and gets a code by SMS
            curl -s http://127.0.0.1:8082/api/user/profile -H "Authorization: Bearer $TOKEN" \\
              -H 'Content-Type: application/json' -d '{"phoneNumber":"+1 415 555 0199","smsNotificationsEnabled":true}'; echo

            # 3. Dana reads the code on her phone (here: the sandbox) and types it back; until then her number gets nothing else
            sleep 3; CODE=$(curl -s 'http://127.0.0.1:8090/sandbox/messages?to=%2B14155550199' \\
              | sed -E 's/.*verification code is ([0-9]{6}).*/\\1/')
            curl -s http://127.0.0.1:8082/api/user/profile/phone-verification -H "Authorization: Bearer $TOKEN" \\
              -H 'Content-Type: application/json' -d '{"code":"'"$CODE"'"}'; echo

            # 4. a ticket for the demo team: its opted-in members with a verified phone (alice, dana) get an SMS
            TICKET=$(curl -s http://127.0.0.1:8081/api/tickets -H "Authorization: Bearer $TOKEN" \\
              -H 'Content-Type: application/json' -d '{"title":"Database Connection Issue","description":"Connection pool exhausted",
              "severity":"HIGH","category":"Technical","teamId":"'"$(cat .local/demo-team-id)"'"}' | sed -E 's/.*"id":"([^"]+)".*/\\1/')
            echo "ticket $TICKET"

            # 5. Dana starts working on it: the team hears of the status change
            curl -s -X PATCH "http://127.0.0.1:8081/api/tickets/$TICKET/status" -H "Authorization: Bearer $TOKEN" \\
              -H 'Content-Type: application/json' -d '{"status":"IN_PROGRESS"}'; echo

            # 6. the SMS Dana's phone got, as the sandbox received them (or open http://127.0.0.1:8090/sandbox/inbox); a status
            #    change waits 10 s for further changes of the ticket (they would become one SMS), so give it 15
            sleep 15; curl -s 'http://127.0.0.1:8090/sandbox/messages?to=%2B14155550199'; echo
            """;

    String text() {
        var text = new StringBuilder();
        text.append("\nready in %.1f s\n\n".formatted(startUp.toMillis() / 1000.0));
        text.append("""
                  web console           http://127.0.0.1:8080   (sign in with any user id, e.g. dana; tick admin for team admin)
                  ticket-service        http://127.0.0.1:8081   (API docs: /v3/api-docs, health: /actuator/health)
                  profile-service       http://127.0.0.1:8082
                  notification-service  http://127.0.0.1:8083
                  sms-sandbox           http://127.0.0.1:8090   (messages: /sandbox/messages, inbox: /sandbox/inbox)
                  token issuer          http://127.0.0.1:9000   (POST /token, GET /.well-known/jwks.json, POST /oauth2/token)
                  Kafka                 127.0.0.1:9092          (KRaft; topics tickets.events.v1, its -dlt, profiles.events.v1)
                  PostgreSQL            127.0.0.1:5433          (databases tickets, profiles, notifications; postgres/postgres)
                """);
        text.append(options.smsTarget() == SmsTarget.SANDBOX
                ? """
                  SMS go to             the sms-sandbox (nothing leaves this machine)
                  email goes to         the sandbox's SMTP server, 127.0.0.1:3025 (read it at /sandbox/emails)
                  Slack                 point a team's SLACK_WEBHOOKS entry at http://127.0.0.1:8090/sandbox/slack/<channel>
                                        (posts: /sandbox/slack/messages)
                """
                : "  SMS go to             Twilio, as configured by TWILIO_* (real messages, real charges)\n");
        text.append("\nResident memory:\n");
        residentMemory.forEach((name, kibibytes) ->
                text.append("  %-48s %8s%n".formatted(name, ResidentMemory.describe(kibibytes))));
        text.append("\nLogs are in .local/logs/, data in .local/ (delete .local/ for a fresh start).\n");
        if (demoTeam != null) {
            text.append("\nDemo team %s (its id is in .local/demo-team-id):\n".formatted(demoTeam));
            DemoData.MEMBERS.forEach(member -> text.append("  %-6s %s%n".formatted(member.userId(), member.state())));
            text.append("  %-6s %s%n".formatted(DemoData.DEMO_USER.userId(), DemoData.DEMO_USER.state()));
            text.append("\nTry it from the repository root in another terminal:\n\n").append(DEMO);
            if (options.smsTarget() == SmsTarget.TWILIO_FROM_ENVIRONMENT) {
                text.append("""
                        (With Twilio, put your own mobile number in step 2: the SMS arrive on your phone, and alice's \
                        test number costs an attempt.)
                        """);
            }
        }
        text.append("\nCtrl-C stops everything.\n");
        return text.toString();
    }
}
