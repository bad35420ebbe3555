package dev.tcgen.generator.testing;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.tools.JavaFileObject;

/**
 * Loads the classes of an in-memory compilation, so a test can run generated code without writing it to disk.
 *
 * <p>Its own classes are loaded child-first; everything else (the JDK, Jackson, JUnit) comes from the parent, so
 * objects cross between the test and the generated code with the same {@code Class}: a {@code JsonParser} of the
 * generated code is the test's.
 *
 * <pre>{@code
 * Compilation compilation = GeneratedCode.javac().compile(sources);
 * Class<?> signer = InMemoryClassLoader.of(compilation).loadClass("com.example.core.Tc3Signer");
 * }</pre>
 */
public final class InMemoryClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

    private final Map<String, byte[]> classes;

    /**
     * @param classes class file bytes by binary name, e.g. {@code com.example.Outer$Inner}
     * @param parent where every other class comes from
     */
    public InMemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
        super("in-memory", parent);
        this.classes = Map.copyOf(classes);
    }

    /** The classes a successful compile-testing compilation produced, over the test's own class loader. */
    public static InMemoryClassLoader of(Compilation compilation) {
        return of(compilation, InMemoryClassLoader.class.getClassLoader());
    }

    /** The classes a successful compile-testing compilation produced, over the given parent. */
    public static InMemoryClassLoader of(Compilation compilation, ClassLoader parent) {
        if (compilation.status() != Compilation.Status.SUCCESS) {
            throw new IllegalArgumentException("The compilation failed: " + compilation.errors());
        }
        Map<String, byte[]> classes = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                classes.put(binaryName(file), bytes(file));
            }
        }
        return new InMemoryClassLoader(classes, parent);
    }

    /** The binary names of the classes this loader defines itself. */
    public Set<String> classNames() {
        return classes.keySet();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!classes.containsKey(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** compile-testing names its outputs {@code mem:///CLASS_OUTPUT/com/example/Outer$Inner.class}. */
    private static String binaryName(JavaFileObject file) {
        String path = file.toUri().getPath();
        int start = path.indexOf(CLASS_OUTPUT);
        if (start < 0 || !path.endsWith(".class")) {
            throw new IllegalArgumentException("Not a class output: " + file.toUri());
        }
        return path.substring(start + CLASS_OUTPUT.length(), path.length() - ".class".length()).replace('/', '.');
    }

    private static byte[] bytes(JavaFileObject file) {
        try (InputStream in = file.openInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
