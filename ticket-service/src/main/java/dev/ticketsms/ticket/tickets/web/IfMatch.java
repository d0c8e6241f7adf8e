package dev.ticketsms.ticket.tickets.web;

import dev.ticketsms.web.problems.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Reads an {@code If-Match} header against this API's ETags, which are the quoted ticket version ({@code "3"}). */
final class IfMatch {

    static final String HEADER = "If-Match";

    private static final Pattern VERSION_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private IfMatch() {
    }

    /** @return the version the caller expects, or empty when they did not say ({@code *} or no header) */
    static OptionalLong expectedVersion(String header) {
        if (header == null || header.strip().equals("*")) {
            return OptionalLong.empty();
        }
        var tag = VERSION_TAG.matcher(header.strip());
        if (!tag.matches()) {
            var problem = InvalidField.problem(List.of(new InvalidField(HEADER,
                    "must be one ETag of this ticket, such as \"3\" (weak ETags and lists are not accepted)")));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return OptionalLong.of(Long.parseLong(tag.group(1)));
    }

    static String etagOf(long version) {
        return "\"" + version + "\"";
    }
}
