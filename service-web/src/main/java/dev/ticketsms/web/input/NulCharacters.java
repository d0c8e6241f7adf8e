package dev.ticketsms.web.input;

/**
 * PostgreSQL's text types cannot hold U+0000, so a NUL that reaches an insert or a query parameter fails as a 500.
 * Every way a value enters a service (JSON strings, query parameters, path variables, headers, token claims) is
 * checked against this one rule and refused as a 400 naming the field.
 */
public final class NulCharacters {

    /** The {@code message} of the refused field, the same wherever the value came from. */
    public static final String REASON = "must not contain NUL characters";

    private NulCharacters() {
    }

    public static boolean in(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }
}
