package dev.tcgen.generator.model;

import com.palantir.javapoet.ClassName;
import dev.tcgen.generator.spec.SpecFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The scalar types of the spec format ({@link SpecFormat#SCALAR_TYPES}, in that order, named alike) and the Java type
 * each maps to.
 *
 * <ul>
 *   <li>{@code uint64} maps to {@code Long} holding the unsigned value: values above {@code Long.MAX_VALUE} are kept
 *       as their two's complement bit pattern, exactly as {@link Long#toUnsignedString(long)} and
 *       {@link Long#parseUnsignedLong(String)} read them, and travel on the wire as unsigned decimal numbers.
 *   <li>{@code float} maps to {@code Double}: JSON numbers are doubles, and {@code float} would lose digits.
 *   <li>{@code date}, {@code datetime}, {@code datetime_iso} map to {@code String}, as sent: Tencent Cloud's values
 *       are not uniform (empty strings, zero dates, offsets or none), and a failed parse must never cost the caller
 *       the whole response. The Javadoc names the format.
 *   <li>{@code binary} maps to {@code String}, the text the API sends (Base64 where the API says so).
 * </ul>
 */
public enum ScalarKind {
    STRING(ClassName.get(String.class)),
    INT64(ClassName.get(Long.class)),
    UINT64(ClassName.get(Long.class)),
    FLOAT(ClassName.get(Double.class)),
    BOOL(ClassName.get(Boolean.class)),
    DATE(ClassName.get(String.class)),
    DATETIME(ClassName.get(String.class)),
    DATETIME_ISO(ClassName.get(String.class)),
    BINARY(ClassName.get(String.class));

    private final ClassName javaType;

    ScalarKind(ClassName javaType) {
        this.javaType = javaType;
    }

    /** The boxed Java type members of this type have. */
    public ClassName javaType() {
        return javaType;
    }

    /** The scalar of the given spec name (its constant's name in lower case, e.g. {@code datetime_iso}), if any. */
    public static Optional<ScalarKind> fromSpecName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.name().toLowerCase(Locale.ROOT).equals(name)).findFirst();
    }
}
