package dev.ticketsms.sandbox.messages;

import java.util.List;

import org.springframework.web.bind.annotation.BindParam;

/** The form parameters of Twilio's "create a Message" call that the sandbox understands; all arrive unchecked. */
record NewMessageForm(
        @BindParam("To") String to,
        @BindParam("From") String from,
        @BindParam("MessagingServiceSid") String messagingServiceSid,
        @BindParam("Body") String body,
        @BindParam("MediaUrl") List<String> mediaUrl,
        @BindParam("StatusCallback") String statusCallback,
        @BindParam("ValidityPeriod") String validityPeriod,
        @BindParam("MaxPrice") String maxPrice) {

    NewMessageForm {
        mediaUrl = mediaUrl == null ? List.of() : List.copyOf(mediaUrl);
    }
}
