package dev.ticketsms.web.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses NUL characters in every JSON string a request body binds to, whatever the field (record components,
 * list elements, map values): Jackson's own string reading, then the NUL check. Boot registers it with the
 * {@code JsonMapper} the HTTP message converters use because it is a {@code JacksonModule} bean.
 */
public final class NulRefusingJsonModule extends SimpleModule {

    public NulRefusingJsonModule() {
        super("nul-refusing-strings");
        addDeserializer(String.class, new NulRefusingStrings());
    }

    /** Not marked as Jackson's standard implementation, so collections of strings use it for every element too. */
    private static final class NulRefusingStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (NulCharacters.in(value)) {
                throw new NulCharacterException(parser);
            }
            return value;
        }
    }
}
