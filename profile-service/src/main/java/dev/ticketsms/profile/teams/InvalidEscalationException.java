package dev.ticketsms.profile.teams;

import java.util.List;

import dev.ticketsms.web.problems.InvalidField;

/** An escalation list naming someone who is not in the team, or someone twice. */
class InvalidEscalationException extends RuntimeException {

    private final List<InvalidField> fields;

    InvalidEscalationException(List<InvalidField> fields) {
        super("Invalid escalation list: " + fields.stream().map(InvalidField::field).toList());
        this.fields = List.copyOf(fields);
    }

    List<InvalidField> fields() {
        return fields;
    }
}
