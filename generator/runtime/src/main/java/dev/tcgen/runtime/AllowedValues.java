package dev.tcgen.runtime;

import java.util.List;

/**
 * Checks a value against the values its documentation allows, e.g. {@code X-TC-Language}'s {@code en-US} and
 * {@code zh-CN}, so that a value the service would reject (or ignore) fails where it is set, naming the allowed ones.
 */
public final class AllowedValues {

    /** The languages of error messages Tencent Cloud answers in, sent as {@code X-TC-Language}. */
    public static final List<String> LANGUAGES = List.of("en-US", "zh-CN");

    private AllowedValues() {
    }

    /**
     * {@code value}, if it is {@code null} or one of {@code allowed}.
     *
     * @param name what the value is, for the message, e.g. {@code Language}
     * @param value the value
     * @param allowed the values allowed, exactly as spelled on the wire
     * @return the value
     * @throws IllegalArgumentException if it is none of them; the message names them
     */
    public static String check(String name, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new IllegalArgumentException(name + " must be " + oneOf(allowed) + ", not \"" + value + "\"");
        }
        return value;
    }

    /**
     * {@code values}, if each is one of {@code allowed}; see {@link #check(String, String, List)}.
     *
     * @param name what the values are, for the message
     * @param values the values, or {@code null}
     * @param allowed the values allowed
     * @return the values
     * @throws IllegalArgumentException if one is none of them
     */
    public static List<String> checkEach(String name, List<String> values, List<String> allowed) {
        if (values != null) {
            values.forEach(value -> check(name, value, allowed));
        }
        return values;
    }

    private static String oneOf(List<String> allowed) {
        if (allowed.size() == 1) {
            return allowed.get(0);
        }
        return String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + allowed.get(allowed.size() - 1);
    }
}
