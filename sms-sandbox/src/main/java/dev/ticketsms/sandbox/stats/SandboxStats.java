package dev.ticketsms.sandbox.stats;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.stereotype.Component;

/**
 * Counters a test or a benchmark reads to see what the sandbox did: Twilio API requests by outcome,
 * refusals by Twilio error code, injected delays, and the callbacks and webhooks it posted.
 */
@Component
public class SandboxStats {

    private final Map<RequestOutcome, LongAdder> requests = new EnumMap<>(RequestOutcome.class);
    private final Map<Integer, LongAdder> errorCodes = new ConcurrentHashMap<>();
    private final LongAdder delayed = new LongAdder();
    private final LongAdder callbacksPosted = new LongAdder();
    private final LongAdder callbacksFailed = new LongAdder();
    private final LongAdder inboundPosted = new LongAdder();
    private final LongAdder inboundFailed = new LongAdder();

    SandboxStats() {
        for (var outcome : RequestOutcome.values()) {
            requests.put(outcome, new LongAdder());
        }
    }

    public void request(RequestOutcome outcome) {
        requests.get(outcome).increment();
    }

    /** A request refused with a Twilio error code, counted both as an outcome and by its code. */
    public void refused(RequestOutcome outcome, int errorCode) {
        request(outcome);
        errorCodes.computeIfAbsent(errorCode, ignored -> new LongAdder()).increment();
    }

    /**
     * A request already counted {@link RequestOutcome#ACCEPTED} whose answer a fault then replaced: it counts
     * as {@code outcome} instead, and by the answer's Twilio error code when it has one.
     */
    public void answerReplaced(RequestOutcome outcome, Integer errorCode) {
        requests.get(RequestOutcome.ACCEPTED).decrement();
        request(outcome);
        if (errorCode != null) {
            errorCodes.computeIfAbsent(errorCode, ignored -> new LongAdder()).increment();
        }
    }

    public void delayed() {
        delayed.increment();
    }

    /** A status callback reached the application (any HTTP answer below 300), or not after every attempt. */
    public void callback(boolean posted) {
        (posted ? callbacksPosted : callbacksFailed).increment();
    }

    /** A simulated inbound message reached the application's webhook, or could not be posted. */
    public void inbound(boolean posted) {
        (posted ? inboundPosted : inboundFailed).increment();
    }

    public Snapshot snapshot() {
        var requestCounts = new EnumMap<RequestOutcome, Long>(RequestOutcome.class);
        requests.forEach((outcome, count) -> requestCounts.put(outcome, count.sum()));
        var codes = new TreeMap<Integer, Long>();
        errorCodes.forEach((code, count) -> codes.put(code, count.sum()));
        return new Snapshot(
                requestCounts.values().stream().mapToLong(Long::longValue).sum(),
                Collections.unmodifiableMap(requestCounts), Collections.unmodifiableMap(codes), delayed.sum(),
                new Posted(callbacksPosted.sum(), callbacksFailed.sum()),
                new Posted(inboundPosted.sum(), inboundFailed.sum()));
    }

    public void reset() {
        requests.values().forEach(LongAdder::reset);
        errorCodes.clear();
        delayed.reset();
        callbacksPosted.reset();
        callbacksFailed.reset();
        inboundPosted.reset();
        inboundFailed.reset();
    }

    /**
     * @param requests   Twilio API requests received, faulted ones included
     * @param byOutcome  those requests by how they were answered
     * @param errorCodes Twilio error codes answered (20003, 20429, 21211...), refusals and injected 5xx alike
     * @param delayed    requests held back by an injected latency (they are counted by outcome too)
     */
    public record Snapshot(long requests, Map<RequestOutcome, Long> byOutcome, Map<Integer, Long> errorCodes,
            long delayed, Posted callbacks, Posted inbound) {
    }

    /** @param failed given up after every attempt, or answered with an HTTP error */
    public record Posted(long posted, long failed) {
    }
}
