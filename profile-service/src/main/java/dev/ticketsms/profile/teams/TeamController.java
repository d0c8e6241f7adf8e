package dev.ticketsms.profile.teams;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import dev.ticketsms.web.problems.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
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

/**
 * Admins create teams (security configuration); admins and the team's owner change its members, where the owner's
 * choice of someone else is an invitation that user accepts ({@link Teams}).
 */
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
    @Operation(summary = "The team (its members, its owner, admins and users invited to it; 403 for anyone else)")
    TeamResponse team(@PathVariable UUID id, JwtAuthenticationToken caller) {
        return TeamResponse.of(teams.find(id, manager(caller)));
    }

    @GetMapping("/{id}/members")
    @Operation(summary = "Who is in the team (its members, its owner and admins; 403 for anyone else)")
    List<Member> members(@PathVariable UUID id, JwtAuthenticationToken caller) {
        return teams.memberIds(id, manager(caller)).stream().map(Member::new).toList();
    }

    @PutMapping("/{id}/members/{userId}")
    @Operation(summary = "Add a member (admins and the team's owner)",
            description = "An admin, or an owner adding themself, makes a member at once (204). The owner's choice of "
                    + "anyone else is an invitation (202): that user becomes a member, and is texted about the team's "
                    + "tickets, only once they accept it. Asking twice changes nothing.")
    @ApiResponse(responseCode = "204", description = "The user is a member")
    @ApiResponse(responseCode = "202", description = "The user is invited; POST /api/teams/{id}/invitations/accept as "
            + "that user makes them a member")
    ResponseEntity<Void> addMember(@PathVariable UUID id, @PathVariable @NotBlank @Size(max = 255) String userId,
                                   JwtAuthenticationToken caller) {
        return switch (teams.addMember(id, userId, manager(caller))) {
            case MEMBER -> ResponseEntity.noContent().build();
            case INVITED -> ResponseEntity.accepted().build();
        };
    }

    @GetMapping("/{id}/invitations")
    @Operation(summary = "Invitations not yet accepted (admins and the team's owner)")
    List<InvitationResponse> invitations(@PathVariable UUID id, JwtAuthenticationToken caller) {
        return teams.invitationsTo(id, manager(caller)).stream().map(InvitationResponse::of).toList();
    }

    @PostMapping("/{id}/invitations/accept")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Accept the caller's invitation: they become a member",
            description = "404 \"Invitation not found\" when the caller has none for this team; accepting again is a no-op.")
    void accept(@PathVariable UUID id, JwtAuthenticationToken caller) {
        teams.acceptInvitation(id, caller.getName());
    }

    @PostMapping("/{id}/invitations/decline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Decline the caller's invitation; nothing changes when there is none")
    void decline(@PathVariable UUID id, JwtAuthenticationToken caller) {
        teams.declineInvitation(id, caller.getName());
    }

    @DeleteMapping("/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member or withdraw their invitation (admins and the team's owner)")
    void removeMember(@PathVariable UUID id, @PathVariable @NotBlank @Size(max = 255) String userId, JwtAuthenticationToken caller) {
        teams.removeMember(id, userId, manager(caller));
    }

    @GetMapping("/{id}/escalation")
    @Operation(summary = "Who a CRITICAL ticket nobody takes is texted to, in order, then the lead (the team's owner)",
            description = "notification-service texts the first of userIds when a CRITICAL ticket is still OPEN after "
                    + "notifications.follow-ups.escalation.after, as long again later the next one, then the lead; any "
                    + "status change stops it. Members, the owner and admins see it.")
    Escalation escalation(@PathVariable UUID id, JwtAuthenticationToken caller) {
        return Escalation.of(teams.escalation(id, manager(caller)));
    }

    @PutMapping("/{id}/escalation")
    @Operation(summary = "Set the escalation list (admins and the team's owner): members only, each once, at most 10")
    @ApiResponse(responseCode = "400", description = "An entry is no member or is named twice (field userIds[i])")
    Escalation replaceEscalation(@PathVariable UUID id, @Valid @RequestBody EscalationForm form, JwtAuthenticationToken caller) {
        return Escalation.of(teams.replaceEscalation(id, form.userIds(), manager(caller)));
    }

    @ExceptionHandler
    ProblemDetail invalidEscalation(InvalidEscalationException e) {
        return InvalidField.problem(e.fields());
    }

    @Schema(example = """
            {"userIds": ["user-42", "user-7"]}""")
    record EscalationForm(@NotNull @Size(max = 10) List<@NotBlank @Size(max = 255) String> userIds) {
    }

    @Schema(example = """
            {"userIds": ["user-42", "user-7"], "lead": "user-1"}""")
    record Escalation(List<String> userIds, String lead) {

        static Escalation of(Teams.Escalation escalation) {
            return new Escalation(escalation.userIds(), escalation.lead());
        }
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

    @Schema(name = "TeamInvitation", example = """
            {"teamId": "3f2b8c1e-6a4d-4e8f-9b7a-2c5d1e0f4a6b", "teamName": "Database on-call", "userId": "user-42",
             "invitedBy": "user-7", "invitedAt": "2026-11-25T14:03:07Z"}""")
    record InvitationResponse(UUID teamId, String teamName, String userId, String invitedBy, java.time.Instant invitedAt) {

        static InvitationResponse of(Invitation invitation) {
            return new InvitationResponse(invitation.teamId(), invitation.teamName(), invitation.userId(),
                    invitation.invitedBy(), invitation.invitedAt());
        }
    }
}
