package dev.ticketsms.sandbox.inbox;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

import dev.ticketsms.sandbox.SandboxProperties;
import dev.ticketsms.sandbox.messages.Direction;
import dev.ticketsms.sandbox.messages.ReceivedMessages;
import dev.ticketsms.sandbox.messages.SandboxMessage;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A web page showing what each phone would have seen: one conversation per phone, the most recently
 * active first, newest message first, with status and body. Plain HTML that reloads itself; every
 * value from a message is escaped.
 */
@Controller
class InboxPage {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ReceivedMessages messages;
    private final long refreshSeconds;

    InboxPage(ReceivedMessages messages, SandboxProperties properties) {
        this.messages = messages;
        this.refreshSeconds = Math.max(1, properties.inbox().refresh().toSeconds());
    }

    @GetMapping("/")
    String home() {
        return "redirect:/sandbox/inbox";
    }

    @GetMapping(value = "/sandbox/inbox", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String inbox() {
        var newestFirst = messages.all().reversed();
        var byPhone = newestFirst.stream()
                .collect(Collectors.groupingBy(SandboxMessage::phone, LinkedHashMap::new, Collectors.toList()));
        var html = new StringBuilder(4096)
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append("\">")
                .append("<title>SMS sandbox inbox</title><style>")
                .append("body{font-family:sans-serif;margin:2em;background:#f6f6f6}")
                .append("section{background:#fff;border-radius:8px;padding:1em;margin-bottom:1.5em}")
                .append("table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3em .6em;vertical-align:top}")
                .append("tr+tr{border-top:1px solid #eee}.body{white-space:pre-wrap}.status{font-weight:bold}")
                .append(".undelivered,.failed{color:#b00}.delivered{color:#080}.inbound{background:#eef5ff}")
                .append("</style></head><body>\n<h1>SMS sandbox inbox</h1>\n<p>")
                .append(newestFirst.size()).append(" message(s) with ").append(byPhone.size())
                .append(" phone(s); refreshes every ").append(refreshSeconds).append(" s. JSON: <a href=\"/sandbox/messages\">/sandbox/messages</a>.</p>\n");
        byPhone.forEach((phone, conversation) -> conversation(html, phone, conversation));
        return html.append("</body></html>\n").toString();
    }

    private static void conversation(StringBuilder html, String phone, List<SandboxMessage> conversation) {
        html.append("<section><h2>").append(htmlEscape(phone)).append("</h2>\n<table><tr><th>time (UTC)</th>")
                .append("<th>direction</th><th>other end</th><th>status</th><th>body</th><th>SID</th></tr>\n");
        conversation.forEach(message -> {
            var inbound = message.direction() == Direction.INBOUND;
            var otherEnd = inbound ? message.to()
                    : message.from() != null ? message.from() : message.messagingServiceSid();
            html.append("<tr class=\"").append(inbound ? "inbound" : "outbound").append("\"><td>")
                    .append(TIME.format(message.receivedAt())).append("</td><td>")
                    .append(inbound ? "from phone" : "to phone").append(" (").append(message.direction().wireName())
                    .append(")</td><td>").append(htmlEscape(String.valueOf(otherEnd))).append("</td><td class=\"status ")
                    .append(message.status().wireName()).append("\">").append(message.status().wireName());
            if (message.errorCode() != null) {
                html.append(" (").append(message.errorCode()).append(')');
            }
            html.append("</td><td class=\"body\">").append(htmlEscape(message.body())).append("</td><td><code>")
                    .append(message.sid().value()).append("</code></td></tr>\n");
        });
        html.append("</table></section>\n");
    }
}
