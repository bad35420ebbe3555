package dev.tcgen.generator.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/** Calls into classes compiled during a test, which the test's own code cannot name. */
public final class Reflection {

    private Reflection() {}

    /**
     * Calls a public method by name and argument count: a static one when {@code target} is a {@code Class}, else an
     * instance method of {@code target}. An unchecked exception the method throws is rethrown as it is, so tests can
     * assert on it; a checked one becomes an {@code AssertionError}.
     */
    public static Object call(Object target, String name, Object... args) {
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        Object receiver = target instanceof Class<?> ? null : target;
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
                .findFirst()
                .orElseThrow(() -> new AssertionError(type.getName() + " has no public " + name + "/" + args.length));
        try {
            return accessible(method).invoke(receiver, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new AssertionError("Checked exception from " + name, e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * {@code method}, or the same method of a public interface its class implements when the class is not public
     * (a client's implementation is package-private; the client interface is public).
     */
    private static Method accessible(Method method) {
        if (Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            return method;
        }
        for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> implemented : type.getInterfaces()) {
                try {
                    return implemented.getMethod(method.getName(), method.getParameterTypes());
                } catch (NoSuchMethodException e) {
                    // another interface
                }
            }
        }
        return method;
    }

    /** The value of a public static field. */
    public static Object constant(Class<?> type, String name) {
        try {
            return type.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type.getName() + " has no public constant " + name, e);
        }
    }
}
