package dev.ticketsms.profile.teams;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own teams and invitations, so a client can offer them without knowing team ids. */
@RestController
@Tag(name = "Teams")
class UserTeamsController {

    private final Teams teams;

    UserTeamsController(Teams teams) {
        this.teams = teams;
    }

    @GetMapping("/api/user/teams")
    @Operation(summary = "Teams the caller is a member of or owns, by name",
            description = "member says whether the caller is in the team (an owner need not be, and only members are "
                    + "texted about its tickets or may open them); admins see their own teams here too, not every team.")
    List<UserTeam> mine(JwtAuthenticationToken caller) {
        return teams.teamsOf(caller.getName()).stream()
                .map(team -> new UserTeam(team.getId(), team.getName(), team.getOwnerId(), team.getMember()))
                .toList();
    }

    @GetMapping("/api/user/team-invitations")
    @Operation(summary = "Teams the caller is invited to and has not answered yet")
    List<TeamController.InvitationResponse> invitations(JwtAuthenticationToken caller) {
        return teams.invitationsOf(caller.getName()).stream().map(TeamController.InvitationResponse::of).toList();
    }

    @Schema(example = """
            {"id": "3f2b8c1e-6a4d-4e8f-9b7a-2c5d1e0f4a6b", "name": "Database on-call", "ownerId": "user-7", "member": true}""")
    record UserTeam(UUID id, String name, String ownerId, boolean member) {
    }
}
