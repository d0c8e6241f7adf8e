package dev.ticketsms.sandbox.messages;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A page of the Messages list as Twilio's API answers it (schema {@code ListMessageResponse}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TwilioMessageListJson(
        List<TwilioMessageJson> messages,
        int end,
        String firstPageUri,
        String nextPageUri,
        int page,
        int pageSize,
        String previousPageUri,
        int start,
        String uri) {

    static TwilioMessageListJson of(MessagePage page) {
        return new TwilioMessageListJson(page.messages().stream().map(TwilioMessageJson::of).toList(), page.end(),
                page.firstPageUri(), page.nextPageUri(), page.page(), page.pageSize(), page.previousPageUri(),
                page.start(), page.uri());
    }
}
