package dev.ticketsms.notification.webhooks;

import java.util.Locale;
import java.util.Set;

/** What an inbound SMS asks for, judged like Twilio's own keyword handling: the whole body, trimmed, any case. */
enum InboundKeyword {
    OPT_OUT, OPT_IN, HELP, OTHER;

    private static final Set<String> OPT_OUT_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "REVOKE", "OPTOUT");
    private static final Set<String> OPT_IN_WORDS = Set.of("START", "YES", "UNSTOP");
    private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

    static InboundKeyword of(String body) {
        String word = normalized(body);
        if (OPT_OUT_WORDS.contains(word)) {
            return OPT_OUT;
        }
        if (OPT_IN_WORDS.contains(word)) {
            return OPT_IN;
        }
        return HELP_WORDS.contains(word) ? HELP : OTHER;
    }

    /** The keyword as the events carry it ("STOP", "unsubscribe " → "UNSUBSCRIBE"). */
    static String normalized(String body) {
        return body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
    }
}
