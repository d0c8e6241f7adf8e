package dev.ticketsms.notification.webhooks;

import dev.ticketsms.events.TicketStatus;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member's reply that moves a ticket: {@code ACK 1234}, {@code START 1234}, {@code RESOLVE 1234} or
 * {@code CLOSE 1234}, in any case, with any spacing and an optional {@code #} before the number. ACK ("I've got it")
 * and START both move the ticket to IN_PROGRESS. Twilio's keywords are whole bodies, so {@code START} alone stays the
 * opt-in of {@link InboundKeyword}; only a body with a number is a command.
 *
 * @param ticketNumber the ticket's short number, as the SMS about it shows ("#1234")
 */
record SmsCommand(Action action, long ticketNumber) {

    enum Action {
        ACK(TicketStatus.IN_PROGRESS), START(TicketStatus.IN_PROGRESS), RESOLVE(TicketStatus.RESOLVED),
        CLOSE(TicketStatus.CLOSED);

        private final TicketStatus status;

        Action(TicketStatus status) {
            this.status = status;
        }
    }

    /** A word, then the number after whitespace or a '#' (or both); 18 digits always fit a long. */
    private static final Pattern WORD_AND_NUMBER = Pattern.compile("([A-Z]+)(?:\\s+#?|\\s*#)\\s*(\\d+)");
    private static final Pattern FIRST_WORD = Pattern.compile("([A-Z]+)(?:[\\s#].*)?", Pattern.DOTALL);
    private static final int MAX_DIGITS = 18;

    TicketStatus status() {
        return action.status;
    }

    /** The command the body is, if it is exactly one command word and a ticket number. */
    static Optional<SmsCommand> parse(String body) {
        Matcher matcher = WORD_AND_NUMBER.matcher(normalized(body));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<Action> action = action(matcher.group(1));
        String digits = matcher.group(2).replaceFirst("^0+(?=\\d)", "");
        if (action.isEmpty() || digits.length() > MAX_DIGITS || Long.parseLong(digits) == 0) {
            return Optional.empty();
        }
        return Optional.of(new SmsCommand(action.get(), Long.parseLong(digits)));
    }

    /**
     * Whether a body that is no command was meant as one, and so gets the commands' help: a command word with no
     * usable number after it ("RESOLVE", "CLOSE it"), or a word and a number ("FIX 1234"). Keywords alone and chat are
     * not.
     */
    static boolean looksLikeOne(String body) {
        String text = normalized(body);
        if (parse(text).isPresent()) {
            return false;
        }
        if (WORD_AND_NUMBER.matcher(text).matches()) {
            return true;
        }
        Matcher first = FIRST_WORD.matcher(text);
        // START alone is Twilio's opt-in keyword, never a command attempt
        return first.matches() && action(first.group(1)).isPresent() && InboundKeyword.of(text) == InboundKeyword.OTHER;
    }

    private static Optional<Action> action(String word) {
        for (Action action : Action.values()) {
            if (action.name().equals(word)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    private static String normalized(String body) {
        return body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
    }
}
