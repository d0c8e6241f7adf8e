package dev.ticketsms.profile.teams;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Admins create teams (security configuration); admins and the team's owner change its members ({@link Teams}). */
@RestController
@RequestMapping("/api/teams")
@Tag(name = "Teams")
class TeamController {

    private static final String ADMIN = "ROLE_admin";

    private final Teams teams;

    TeamController(Teams teams) {
        this.teams = teams;
    }

    @PostMapping
    @Operation(summary = "Create a team (admins); its owner is ownerId, or the admin who creates it")
    ResponseEntity<TeamResponse> create(@Valid @RequestBody NewTeam request, JwtAuthenticationToken caller,
                                        UriComponentsBuilder uri) {
        String owner = request.ownerId() == null || request.ownerId().isBlank() ? caller.getName() : request.ownerId().strip();
        Team team = teams.create(request.name(), owner);
        return ResponseEntity.created(uri.path("/api/teams/{id}").build(team.id())).body(TeamResponse.of(team));
    }

    @GetMapping("/{id}")
    TeamResponse team(@PathVariable UUID id) {
        return TeamResponse.of(teams.find(id));
    }

    @GetMapping("/{id}/members")
    List<Member> members(@PathVariable UUID id) {
        return teams.memberIds(id).stream().map(Member::new).toList();
    }

    @PutMapping("/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Add a member (admins and the team's owner); adding a member twice changes nothing")
    void addMember(@PathVariable UUID id, @PathVariable @NotBlank @Size(max = 255) String userId, JwtAuthenticationToken caller) {
        teams.addMember(id, userId, manager(caller));
    }

    @DeleteMapping("/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member (admins and the team's owner)")
    void removeMember(@PathVariable UUID id, @PathVariable @NotBlank @Size(max = 255) String userId, JwtAuthenticationToken caller) {
        teams.removeMember(id, userId, manager(caller));
    }

    private static TeamManager manager(JwtAuthenticationToken caller) {
        boolean admin = caller.getAuthorities().stream().anyMatch(authority -> ADMIN.equals(authority.getAuthority()));
        return new TeamManager(caller.getName(), admin);
    }

    @Schema(example = """
            {"name": "Database on-call", "ownerId": "user-7"}""")
    record NewTeam(@NotBlank @Size(max = 100) @Pattern(regexp = "[^\\u0000]*", message = "must not contain the NUL character") String name,
                   @Size(max = 255) @Pattern(regexp = "[^\\u0000]*", message = "must not contain the NUL character") String ownerId) {
    }

    record TeamResponse(UUID id, String name, String ownerId) {

        static TeamResponse of(Team team) {
            return new TeamResponse(team.id(), team.name(), team.ownerId());
        }
    }

    record Member(String userId) {
    }
}
