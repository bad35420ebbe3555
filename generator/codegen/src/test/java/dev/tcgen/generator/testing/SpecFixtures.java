package dev.tcgen.generator.testing;

import com.google.testing.compile.JavaFileObjects;
import dev.tcgen.generator.GeneratedSource;
import dev.tcgen.generator.GenerationRequest;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.spec.ServiceSpec;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.spec.SpecSource;
import java.io.IOException;
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

    /** Reads and validates a spec file. */
    public static ServiceSpec load(Path file) throws SpecException {
        return Generator.load(SpecSource.read(file));
    }

    /** The sources generated in memory from spec files. */
    public static List<GeneratedSource> generate(Generator.Options options, List<Path> specFiles)
            throws SpecException, IOException {
        return Generator.generate(GenerationRequest.ofFiles(options, specFiles)).sources();
    }

    /** The sources generated in memory from spec texts. */
    public static List<GeneratedSource> generateFrom(Generator.Options options, List<SpecSource> specs)
            throws SpecException, IOException {
        return Generator.generate(GenerationRequest.of(options, specs)).sources();
    }

    /** Generated sources as in-memory compiler input, each named by its class. */
    public static List<JavaFileObject> javaFileObjects(List<GeneratedSource> sources) {
        return sources.stream()
                .map(s -> JavaFileObjects.forSourceString(
                        s.relativePath().replaceAll("\\.java$", "").replace('/', '.'), s.content()))
                .toList();
    }
}
