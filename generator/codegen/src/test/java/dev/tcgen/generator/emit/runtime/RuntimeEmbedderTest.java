package dev.tcgen.generator.emit.runtime;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tcgen.generator.GeneratedSource;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.RuntimeMode;
import dev.tcgen.generator.emit.GeneratedFiles;
import dev.tcgen.generator.testing.GeneratedCode;
import dev.tcgen.generator.testing.InMemoryClassLoader;
import dev.tcgen.generator.testing.SpecFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuntimeEmbedderTest {

    /** The runtime module's sources, as they are in the checkout (tests run in the codegen module's folder). */
    private static final Path MODULE_SOURCES = Path.of("..", "runtime", "src", "main", "java", "dev", "tcgen", "runtime");
    private static final String TARGET = "com.example.cloud.core";

    private final List<GeneratedSource> embedded = new RuntimeEmbedder(TARGET, new GeneratedFiles("9.9.9")).embed();

    @Test
    void theJarCarriesExactlyTheRuntimeModulesSources() throws IOException {
        Map<String, String> inModule = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MODULE_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                inModule.put(MODULE_SOURCES.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        Map<String, String> inJar = RuntimeSources.all().stream().collect(Collectors.toMap(
                RuntimeSources.SourceFile::relativePath, RuntimeSources.SourceFile::text, (a, b) -> a, TreeMap::new));

        assertEquals(inModule, inJar, "rebuild codegen after changing the runtime module (mvn install)");
    }

    @Test
    void everyEmbeddedFileEqualsItsModuleSourceButForItsPackageAndRuntimeImports() {
        Map<String, String> byPath = embedded.stream()
                .collect(Collectors.toMap(GeneratedSource::relativePath, GeneratedSource::content));
        int compared = 0;
        for (RuntimeSources.SourceFile source : RuntimeSources.all()) {
            if (source.relativePath().equals(RuntimeEmbedder.VERSION_CLASS + ".java")) {
                continue;
            }
            String copy = byPath.get("com/example/cloud/core/" + source.relativePath());
            List<String> original = source.text().lines().toList();
            List<String> relocated = copy.lines().toList();
            assertEquals(original.size(), relocated.size(), source.relativePath() + ": line count");
            for (int i = 0; i < original.size(); i++) {
                String before = original.get(i);
                String after = relocated.get(i);
                if (before.startsWith("package ")) {
                    assertEquals("package " + TARGET + "; // Embedded from tcgen-runtime 9.9.9 (dev.tcgen.runtime."
                            + source.relativePath().replace(".java", "") + "). Do not edit: regenerate instead.",
                            after);
                } else if (before.startsWith("import dev.tcgen.runtime.")) {
                    assertEquals(before.replace("dev.tcgen.runtime.", TARGET + "."), after);
                } else {
                    assertEquals(before, after, source.relativePath() + ":" + (i + 1));
                }
            }
            compared++;
        }
        assertEquals(RuntimeSources.all().size() - 1, compared);
        assertTrue(compared >= 20, "only " + compared + " runtime files");
    }

    @Test
    void theEmbeddedRuntimeCompilesWithEveryLintWarningAnError() {
        Compilation compilation = GeneratedCode.javac().compile(SpecFixtures.javaFileObjects(embedded));

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void theVersionClassCarriesTheGeneratorVersion() {
        String version = embedded.stream()
                .filter(s -> s.relativePath().equals("com/example/cloud/core/RuntimeVersion.java"))
                .findFirst().orElseThrow().content();

        assertTrue(version.contains("static final String VERSION = \"9.9.9\";"), version);
    }

    @Test
    void aRuntimeSourceNamingItsPackageInCodeIsRefusedWithItsLine() {
        RuntimeEmbedder embedder = new RuntimeEmbedder(TARGET, new GeneratedFiles("1"));
        RuntimeSources.SourceFile stray = new RuntimeSources.SourceFile("Stray.java", """
                package dev.tcgen.runtime;

                final class Stray {
                    Object credentials = new dev.tcgen.runtime.Credentials[0];
                }
                """);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> embedder.relocate(stray));

        assertTrue(e.getMessage().startsWith("runtime source Stray.java:4 names dev.tcgen.runtime"), e.getMessage());
    }

    /**
     * Two clients embedding the runtime under different base packages and a third using the runtime jar compile into
     * one class path, each client bound to its own runtime.
     */
    @Test
    void clientsOfDifferentBasePackagesAndTheRuntimeJarSitOnOneClassPath() throws Exception {
        List<GeneratedSource> all = new ArrayList<>();
        Path spec = SpecFixtures.spec("kitchen-sink.json");
        all.addAll(SpecFixtures.generate(Generator.Options.of("com.first"), List.of(spec)));
        all.addAll(SpecFixtures.generate(Generator.Options.of("com.second"), List.of(spec)));
        all.addAll(SpecFixtures.generate(new Generator.Options("com.third", RuntimeMode.DEPENDENCY),
                List.of(spec)));
        assertTrue(all.stream().noneMatch(s -> s.relativePath().startsWith("com/third/core/")));

        Compilation compilation = GeneratedCode.javacWithRuntimeJar().compile(SpecFixtures.javaFileObjects(all));

        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader loader = InMemoryClassLoader.of(compilation);
        Map<String, String> transports = new TreeMap<>();
        for (String base : List.of("com.first", "com.second", "com.third")) {
            Class<?> client = loader.loadClass(base + ".kitchen.v20240506.KitchenClient");
            transports.put(base, client.getMethod("transport").getReturnType().getName());
        }
        assertEquals(Map.of("com.first", "com.first.core.ApiTransport", "com.second", "com.second.core.ApiTransport",
                "com.third", "dev.tcgen.runtime.ApiTransport"), transports);
    }
}
