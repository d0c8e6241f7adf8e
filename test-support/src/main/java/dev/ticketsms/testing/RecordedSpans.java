package dev.ticketsms.testing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import java.util.List;

/**
 * A real OpenTelemetry tracer behind Micrometer Tracing's API, as the services run it, whose ended spans a test reads
 * back: every span is sampled and recorded in memory, and W3C {@code traceparent} is the propagation format.
 */
public final class RecordedSpans {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OtelTracer tracer;
    private final OtelPropagator propagator;

    public RecordedSpans() {
        var provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
        var otelTracer = provider.get("test");
        var current = new OtelCurrentTraceContext();
        this.tracer = new OtelTracer(otelTracer, current, event -> {
        }, new OtelBaggageManager(current, List.of(), List.of()));
        this.propagator = new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer);
    }

    public Tracer tracer() {
        return tracer;
    }

    public Propagator propagator() {
        return propagator;
    }

    /** The spans ended so far. */
    public List<SpanData> ended() {
        return spans.getFinishedSpanItems();
    }

    /** The spans of one trace ended so far. */
    public List<SpanData> ofTrace(String traceId) {
        return ended().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }
}
