package dev.ticketsms.profile.profiles;

import java.util.List;

import dev.ticketsms.web.problems.InvalidField;

/** Settings that cannot be stored, with every field that is wrong and why. */
class InvalidProfileException extends RuntimeException {

    private final List<InvalidField> fields;

    InvalidProfileException(List<InvalidField> fields) {
        super("Invalid fields: " + fields.stream().map(InvalidField::field).toList());
        this.fields = List.copyOf(fields);
    }

    List<InvalidField> fields() {
        return fields;
    }
}
