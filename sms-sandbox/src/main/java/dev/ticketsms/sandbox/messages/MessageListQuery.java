package dev.ticketsms.sandbox.messages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.ticketsms.sandbox.twilio.TwilioApiException;

/**
 * A checked request for Twilio's Messages list: which of the account's messages (exact {@code To} and
 * {@code From}, the UTC days their {@code date_sent} may fall on) and which page of them.
 *
 * <p>Twilio filters sent dates by day: {@code DateSent} is that day, {@code DateSent<} that day and every
 * day before it, {@code DateSent>} that day and every day after it. A value with a time of day (the
 * Twilio SDK sends {@code 2024-05-01T13:45:00}, in UTC for the inequalities) counts as its UTC day.
 *
 * @param earliestDay null when no lower bound was given
 * @param latestDay   null when no upper bound was given
 * @param pageToken   null for the first page, or a page reached by its number
 * @param filters     the filters as the client sent them, in Twilio's order, for the page URIs
 */
record MessageListQuery(
        String accountSid,
        String to,
        String from,
        LocalDate earliestDay,
        LocalDate latestDay,
        int pageSize,
        int page,
        PageToken pageToken,
        Map<String, String> filters) {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 1000;
    /** So that page × page size, the page's start, stays an int. */
    private static final int MAX_PAGE = Integer.MAX_VALUE / MAX_PAGE_SIZE;

    /** Twilio's error for a query parameter whose value it cannot use (400). */
    private static final int INVALID_PARAMETER = 20001;

    /** Twilio's own date format in its answers, e.g. "Wed, 19 Jun 2019 22:04:00 +0000". */
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

    MessageListQuery {
        filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
    }

    static MessageListQuery of(String accountSid, MessageListForm form) {
        var filters = new LinkedHashMap<String, String>();
        var to = given(form.to());
        var from = given(form.from());
        LocalDate earliest = null;
        LocalDate latest = null;
        if (to != null) {
            filters.put("To", to);
        }
        if (from != null) {
            filters.put("From", from);
        }
        var on = given(form.dateSent());
        if (on != null) {
            filters.put("DateSent", on);
            earliest = day("DateSent", on);
            latest = earliest;
        }
        var onOrBefore = given(form.dateSentOnOrBefore());
        if (onOrBefore != null) {
            filters.put("DateSent<", onOrBefore);
            latest = earlier(latest, day("DateSent<", onOrBefore));
        }
        var onOrAfter = given(form.dateSentOnOrAfter());
        if (onOrAfter != null) {
            filters.put("DateSent>", onOrAfter);
            earliest = later(earliest, day("DateSent>", onOrAfter));
        }
        var pageSize = number("PageSize", form.pageSize(), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        var page = number("Page", form.page(), 0, 0, MAX_PAGE);
        var token = given(form.pageToken()) == null ? null : PageToken.parse(form.pageToken().trim())
                .orElseThrow(() -> invalid("PageToken", form.pageToken(), "not a page token from this API's page URIs"));
        return new MessageListQuery(accountSid, to, from, earliest, latest, pageSize, page, token, filters);
    }

    boolean matches(SandboxMessage message) {
        if (!message.accountSid().equals(accountSid)
                || (to != null && !to.equals(message.to()))
                || (from != null && !from.equals(message.from()))) {
            return false;
        }
        var sentDay = LocalDate.ofInstant(message.receivedAt(), ZoneOffset.UTC);
        return (earliestDay == null || !sentDay.isBefore(earliestDay))
                && (latestDay == null || !sentDay.isAfter(latestDay));
    }

    /** The path and query of page {@code number} of this list, as Twilio spells its page URIs. */
    String pageUri(int number, PageToken token) {
        var query = new LinkedHashMap<>(filters);
        query.put("PageSize", String.valueOf(pageSize));
        query.put("Page", String.valueOf(number));
        if (token != null) {
            query.put("PageToken", token.toString());
        }
        return "/2010-04-01/Accounts/" + accountSid + "/Messages.json?" + query.entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static LocalDate day(String parameter, String value) {
        var trimmed = value.trim();
        try {
            return LocalDate.parse(trimmed);
        } catch (DateTimeParseException notADate) {
            // a date with a time of day, read below
        }
        try {
            return LocalDateTime.parse(trimmed).toLocalDate();
        } catch (DateTimeParseException noOffset) {
            // one with an offset, read below
        }
        return offsetDateTime(trimmed)
                .map(dateTime -> dateTime.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate())
                .orElseThrow(() -> invalid(parameter, value, "must be a date such as 2024-05-01 (GMT)"));
    }

    private static Optional<OffsetDateTime> offsetDateTime(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value));
        } catch (DateTimeParseException notIso) {
            try {
                return Optional.of(ZonedDateTime.parse(value, RFC_1123).toOffsetDateTime());
            } catch (DateTimeParseException notRfc1123) {
                return Optional.empty();
            }
        }
    }

    private static int number(String parameter, String value, int absent, int min, int max) {
        if (given(value) == null) {
            return absent;
        }
        try {
            var number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below like an out-of-range value
        }
        throw invalid(parameter, value, "must be a whole number from " + min + " to " + max);
    }

    private static TwilioApiException invalid(String parameter, String value, String reason) {
        return TwilioApiException.badRequest(INVALID_PARAMETER,
                "Invalid value '" + value + "' for parameter " + parameter + ": " + reason);
    }

    private static LocalDate earlier(LocalDate bound, LocalDate day) {
        return bound == null || day.isBefore(bound) ? day : bound;
    }

    private static LocalDate later(LocalDate bound, LocalDate day) {
        return bound == null || day.isAfter(bound) ? day : bound;
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
