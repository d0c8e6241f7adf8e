package dev.ticketsms.sandbox.twilio;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON body Twilio answers with when it refuses a request. */
public record TwilioError(int code, String message, @JsonProperty("more_info") String moreInfo, int status) {

    public static TwilioError of(TwilioApiException exception) {
        return new TwilioError(exception.code(), exception.getMessage(),
                "https://www.twilio.com/docs/errors/" + exception.code(), exception.status().value());
    }
}
