package dev.ticketsms.sandbox.faults;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.ticketsms.web.problems.InvalidField;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The admin API that injects faults into Twilio's Messages API: {@code /sandbox/faults}. */
@RestController
@RequestMapping("/sandbox/faults")
class FaultsApi {

    private static final Pattern E164 = Pattern.compile("\\+[0-9]{8,15}");
    private static final Duration MAX_LATENCY = Duration.ofMinutes(5);

    private final Faults faults;

    FaultsApi(Faults faults) {
        this.faults = faults;
    }

    /**
     * A fault to add; {@code status} (for the server error kinds) defaults to 500 and {@code errorCode} to
     * 30003 (undelivered) or 30008 (failed).
     */
    record NewFault(String to, FaultKind kind, Duration latency, Integer status, Integer errorCode, Integer remaining) {
    }

    record FaultJson(UUID id, String to, FaultKind kind, String latency, Integer status, Integer errorCode,
            Integer remaining) {

        static FaultJson of(Fault fault) {
            return new FaultJson(fault.id(), fault.to(), fault.kind(),
                    fault.latency() == null ? null : fault.latency().toString(), fault.status(), fault.errorCode(),
                    fault.remaining());
        }
    }

    @PostMapping
    ResponseEntity<FaultJson> add(@RequestBody NewFault request) {
        var added = faults.add(valid(request));
        return ResponseEntity.created(URI.create("/sandbox/faults/" + added.id())).body(FaultJson.of(added));
    }

    @GetMapping
    List<FaultJson> list() {
        return faults.all().stream().map(FaultJson::of).toList();
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear() {
        faults.clear();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        if (!faults.remove(id)) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No fault " + id), null);
        }
        return ResponseEntity.noContent().build();
    }

    private static Fault valid(NewFault request) {
        var invalid = new ArrayList<InvalidField>();
        var kind = request.kind();
        if (kind == null) {
            invalid.add(new InvalidField("kind", "must be one of " + List.of(FaultKind.values())));
        }
        if (request.to() != null && !E164.matcher(request.to()).matches()) {
            invalid.add(new InvalidField("to", "must be an E.164 number such as +15551230001, or null for every number"));
        }
        if (request.remaining() != null && request.remaining() < 1) {
            invalid.add(new InvalidField("remaining", "must be at least 1, or null until the fault is removed"));
        }
        checkLatency(request, invalid);
        checkStatus(request, invalid);
        checkErrorCode(request, invalid);
        if (!invalid.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, InvalidField.problem(invalid), null);
        }
        return new Fault(UUID.randomUUID(), request.to(), kind, request.latency(),
                kind.answersServerError() ? defaultIfNull(request.status(), 500) : null,
                switch (kind) {
                    case UNDELIVERED -> defaultIfNull(request.errorCode(), 30003);
                    case FAILED -> defaultIfNull(request.errorCode(), 30008);
                    default -> null;
                },
                request.remaining());
    }

    private static void checkLatency(NewFault request, List<InvalidField> invalid) {
        if (request.kind() == FaultKind.LATENCY) {
            if (request.latency() == null || request.latency().isNegative() || request.latency().isZero()
                    || request.latency().compareTo(MAX_LATENCY) > 0) {
                invalid.add(new InvalidField("latency", "must be an ISO-8601 duration above zero and at most PT5M, e.g. PT2S"));
            }
        } else if (request.latency() != null) {
            invalid.add(new InvalidField("latency", "applies to LATENCY faults only"));
        }
    }

    private static void checkStatus(NewFault request, List<InvalidField> invalid) {
        if (request.status() == null) {
            return;
        }
        if (request.kind() == null || !request.kind().answersServerError()) {
            invalid.add(new InvalidField("status", "applies to SERVER_ERROR and ACCEPT_THEN_SERVER_ERROR faults only"));
        } else if (request.status() < 500 || request.status() > 599 || HttpStatus.resolve(request.status()) == null) {
            invalid.add(new InvalidField("status", "must be an HTTP server error status such as 500, 502 or 503"));
        }
    }

    private static void checkErrorCode(NewFault request, List<InvalidField> invalid) {
        if (request.errorCode() == null) {
            return;
        }
        if (request.kind() != FaultKind.UNDELIVERED && request.kind() != FaultKind.FAILED) {
            invalid.add(new InvalidField("errorCode", "applies to UNDELIVERED and FAILED faults only"));
        } else if (request.errorCode() < 30001 || request.errorCode() > 30999) {
            invalid.add(new InvalidField("errorCode", "must be a Twilio delivery error code 30001-30999, e.g. 30003"));
        }
    }

    private static int defaultIfNull(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }
}
