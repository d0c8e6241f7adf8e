package dev.ticketsms.localstack;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The demo team, made through the services' public APIs with tokens from the dev issuer, as a frontend would:
 * members in every state a recipient lookup must handle. A member's new number is confirmed as its owner would:
 * the verification code notification-service texted is read from the sandbox's {@code /sandbox/messages} and typed
 * back. Running it again changes nothing: the team's id is kept in {@code .local/demo-team-id} and reused while
 * profile-service knows it; profiles and memberships are set, not added. Dana, the demo's user, starts every run
 * without a number, so the demo below always texts her a fresh code.
 */
final class DemoData {

    /** A member of the demo team; a null phone number means none. */
    record Member(String userId, String name, String phoneNumber, boolean smsNotificationsEnabled, String state) {
    }

    static final String TEAM_NAME = "Demo team";

    static final List<Member> MEMBERS = List.of(
            new Member("alice", "Alice Agent", "+1 415 555 0101", true, "phone verified, opted in: gets SMS"),
            new Member("bob", "Bob Agent", "+1 415 555 0102", false, "phone verified, opted out: no SMS"),
            new Member("carol", "Carol Agent", null, true, "no phone: no SMS"));

    /** The demo's own user: in the team, without a phone number until the demo sets (and confirms) one. */
    static final Member DEMO_USER = new Member("dana", "Dana Demo", "+1 415 555 0199", true, "you, in the demo below");

    /** The code in notification-service's SMS, "Your ticket-sms verification code is 123456. ...". */
    private static final Pattern VERIFICATION_CODE = Pattern.compile("(?i)verification code\\D{0,20}(\\d{6})\\b");

    /** How long a texted code may take to reach the sandbox before a new one is asked for, and then in all. */
    private static final Duration CODE_FIRST_WAIT = Duration.ofSeconds(15);
    private static final Duration CODE_WAIT = Duration.ofSeconds(45);
    private static final Duration CODE_POLL = Duration.ofMillis(250);

    private final DevTokenIssuer issuer;
    private final HttpClient http;
    private final Path teamIdFile;

    DemoData(DevTokenIssuer issuer, HttpClient http, Path teamIdFile) {
        this.issuer = issuer;
        this.http = http;
        this.teamIdFile = teamIdFile;
    }

    /** Creates or updates the demo data; returns the demo team's id. */
    UUID apply() throws IOException, InterruptedException {
        for (Member member : MEMBERS) {
            String body = member.phoneNumber() == null
                    ? "{\"phoneNumber\":null,\"smsNotificationsEnabled\":%s}".formatted(member.smsNotificationsEnabled())
                    : "{\"phoneNumber\":\"%s\",\"smsNotificationsEnabled\":%s}".formatted(member.phoneNumber(),
                    member.smsNotificationsEnabled());
            String token = issuer.userToken(member.userId(), member.name());
            Set<String> earlierCodes = codeSids(e164(member));
            Map<String, Object> saved = call("POST", StackService.PROFILE_SERVICE, "/api/user/profile", token, body, 200);
            if ("UNVERIFIED".equals(saved.get("phoneNumberStatus"))) {
                confirm(token, (String) saved.get("phoneNumber"), earlierCodes);
            }
        }
        call("POST", StackService.PROFILE_SERVICE, "/api/user/profile",
                issuer.userToken(DEMO_USER.userId(), DEMO_USER.name()), "{\"phoneNumber\":null}", 200);
        String admin = issuer.userToken("demo-admin", "Ada Admin", "admin");
        UUID team = existingTeam(admin).orElse(null);
        if (team == null) {
            Map<String, Object> created = call("POST", StackService.PROFILE_SERVICE, "/api/teams", admin,
                    "{\"name\":\"" + TEAM_NAME + "\"}", 201);
            team = UUID.fromString((String) created.get("id"));
            Files.createDirectories(teamIdFile.getParent());
            Files.writeString(teamIdFile, team + "\n");
        }
        for (Member member : MEMBERS) {
            call("PUT", StackService.PROFILE_SERVICE, "/api/teams/" + team + "/members/" + member.userId(), admin, null, 204);
        }
        call("PUT", StackService.PROFILE_SERVICE, "/api/teams/" + team + "/members/" + DEMO_USER.userId(), admin, null, 204);
        return team;
    }

    /**
     * Types back the code texted to {@code phone}: the first one that was not in the sandbox before the save; if none
     * arrives (a code from an earlier run the sandbox no longer holds), a new one is asked for.
     */
    private void confirm(String token, String phone, Set<String> earlierCodes) throws IOException, InterruptedException {
        Optional<String> code = awaitCode(phone, earlierCodes, CODE_FIRST_WAIT);
        if (code.isEmpty()) {
            Set<String> before = codeSids(phone);
            call("POST", StackService.PROFILE_SERVICE, "/api/user/profile/phone-verification/resend", token, null, 202);
            code = awaitCode(phone, before, CODE_WAIT);
        }
        String typed = code.orElseThrow(() -> new IllegalStateException(("no verification code reached %s in the "
                + "sandbox within %d s: notification-service texts them from profile-service's PhoneVerificationRequested")
                .formatted(phone, (CODE_FIRST_WAIT.plus(CODE_WAIT)).toSeconds())));
        call("POST", StackService.PROFILE_SERVICE, "/api/user/profile/phone-verification", token,
                "{\"code\":\"" + typed + "\"}", 200);
    }

    private Optional<String> awaitCode(String phone, Set<String> earlier, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Map<String, Object> message : codeMessages(phone)) {
                if (!earlier.contains((String) message.get("sid"))) {
                    Matcher code = VERIFICATION_CODE.matcher((String) message.get("body"));
                    if (code.find()) {
                        return Optional.of(code.group(1));
                    }
                }
            }
            Thread.sleep(CODE_POLL);
        }
        return Optional.empty();
    }

    private Set<String> codeSids(String phone) throws IOException, InterruptedException {
        if (phone == null) {
            return Set.of();
        }
        return codeMessages(phone).stream().map(message -> (String) message.get("sid")).collect(Collectors.toSet());
    }

    /** Verification codes the sandbox received for {@code phone}, newest first. */
    private List<Map<String, Object>> codeMessages(String phone) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(StackService.SMS_SANDBOX.baseUrl() + "/sandbox/messages?to="
                        + URLEncoder.encode(phone, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /sandbox/messages answered " + response.statusCode() + ": " + response.body());
        }
        try {
            var messages = new ArrayList<Map<String, Object>>();
            for (Object message : JSONArrayUtils.parse(response.body())) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) message;
                if (fields.get("body") instanceof String body && VERIFICATION_CODE.matcher(body).find()) {
                    messages.add(fields);
                }
            }
            return messages.reversed();
        } catch (ParseException e) {
            throw new IllegalStateException("GET /sandbox/messages answered something other than a JSON list", e);
        }
    }

    /** The member's number as the sandbox shows it (E.164); null without one. */
    private static String e164(Member member) {
        return member.phoneNumber() == null ? null : member.phoneNumber().replaceAll("[^+0-9]", "");
    }

    private Optional<UUID> existingTeam(String token) throws IOException, InterruptedException {
        if (!Files.exists(teamIdFile)) {
            return Optional.empty();
        }
        UUID remembered;
        try {
            remembered = UUID.fromString(Files.readString(teamIdFile).strip());
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        HttpResponse<String> response = send("GET", StackService.PROFILE_SERVICE, "/api/teams/" + remembered, token, null);
        return response.statusCode() == 200 ? Optional.of(remembered) : Optional.empty();
    }

    private Map<String, Object> call(String method, StackService service, String path, String token, String json,
                                     int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, service, path, token, json);
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException("%s %s%s answered %d, not %d: %s".formatted(method, service.baseUrl(), path,
                    response.statusCode(), expectedStatus, response.body()));
        }
        try {
            return response.body().isBlank() ? Map.of() : JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new IllegalStateException(method + " " + path + " answered something other than JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> send(String method, StackService service, String path, String token, String json)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
