package dev.ticketsms.profile.teams;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** notification-service asks whom to escalate a CRITICAL ticket nobody takes to (its recipients client and scope). */
@RestController
@Tag(name = "Internal")
class TeamEscalationLookup {

    private final Teams teams;

    TeamEscalationLookup(Teams teams) {
        this.teams = teams;
    }

    @GetMapping("/internal/teams/{teamId}/escalation")
    @Operation(summary = "The team's escalation list in order, and its lead (the owner), for notification-service")
    @ApiResponse(responseCode = "404", description = "The team does not exist: problem type " + UnknownTeamException.TYPE)
    TeamController.Escalation escalation(@PathVariable UUID teamId) {
        return TeamController.Escalation.of(teams.escalation(teamId));
    }
}
