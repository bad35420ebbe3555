package dev.tcgen.generator.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The generated JSON codecs of classes compiled in a test ({@code writeJson}, {@code readJson}: package-private, so
 * called by reflection), through the {@code Json} class of the same generated runtime.
 *
 * <pre>{@code
 * Object node = Codecs.read("{\"Label\":\"root\"}", nodeClass);
 * String json = Codecs.write(node);
 * }</pre>
 */
public final class Codecs {

    private Codecs() {}

    /** The JSON text of a generated object, written by its class's {@code writeJson}. */
    public static String write(Object value) {
        Class<?> json = runtimeClass(value.getClass(), "Json");
        Class<?> writer = runtimeClass(value.getClass(), "JsonWriter$ObjectWriter");
        Method writeJson = method(value.getClass(), "writeJson", runtimeClass(value.getClass(), "JsonWriter"));
        Object codec = Proxy.newProxyInstance(writer.getClassLoader(), new Class<?>[] {writer},
                (proxy, method, args) -> invoke(writeJson, args[0], args[1]));
        return (String) invoke(method(json, "text", Object.class, writer), null, value, codec);
    }

    /** An object of a generated class read from JSON text by the class's {@code readJson}. */
    public static Object read(String text, Class<?> type) {
        Class<?> json = runtimeClass(type, "Json");
        Class<?> reader = runtimeClass(type, "JsonReader$ObjectReader");
        Method readJson = method(type, "readJson", runtimeClass(type, "JsonReader"));
        Object codec = Proxy.newProxyInstance(reader.getClassLoader(), new Class<?>[] {reader},
                (proxy, method, args) -> invoke(readJson, null, args[0]));
        return invoke(method(json, "read", String.class, reader), null, text, codec);
    }

    /** A class of the runtime generated beside {@code type}'s service: {@code <base>.core.<name>}. */
    private static Class<?> runtimeClass(Class<?> type, String name) {
        String service = type.getPackageName();
        String base = service.substring(0, service.lastIndexOf('.', service.lastIndexOf('.') - 1));
        try {
            return Class.forName(base + ".core." + name, true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            Method method = type.getDeclaredMethod(name, parameters);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(type.getName() + " has no " + name, e);
        }
    }

    private static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(method.getName() + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
