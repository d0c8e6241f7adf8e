package dev.ticketsms.sandbox.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The faults in force. A message request meets the faults for its recipient first, then the global
 * ones, each group in the order they were added: every matching latency, then the first fault that
 * answers the request itself; once accepted, the first fault that decides its delivery. Each fault
 * applied counts down its {@code remaining} and disappears at zero.
 */
@Component
public class Faults {

    private final List<Fault> faults = new ArrayList<>();

    synchronized Fault add(Fault fault) {
        faults.add(fault);
        return fault;
    }

    synchronized List<Fault> all() {
        return List.copyOf(faults);
    }

    synchronized boolean remove(UUID id) {
        return faults.removeIf(fault -> fault.id().equals(id));
    }

    synchronized void clear() {
        faults.clear();
    }

    /** What happens to a message request to {@code to} before the sandbox looks at it. */
    record RequestFaults(Duration latency, Fault answer) {
    }

    synchronized RequestFaults forRequest(String to) {
        var latency = Duration.ZERO;
        Fault answer = null;
        for (var fault : matching(to)) {
            if (fault.kind() == FaultKind.LATENCY) {
                latency = latency.plus(fault.latency());
                applied(fault);
            } else if (answer == null && fault.kind().answersTheRequest()) {
                answer = fault;
                applied(fault);
            }
        }
        return new RequestFaults(latency, answer);
    }

    /** How the carrier ends an accepted message to {@code to}, when a fault says it does not arrive. */
    public synchronized Optional<CarrierFailure> carrierFailureFor(String to) {
        return matching(to).stream()
                .filter(fault -> fault.kind().decidesDelivery())
                .findFirst()
                .map(fault -> {
                    applied(fault);
                    return new CarrierFailure(fault.kind() == FaultKind.FAILED, fault.errorCode());
                });
    }

    /**
     * @param failed    true for {@code failed} (never reached the carrier), false for {@code undelivered}
     * @param errorCode Twilio's 30xxx code the message ends with
     */
    public record CarrierFailure(boolean failed, int errorCode) {
    }

    private List<Fault> matching(String to) {
        return faults.stream()
                .filter(fault -> fault.appliesTo(to))
                .sorted(Comparator.comparing(fault -> fault.to() == null))
                .toList();
    }

    private void applied(Fault fault) {
        var index = faults.indexOf(fault);
        var after = fault.applied();
        if (after == null) {
            faults.remove(index);
        } else {
            faults.set(index, after);
        }
    }
}
