package dev.ticketsms.notification.templates;

import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.events.TicketStatusChanged;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Renders the SMS bodies from configurable templates (defaults: the seed's two formats). Placeholders are
 * {@code {name}}; a body longer than {@code maxSegments} is brought back within it by shortening the title, never
 * the link. The seed's leading emoji is left out of the defaults: one emoji makes the whole message UCS-2, which
 * triples the segments (and the bill) of a typical ticket message.
 * <p>
 * The ticket's number ({@code {number}}) tells a member what to text back, and {@code {replyHint}} which commands make
 * sense for the ticket's status ("Reply ACK 1234 or RESOLVE 1234"; none for a closed ticket). When the event has no
 * number (written before tickets had one), " (#{number})" is left out and so is every line with {@code {number}} or
 * {@code {replyHint}}; a body that does not fit the segment limit even with the title shortened drops the hint line.
 */
@Component
public class MessageTemplates {

    private static final String ELLIPSIS = "...";

    /** Placeholders an event may lack; their lines are then left out (see the class comment). */
    private static final Set<String> OPTIONAL = Set.of("number", "replyHint");

    /**
     * @param ticketUrlTemplate   link to a ticket in the frontend; {@code {ticketId}} is replaced by the ticket's id
     * @param maxSegments         the most segments one message may be billed as
     * @param ticketCreated       placeholders {number} {title} {severity} {category} {createdBy} {replyHint} {link}
     * @param ticketStatusChanged placeholders {number} {title} {severity} {category} {fromStatus} {toStatus}
     *                            {changedBy} {replyHint} {link}
     * @param ticketReminder      placeholders {number} {title} {severity} {category} {status} {quietFor} {replyHint} {link}
     * @param ticketEscalation    placeholders {number} {title} {severity} {category} {openFor} {replyHint} {link}
     */
    @Validated
    @ConfigurationProperties("notifications.templates")
    public record TemplateProperties(@NotBlank String ticketUrlTemplate, @Min(1) int maxSegments,
                                     @NotBlank String ticketCreated, @NotBlank String ticketStatusChanged,
                                     @NotBlank String ticketReminder, @NotBlank String ticketEscalation) {
    }

    /** What a reminder or an escalation says about its ticket. */
    public record TicketFacts(UUID ticketId, Long number, String title, Severity severity, String category,
                              TicketStatus status) {
    }

    private final TemplateProperties properties;

    MessageTemplates(TemplateProperties properties) {
        this.properties = properties;
    }

    public SmsBody ticketCreated(TicketCreated event) {
        var values = new LinkedHashMap<String, String>();
        values.put("title", event.title());
        values.put("number", event.ticketNumber() == null ? null : event.ticketNumber().toString());
        values.put("severity", label(event.severity().name()));
        values.put("category", event.category());
        values.put("createdBy", event.createdByName());
        values.put("replyHint", replyHint(TicketStatus.OPEN, event.ticketNumber()));
        values.put("link", ticketLink(event.ticketId()));
        return fitWithHint(properties.ticketCreated(), values);
    }

    public SmsBody ticketStatusChanged(TicketStatusChanged event) {
        var values = new LinkedHashMap<String, String>();
        values.put("title", event.title());
        values.put("number", event.ticketNumber() == null ? null : event.ticketNumber().toString());
        values.put("severity", label(event.severity().name()));
        values.put("category", event.category());
        values.put("fromStatus", label(event.fromStatus()));
        values.put("toStatus", label(event.toStatus()));
        values.put("changedBy", event.changedByName());
        values.put("replyHint", replyHint(event.toStatus(), event.ticketNumber()));
        values.put("link", ticketLink(event.ticketId()));
        return fitWithHint(properties.ticketStatusChanged(), values);
    }

    /**
     * The SMS commands that make sense for a ticket in {@code status} (the workflow's moves a member most likely
     * wants); none for a closed ticket, or without a number.
     */
    static String replyHint(TicketStatus status, Long number) {
        if (number == null) {
            return null;
        }
        return switch (status) {
            case OPEN -> "Reply ACK %d or RESOLVE %d".formatted(number, number);
            case IN_PROGRESS -> "Reply RESOLVE %d or CLOSE %d".formatted(number, number);
            case RESOLVED -> "Reply CLOSE %d, or START %d to reopen".formatted(number, number);
            case CLOSED -> null;
        };
    }

    /** Fits the body with the reply hint; if even the shortest title leaves no room for it, without the hint. */
    private SmsBody fitWithHint(String template, Map<String, String> values) {
        SmsBody body = fit(template, values);
        if (body.segments() <= properties.maxSegments() || values.get("replyHint") == null) {
            return body;
        }
        var withoutHint = new LinkedHashMap<>(values);
        withoutHint.put("replyHint", null);
        return fit(template, withoutHint);
    }

    /** The ticket has been {@code status} without a change for {@code quietFor}. */
    public SmsBody ticketReminder(TicketFacts ticket, java.time.Duration quietFor) {
        var values = facts(ticket);
        values.put("status", label(ticket.status()));
        values.put("quietFor", duration(quietFor));
        values.put("replyHint", replyHint(ticket.status(), ticket.number()));
        return fitWithHint(properties.ticketReminder(), values);
    }

    /** A CRITICAL ticket nobody took for {@code openFor}, to the next person on the team's escalation list. */
    public SmsBody ticketEscalation(TicketFacts ticket, java.time.Duration openFor) {
        var values = facts(ticket);
        values.put("openFor", duration(openFor));
        values.put("replyHint", replyHint(TicketStatus.OPEN, ticket.number()));
        return fitWithHint(properties.ticketEscalation(), values);
    }

    private LinkedHashMap<String, String> facts(TicketFacts ticket) {
        var values = new LinkedHashMap<String, String>();
        values.put("number", ticket.number() == null ? null : ticket.number().toString());
        values.put("title", ticket.title());
        values.put("severity", label(ticket.severity().name()));
        values.put("category", ticket.category());
        values.put("link", ticketLink(ticket.ticketId()));
        return values;
    }

    /** 45 s, 12 min, 3 h 5 min, 2 days: what a person reads at a glance. */
    static String duration(java.time.Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return Math.max(0, duration.toSeconds()) + " s";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = duration.toHours();
        if (hours < 48) {
            long rest = minutes - hours * 60;
            return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
        }
        return duration.toDays() + " days";
    }

    /** One ticket in a quiet-hours summary: where it stands after the held updates. */
    public record SummaryLine(String title, Severity severity, TicketStatus status) {
    }

    /**
     * One SMS for ticket updates held for a member (during their quiet hours, or beyond a ticket's SMS limit), a line
     * per ticket with where it stands now (a ticket opened and closed meanwhile is one line "Closed"). Titles are
     * shortened alike until the body fits the segment limit; if even that is not enough, the last tickets are counted
     * instead of listed.
     */
    public SmsBody heldSummary(boolean afterQuietHours, List<SummaryLine> lines) {
        String heading = afterQuietHours ? "Ticket updates from your quiet hours" : "Ticket updates in the last minutes";
        for (int listed = lines.size(); listed > 0; listed--) {
            List<SummaryLine> shown = lines.subList(0, listed);
            int more = lines.size() - listed;
            int longest = shown.stream().mapToInt(line -> line.title().length()).max().orElse(0);
            for (int keep = longest; keep >= 8 || keep == longest; keep = keep == 8 ? -1 : Math.max(8, keep * 3 / 4)) {
                SmsBody body = SmsBody.of(summary(heading, shown, keep, more));
                if (body.segments() <= properties.maxSegments()) {
                    return body;
                }
                if (keep < 0) {
                    break;
                }
            }
        }
        return SmsBody.of(summary(heading, List.of(), 0, lines.size()));
    }

    private static String summary(String heading, List<SummaryLine> lines, int titleLength, int more) {
        var text = new StringBuilder(heading);
        for (SummaryLine line : lines) {
            String title = line.title().length() <= titleLength ? line.title() : shorten(line.title(), titleLength);
            text.append("\n- ").append(title).append(" (").append(label(line.severity().name())).append("): ")
                    .append(label(line.status()));
        }
        if (more > 0) {
            text.append("\n+ ").append(more).append(more == 1 ? " more ticket" : " more tickets");
        }
        return text.toString();
    }

    /** The one-time code for a new number; says how long it is valid and that nothing else is sent until then. */
    public SmsBody phoneVerification(String code, java.time.Duration validity) {
        long minutes = Math.max(1, validity.toMinutes());
        return SmsBody.of("Your ticket-sms verification code is %s. It expires in %d minute%s. If you did not add this number, ignore this message."
                .formatted(code, minutes, minutes == 1 ? "" : "s"));
    }

    String ticketLink(UUID ticketId) {
        return properties.ticketUrlTemplate().replace("{ticketId}", ticketId.toString());
    }

    /** Renders, then shortens the title until the body fits; a template that does not fit even so is sent as is. */
    private SmsBody fit(String template, Map<String, String> values) {
        SmsBody body = SmsBody.of(render(template, values));
        String title = values.get("title");
        if (body.segments() <= properties.maxSegments() || title == null) {
            return body;
        }
        int low = 0;
        int high = title.length() - 1;
        SmsBody best = SmsBody.of(render(template, withTitle(values, shorten(title, 0))));
        while (low <= high) {
            int keep = (low + high) >>> 1;
            SmsBody candidate = SmsBody.of(render(template, withTitle(values, shorten(title, keep))));
            if (candidate.segments() <= properties.maxSegments()) {
                best = candidate;
                low = keep + 1;
            } else {
                high = keep - 1;
            }
        }
        return best;
    }

    private static Map<String, String> withTitle(Map<String, String> values, String title) {
        var copy = new LinkedHashMap<>(values);
        copy.put("title", title);
        return copy;
    }

    /** The first {@code keep} characters plus an ellipsis, never cutting a surrogate pair. */
    private static String shorten(String title, int keep) {
        if (keep == 0) {
            return ELLIPSIS;
        }
        int end = Character.isHighSurrogate(title.charAt(keep - 1)) ? keep - 1 : keep;
        return title.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private static String render(String template, Map<String, String> values) {
        String body = template;
        for (String optional : OPTIONAL) {
            if (values.containsKey(optional) && values.get(optional) == null) {
                String placeholder = "{" + optional + "}";
                body = body.replace(" (#" + placeholder + ")", "").lines()
                        .filter(line -> !line.contains(placeholder))
                        .collect(Collectors.joining("\n"));
            }
        }
        for (var value : values.entrySet()) {
            body = body.replace("{" + value.getKey() + "}", value.getValue() == null ? "" : value.getValue());
        }
        return body;
    }

    /** CRITICAL → Critical, IN_PROGRESS → In Progress. */
    private static String label(String constant) {
        return Arrays.stream(constant.split("_"))
                .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
    }

    private static String label(TicketStatus status) {
        return label(status.name());
    }
}
