package dev.ticketsms.sandbox.messages;

import java.util.List;

/**
 * One page of Twilio's Messages list: the matching messages newest first, cut into pages of the query's
 * size, starting at the page token's message, or at page × size without one.
 *
 * <p>A page token whose message the sandbox no longer keeps (dropped for capacity, or cleared) leads to an
 * empty last page: every message older than it went with it.
 *
 * @param start the index of the page's first message in the whole list, as Twilio counts it: page × size
 * @param end   the index of its last message; equal to {@code start} when the page is empty
 */
record MessagePage(
        List<SandboxMessage> messages,
        int page,
        int pageSize,
        int start,
        int end,
        String uri,
        String firstPageUri,
        String nextPageUri,
        String previousPageUri) {

    MessagePage {
        messages = List.copyOf(messages);
    }

    static MessagePage of(MessageListQuery query, List<SandboxMessage> matchingNewestFirst) {
        var from = 0;
        var to = 0;
        var token = query.pageToken();
        if (token == null) {
            from = Math.min(query.page() * query.pageSize(), matchingNewestFirst.size());
            to = Math.min(from + query.pageSize(), matchingNewestFirst.size());
        } else {
            var at = indexOf(matchingNewestFirst, token.sid());
            if (at >= 0 && token.after()) {
                from = at + 1;
                to = Math.min(from + query.pageSize(), matchingNewestFirst.size());
            } else if (at >= 0) {
                from = Math.max(0, at - query.pageSize());
                to = at;
            }
        }
        var messages = matchingNewestFirst.subList(from, to);
        var hasNext = !messages.isEmpty() && to < matchingNewestFirst.size();
        var hasPrevious = !messages.isEmpty() && from > 0;
        var start = query.page() * query.pageSize();
        return new MessagePage(messages, query.page(), query.pageSize(), start,
                messages.isEmpty() ? start : start + messages.size() - 1,
                query.pageUri(query.page(), token),
                query.pageUri(0, null),
                hasNext ? query.pageUri(query.page() + 1, PageToken.after(messages.getLast().sid())) : null,
                hasPrevious ? query.pageUri(Math.max(0, query.page() - 1), PageToken.before(messages.getFirst().sid())) : null);
    }

    private static int indexOf(List<SandboxMessage> messages, MessageSid sid) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).sid().equals(sid)) {
                return i;
            }
        }
        return -1;
    }
}
