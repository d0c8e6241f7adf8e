package dev.ticketsms.localstack;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo team, made through the services' public APIs with tokens from the dev issuer, as a frontend would:
 * members in every state a recipient lookup must handle. Running it again changes nothing: the team's id is kept in
 * {@code .local/demo-team-id} and reused while profile-service knows it; profiles and memberships are set, not added.
 */
final class DemoData {

    /** A member of the demo team; a null phone number means none. */
    record Member(String userId, String name, String phoneNumber, boolean smsNotificationsEnabled, String state) {
    }

    static final String TEAM_NAME = "Demo team";

    static final List<Member> MEMBERS = List.of(
            new Member("alice", "Alice Agent", "+1 415 555 0101", true, "phone, opted in: gets SMS"),
            new Member("bob", "Bob Agent", "+1 415 555 0102", false, "phone, opted out: no SMS"),
            new Member("carol", "Carol Agent", null, true, "no phone: no SMS"));

    /** The demo's own user: in the team, without a profile until the demo sets a phone number. */
    static final Member DEMO_USER = new Member("dana", "Dana Demo", "+1 415 555 0199", true, "you, in the demo below");

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
            call("POST", StackService.PROFILE_SERVICE, "/api/user/profile",
                    issuer.userToken(member.userId(), member.name()), body, 200);
        }
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
