package dev.ticketsms.profile.teams;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Who may create teams and change membership is decided in the security configuration (role admin). */
@RestController
@RequestMapping("/api/teams")
class TeamController {

    private final Teams teams;

    TeamController(Teams teams) {
        this.teams = teams;
    }

    @PostMapping
    ResponseEntity<TeamResponse> create(@Valid @RequestBody NewTeam request, UriComponentsBuilder uri) {
        Team team = teams.create(request.name());
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
    void addMember(@PathVariable UUID id, @PathVariable @Size(max = 255) String userId) {
        teams.addMember(id, userId);
    }

    @DeleteMapping("/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(@PathVariable UUID id, @PathVariable @Size(max = 255) String userId) {
        teams.removeMember(id, userId);
    }

    @ExceptionHandler
    ProblemDetail unknownTeam(UnknownTeamException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Team not found");
        return problem;
    }

    record NewTeam(@NotBlank @Size(max = 100) @Pattern(regexp = "[^\\u0000]*", message = "must not contain the NUL character") String name) {
    }

    record TeamResponse(UUID id, String name) {

        static TeamResponse of(Team team) {
            return new TeamResponse(team.id(), team.name());
        }
    }

    record Member(String userId) {
    }
}
