package dev.tcgen.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON set-up of the client: one shared, thread-safe Jackson {@code ObjectMapper}.
 *
 * <p>Its configuration follows from how the request, response and structure classes are
 * generated:
 * <ul>
 *   <li>Every JSON property is named explicitly with {@code @JsonProperty}, so auto-detection of
 *       getters, setters, fields and creators is off: a builder or {@code toBuilder()} method is
 *       never mistaken for a property, and renaming a Java member never changes the wire format.</li>
 *   <li>Properties the API added after the client was generated are ignored, not fatal.</li>
 *   <li>{@code null} members are left out of requests: Tencent Cloud treats an absent
 *       parameter as "not given", while an explicit {@code null} may be rejected.</li>
 *   <li>A request with no parameters serialises as {@code {}} instead of failing.</li>
 *   <li>Content after the JSON document is an error, so a corrupted response is not half read.</li>
 *   <li>Error messages do not quote the document they were reading, which may hold secrets
 *       (Jackson before 2.16 did).</li>
 * </ul>
 *
 * <p>The mapper is shared: read and write with it freely, but do not reconfigure it. For a
 * variant, configure a copy:
 *
 * <pre>{@code
 * ObjectMapper pretty = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
 * }</pre>
 */
public final class Json {
    private static final ObjectMapper MAPPER = createMapper();

    private Json() {
    }

    /**
     * The shared mapper, configured for the generated classes.
     *
     * @return the mapper; do not reconfigure it
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper createMapper() {
        return JsonMapper.builder()
                .disable(MapperFeature.AUTO_DETECT_CREATORS, MapperFeature.AUTO_DETECT_FIELDS,
                        MapperFeature.AUTO_DETECT_GETTERS, MapperFeature.AUTO_DETECT_IS_GETTERS,
                        MapperFeature.AUTO_DETECT_SETTERS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
                .build();
    }
}
