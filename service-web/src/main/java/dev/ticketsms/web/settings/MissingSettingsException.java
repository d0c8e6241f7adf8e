package dev.ticketsms.web.settings;

import java.util.List;
import java.util.stream.Collectors;

import dev.ticketsms.web.settings.RequiredSettings.MissingSetting;

/** Thrown at start-up when required settings are missing; its message lists every one. */
public final class MissingSettingsException extends IllegalStateException {

    private final List<MissingSetting> missing;

    MissingSettingsException(List<MissingSetting> missing, List<String> activeProfiles) {
        super("Missing required settings" + (activeProfiles.isEmpty() ? "" : " (active profiles: " + activeProfiles + ")")
                + ": " + missing.stream().map(setting -> setting.property() + " (" + setting.environmentVariable() + ")")
                .collect(Collectors.joining(", "))
                + ". Set them, or start with the 'local' profile for the local stack's development values.");
        this.missing = List.copyOf(missing);
    }

    public List<MissingSetting> missing() {
        return missing;
    }
}
