package dev.tcgen.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Writes a {@code Long} that holds an unsigned 64-bit integer ({@code uint64} in the API) as an
 * unsigned JSON number.
 *
 * <p>Java has no unsigned {@code long}, so values from 2<sup>63</sup> to 2<sup>64</sup>-1 are
 * carried in a {@code Long} as their two's-complement bit pattern, that is as negative numbers:
 * {@code -1L} stands for 18446744073709551615. {@link Long#toUnsignedString(long)} and
 * {@link Long#parseUnsignedLong(String)} convert between the two views.
 *
 * <p>The generated classes put
 * {@code @JsonSerialize(using = UnsignedLongSerializer.class)} on such members, and
 * {@code @JsonSerialize(contentUsing = UnsignedLongSerializer.class)} on lists of them;
 * {@link UnsignedLongDeserializer} reads them back.
 */
public final class UnsignedLongSerializer extends StdSerializer<Long> {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the serializer. Jackson calls this for {@code @JsonSerialize(using = ...)}.
     */
    public UnsignedLongSerializer() {
        super(Long.class);
    }

    /**
     * Writes the value as an unsigned decimal number.
     *
     * @param value the value, negative for numbers of 2<sup>63</sup> and above
     * @param generator where to write
     * @param provider the serialization context, unused
     * @throws IOException if the generator cannot write
     */
    @Override
    public void serialize(Long value, JsonGenerator generator, SerializerProvider provider) throws
            IOException {
        long bits = value;
        if (bits >= 0) {
            generator.writeNumber(bits);
        } else {
            generator.writeNumber(new BigInteger(Long.toUnsignedString(bits)));
        }
    }
}
