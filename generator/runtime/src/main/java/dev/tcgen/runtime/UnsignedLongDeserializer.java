package dev.tcgen.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;

/**
 * Reads an unsigned 64-bit integer ({@code uint64} in the API), from 0 to 18446744073709551615,
 * into a {@code Long}.
 *
 * <p>Values of 2<sup>63</sup> and above do not fit a signed {@code long}; they are kept as their
 * two's-complement bit pattern, so they read as negative numbers: use
 * {@link Long#toUnsignedString(long)}, {@link Long#compareUnsigned(long, long)} and
 * {@link Long#divideUnsigned(long, long)} to work with them. JSON numbers and numeric strings are
 * accepted; anything negative, fractional or out of range fails with a Jackson
 * {@code InvalidFormatException} that names the value, rather than being silently wrapped.
 *
 * <p>The generated classes put
 * {@code @JsonDeserialize(using = UnsignedLongDeserializer.class)} on such members, and
 * {@code @JsonDeserialize(contentUsing = UnsignedLongDeserializer.class)} on lists of them;
 * {@link UnsignedLongSerializer} writes them.
 */
public final class UnsignedLongDeserializer extends StdDeserializer<Long> {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the deserializer. Jackson calls this for {@code @JsonDeserialize(using = ...)}.
     */
    public UnsignedLongDeserializer() {
        super(Long.class);
    }

    /**
     * Reads the current JSON number or numeric string; a fractional number is refused by value.
     *
     * @param parser positioned on the value
     * @param context the deserialization context, for reporting a wrong token
     * @return the value, negative for numbers of 2<sup>63</sup> and above
     * @throws IOException if the value is not an unsigned 64-bit integer, or cannot be read
     */
    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_STRING
                || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parseUnsigned(parser, parser.getText().strip());
        }
        return (Long) context.handleUnexpectedToken(Long.class, parser);
    }

    private static Long parseUnsigned(JsonParser parser, String text) throws IOException {
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw InvalidFormatException.from(
                    parser, "Not an unsigned 64-bit integer (0 to 18446744073709551615): " + text, text, Long.class);
        }
    }
}
