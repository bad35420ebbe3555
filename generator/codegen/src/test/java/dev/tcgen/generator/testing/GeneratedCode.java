package dev.tcgen.generator.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.google.testing.compile.Compiler;
import com.palantir.javapoet.JavaFile;
import dev.tcgen.runtime.ApiTransport;
import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * Compiles generated sources the way the generated client is built: {@code -Xlint:all -Werror}, against jackson-core
 * and nothing else, so a missing import or an accidental dependency on the generator fails the test.
 */
public final class GeneratedCode {

    private GeneratedCode() {}

    /** compile-testing's javac with every lint warning an error and only jackson-core on the class path. */
    public static Compiler javac() {
        return Compiler.javac().withOptions("-Xlint:all", "-Werror").withClasspath(jacksonClasspath());
    }

    /**
     * The same javac with the runtime jar (or the runtime module's classes) on the class path too, for sources
     * generated with {@link dev.tcgen.generator.RuntimeMode#DEPENDENCY}.
     */
    public static Compiler javacWithRuntimeJar() {
        return javac().withClasspath(Stream.concat(jacksonClasspath().stream(),
                Stream.of(location(ApiTransport.class))).toList());
    }

    /** The files as in-memory sources for {@link Compiler#compile(Iterable)}. */
    public static List<JavaFileObject> sources(List<JavaFile> files) {
        return files.stream().map(JavaFile::toJavaFileObject).toList();
    }

    /** The jackson-core jar (or class folder) the tests run with: the generated client's one dependency. */
    public static List<File> jacksonClasspath() {
        return List.of(location(JsonParser.class));
    }

    private static File location(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate " + type, e);
        }
    }
}
