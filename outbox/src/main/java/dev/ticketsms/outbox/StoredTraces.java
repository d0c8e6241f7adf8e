package dev.ticketsms.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a trace going across work a database row carries from one moment to a later one: an outbox row between the
 * request that wrote it and the relay that publishes it, a delivery row between the Kafka record that claimed it and
 * the send and status callbacks that follow. The row keeps the W3C {@code traceparent} of the span that was current
 * when it was written; the later work starts its span as a child of it, so one trace runs from the API call to the
 * last status callback. Without a tracer (tracing not on the classpath) nothing is kept and every span is a no-op.
 */
public final class StoredTraces {

    /** The W3C Trace Context header (and outbox header) that carries a trace from one process to the next. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public StoredTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** @return the {@code traceparent} of the current span, to store with a row; null when no span is current */
    public String current() {
        Span span = tracer.currentSpan();
        return span == null ? null : traceParent(span);
    }

    /** @return the {@code traceparent} that makes the next process's span a child of {@code span}; null for a no-op span */
    public String traceParent(Span span) {
        var carrier = new HashMap<String, String>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Starts a span as a child of a stored {@code traceparent}; a new trace when there is none (or it is unreadable).
     * The caller ends it.
     *
     * @param kind null for work inside the process (OpenTelemetry's INTERNAL)
     */
    public Span start(String name, String traceParent, Span.Kind kind) {
        Span.Builder builder = traceParent == null ? tracer.spanBuilder()
                : propagator.extract(Map.of(TRACEPARENT, traceParent), Map::get);
        builder.name(name);
        if (kind != null) {
            builder.kind(kind);
        }
        return builder.start();
    }

    /** Makes {@code span} the current one (logs carry its trace id, calls made meanwhile are its children) until closed. */
    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }
}
