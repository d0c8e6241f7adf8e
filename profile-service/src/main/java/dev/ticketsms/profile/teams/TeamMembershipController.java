package dev.ticketsms.profile.teams;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * For ticket-service (service token with scope teams:membership): read-your-writes when its replica of the
 * memberships, fed by profiles.events.v1, has not caught up with a change committed here yet.
 */
@RestController
@Tag(name = "Internal")
class TeamMembershipController {

    private final Teams teams;

    TeamMembershipController(Teams teams) {
        this.teams = teams;
    }

    @GetMapping("/internal/teams/{teamId}/members/{userId}")
    @Operation(summary = "Whether the user is a member of the team now (scope teams:membership)",
            description = "Answers from the membership table itself, so a change is visible as soon as it is committed.")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "The team does not exist: problem type " + UnknownTeamException.TYPE
            + ", title \"Team not found\"")
    Membership membership(@PathVariable UUID teamId, @PathVariable @NotBlank @Size(max = 255) String userId) {
        return new Membership(teamId, userId, teams.isMember(teamId, userId));
    }

    @Schema(name = "TeamMembership", example = """
            {"teamId": "3f2b8c1e-6a4d-4e8f-9b7a-2c5d1e0f4a6b", "userId": "user-42", "member": true}""")
    record Membership(UUID teamId, String userId, boolean member) {
    }
}
