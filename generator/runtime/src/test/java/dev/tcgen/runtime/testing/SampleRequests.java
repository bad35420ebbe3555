package dev.tcgen.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds requests of generated clients, by reflection over their builders, with a value in every member: the
 * representative requests whose exact JSON bytes the request tests pin down. The values are fixed, so the same
 * classes always give equal requests, and they exercise the wire format: text with quotes, control characters and
 * characters beyond ASCII, negative and unsigned 64-bit numbers (-1 is 18446744073709551615 as uint64), doubles that
 * print with and without exponents, both booleans, empty and two-element lists, structures nested two deep.
 *
 * <pre>{@code
 * Map<String, Object> requests = SampleRequests.of(StopPublishCdnStreamRequest.class);
 * // "full" -> every member set, "lists empty" -> every list empty, "minimal" -> only what build() requires
 * }</pre>
 */
public final class SampleRequests {

    private static final int MAX_DEPTH = 2;

    private SampleRequests() {}

    /**
     * The sample requests of one request class by variant: {@code full} (every member, lists of two), {@code lists
     * empty} (every member, lists empty) and, where {@code build()} accepts an empty builder, {@code empty}.
     *
     * @param requestClass a generated request (or structure) class with a static {@code builder()}
     * @return the requests by variant, in that order
     */
    public static Map<String, Object> of(Class<?> requestClass) {
        Map<String, Object> requests = new LinkedHashMap<>();
        requests.put("full", build(requestClass, 0, 2));
        requests.put("lists empty", build(requestClass, 0, 0));
        try {
            requests.put("empty", invoke(invoke(requestClass, "builder"), "build"));
        } catch (IllegalStateException requiredMembers) {
            // build() names the required members; the other variants have them
        }
        return requests;
    }

    /**
     * Asserts that the requests' JSON is exactly what a fixture captured: lines {@code <class> <variant><TAB><JSON>},
     * {@code #} lines comments; the same requests, and the same text for each.
     *
     * @param fixture the fixture's text (UTF-8)
     * @param written the JSON by {@code <class> <variant>}
     * @throws IOException if the fixture cannot be read
     */
    public static void assertCaptured(InputStream fixture, Map<String, String> written) throws IOException {
        Map<String, String> captured = new LinkedHashMap<>();
        try (fixture) {
            for (String line : new String(fixture.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    int tab = line.indexOf('\t');
                    captured.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        assertEquals(captured.keySet(), written.keySet());
        written.forEach((request, json) -> assertEquals(captured.get(request), json, request));
    }

    private static Object build(Class<?> type, int depth, int listSize) {
        Object builder = invoke(type, "builder");
        for (Method setter : builder.getClass().getMethods()) {
            if (setter.getDeclaringClass() != builder.getClass() || setter.getParameterCount() != 1
                    || setter.getParameterTypes()[0].isPrimitive()) {
                continue;
            }
            Object value = value(setter.getGenericParameterTypes()[0], setter.getName(), depth, listSize);
            if (value != null) {
                call(setter, builder, value);
            }
        }
        return invoke(builder, "build");
    }

    private static Object value(Type type, String member, int depth, int listSize) {
        if (type instanceof ParameterizedType list) {
            Type element = list.getActualTypeArguments()[0];
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < listSize; i++) {
                Object value = value(element, member + i, depth, listSize);
                if (value == null) {
                    return null;
                }
                values.add(value);
            }
            return values;
        }
        Class<?> type0 = (Class<?>) type;
        int variant = Math.floorMod(member.hashCode(), 4);
        if (type0 == String.class) {
            return member + " \"q\" \\ / \n\t\u0001 é 中文 😀 </script>";
        }
        if (type0 == Long.class) {
            return List.of(-1L, 1400188366L, Long.MIN_VALUE, 0L).get(variant);
        }
        if (type0 == Double.class) {
            return List.of(0.1, 1.0E-7, 1.0E21, 12345.678).get(variant);
        }
        if (type0 == Boolean.class) {
            return variant % 2 == 0;
        }
        if (depth >= MAX_DEPTH) {
            return null;
        }
        return build(type0, depth + 1, listSize);
    }

    private static Object invoke(Object target, String name) {
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        try {
            Method method = type.getMethod(name);
            return call(method, Modifier.isStatic(method.getModifiers()) ? null : target);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(type.getName() + " has no " + name + "()", e);
        }
    }

    private static Object call(Method method, Object target, Object... args) {
        try {
            method.setAccessible(true);
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new AssertionError(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
