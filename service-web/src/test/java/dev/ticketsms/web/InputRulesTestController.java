package dev.ticketsms.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that read input every way a service does, and fail the ways a database fails. */
@RestController
public class InputRulesTestController {

    public record NewTeam(String name, List<String> userIds) {
    }

    @PostMapping("/teams")
    NewTeam create(@RequestBody NewTeam team) {
        return team;
    }

    @GetMapping("/teams/{teamId}/members")
    String members(@PathVariable UUID teamId, @RequestParam(required = false) String category,
                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return teamId + "/" + category + "/" + ifMatch;
    }

    @GetMapping("/search")
    String search(@RequestParam Map<String, String> filters) {
        return filters.toString();
    }

    @GetMapping("/fail/{how}")
    String fail(@PathVariable String how) {
        throw switch (how) {
            case "no-connection" -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
            case "no-transaction" -> new CannotCreateTransactionException("Could not open JPA EntityManager");
            case "timeout" -> new QueryTimeoutException("SELECT secret FROM tickets timed out");
            case "resource" -> new DataAccessResourceFailureException("connection refused to 10.0.0.7:5432");
            case "stale" -> new OptimisticLockingFailureException("Row was updated by another transaction");
            default -> new IllegalStateException("SELECT * FROM internals");
        };
    }
}
