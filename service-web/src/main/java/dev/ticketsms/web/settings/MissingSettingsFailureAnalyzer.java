package dev.ticketsms.web.settings;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The start-up report an operator reads: one line per missing setting, and the two ways to fix it. */
final class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        String settings = cause.missing().stream()
                .map(setting -> "    " + setting.property() + "  (environment variable " + setting.environmentVariable() + ")")
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis("The service cannot start without these settings:\n" + settings,
                "Set each of them (environment variable, --property=value or a configuration file), or, on a "
                        + "developer's machine only, start with --spring.profiles.active=local for the local stack's values.",
                cause);
    }
}
