package dev.ticketsms.sandbox.messages;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The query parameters of Twilio's "Read multiple Message resources" call; all arrive unchecked. Twilio's
 * inequality filters are parameters whose names end in {@code <} and {@code >} ({@code DateSent%3E=2024-05-01}).
 */
record MessageListForm(
        @BindParam("To") String to,
        @BindParam("From") String from,
        @BindParam("DateSent") String dateSent,
        @BindParam("DateSent<") String dateSentOnOrBefore,
        @BindParam("DateSent>") String dateSentOnOrAfter,
        @BindParam("PageSize") String pageSize,
        @BindParam("Page") String page,
        @BindParam("PageToken") String pageToken) {
}
