package dev.tcgen.generator.emit.core;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.JavaFile;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import dev.tcgen.generator.testing.GeneratedCode;
import dev.tcgen.generator.testing.InMemoryClassLoader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The emitted core package, compiled once and loaded, shared by the core tests. */
final class CoreFixture {

    static final CoreTypes TYPES = new CoreTypes("dev.tcgen.client.core");
    static final GeneratedFiles FILES = new GeneratedFiles("1.2.3-test");

    private static final AtomicReference<InMemoryClassLoader> LOADER = new AtomicReference<>();

    private CoreFixture() {}

    static List<JavaFile> emit() {
        return new CoreEmitter(TYPES, FILES).emitAll();
    }

    static Compilation compile() {
        return GeneratedCode.javac().compile(GeneratedCode.sources(emit()));
    }

    /** The compiled core, loaded over the test's class loader (so Jackson is shared). */
    static InMemoryClassLoader loader() {
        InMemoryClassLoader loader = LOADER.get();
        if (loader == null) {
            Compilation compilation = compile();
            assertThat(compilation).succeededWithoutWarnings();
            LOADER.compareAndSet(null, InMemoryClassLoader.of(compilation));
            loader = LOADER.get();
        }
        return loader;
    }

    static Class<?> coreClass(String simpleName) {
        try {
            return loader().loadClass(TYPES.packageName() + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("The core has no class " + simpleName, e);
        }
    }

    /** A {@code ServiceExceptionFactory} that makes the base exception, as {@code TencentCloudException::new} would. */
    static Object baseExceptionFactory() {
        Class<?> factory = coreClass("ServiceExceptionFactory");
        Constructor<?> constructor;
        try {
            constructor = coreClass("TencentCloudException")
                    .getConstructor(String.class, String.class, String.class, int.class, Throwable.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        return Proxy.newProxyInstance(factory.getClassLoader(), new Class<?>[] {factory}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "create" -> constructor.newInstance(args);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "exceptions";
                });
    }
}
