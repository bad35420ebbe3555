package dev.tcgen.generator.testing;

import com.google.testing.compile.JavaFileObjects;
import dev.tcgen.generator.GeneratedSource;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;

/** The spec fixtures under {@code src/test/resources/specs}, and generated sources as compiler input. */
public final class SpecFixtures {

    private SpecFixtures() {}

    /** The fixture {@code specs/<name>} as a file. */
    public static Path spec(String name) {
        return TestResources.file("/specs/" + name);
    }

    /** Generated sources as in-memory compiler input, each named by its class. */
    public static List<JavaFileObject> javaFileObjects(List<GeneratedSource> sources) {
        return sources.stream()
                .map(s -> JavaFileObjects.forSourceString(
                        s.relativePath().replaceAll("\\.java$", "").replace('/', '.'), s.content()))
                .toList();
    }
}
