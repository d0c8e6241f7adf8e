package dev.ticketsms.web.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;

/**
 * A JSON string held a NUL character. Jackson adds the path of the field as the exception travels up, so
 * {@code ProblemResponses} can name it ({@code title}, {@code userIds[2]}).
 */
public final class NulCharacterException extends DatabindException {

    NulCharacterException(JsonParser parser) {
        super(parser, "String value " + NulCharacters.REASON);
    }
}
