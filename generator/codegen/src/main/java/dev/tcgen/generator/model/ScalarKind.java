package dev.tcgen.generator.model;

import com.palantir.javapoet.ClassName;
import java.util.Arrays;
import java.util.Optional;

/**
 * The scalar types of the spec format and the Java type each maps to.
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
    STRING("string", ClassName.get(String.class)),
    INT64("int64", ClassName.get(Long.class)),
    UINT64("uint64", ClassName.get(Long.class)),
    FLOAT("float", ClassName.get(Double.class)),
    BOOL("bool", ClassName.get(Boolean.class)),
    DATE("date", ClassName.get(String.class)),
    DATETIME("datetime", ClassName.get(String.class)),
    DATETIME_ISO("datetime_iso", ClassName.get(String.class)),
    BINARY("binary", ClassName.get(String.class));

    private final String specName;
    private final ClassName javaType;

    ScalarKind(String specName, ClassName javaType) {
        this.specName = specName;
        this.javaType = javaType;
    }

    /** The name of this type in the spec format, e.g. {@code datetime_iso}. */
    public String specName() {
        return specName;
    }

    /** The boxed Java type members of this type have. */
    public ClassName javaType() {
        return javaType;
    }

    /** The scalar of the given spec name, if there is one. */
    public static Optional<ScalarKind> fromSpecName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.specName.equals(name)).findFirst();
    }
}
