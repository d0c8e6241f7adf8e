package dev.ticketsms.profile.teams;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own invitations, so they can find the teams waiting for their answer. */
@RestController
@Tag(name = "Teams")
class TeamInvitationController {

    private final Teams teams;

    TeamInvitationController(Teams teams) {
        this.teams = teams;
    }

    @GetMapping("/api/user/team-invitations")
    @Operation(summary = "Teams the caller is invited to and has not answered yet")
    List<TeamController.InvitationResponse> mine(JwtAuthenticationToken caller) {
        return teams.invitationsOf(caller.getName()).stream().map(TeamController.InvitationResponse::of).toList();
    }
}
