package dev.tcgen.generator.emit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tcgen.generator.GeneratedSource;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.RuntimeMode;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.testing.LineDiff;
import dev.tcgen.generator.testing.SpecFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * Every file the emitters write for the fixture specs, against a golden copy: each request, response, structure,
 * error-code enum, region enum, exception and client of {@code kitchen-sink.json}, {@code no-regions.json} and
 * {@code paging.json} (a paginator of each shape), and
 * the one runtime file that is emitted rather than copied ({@code RuntimeVersion}). The files are generated with a
 * pinned generator version, so a release does not change them.
 *
 * <p>The golden files are {@code src/test/resources/golden/<group>/<path of the generated file>}, a group per
 * fixture plus {@code runtime}; the cases are every path on either side, so a golden file that is no longer
 * generated fails as well as a generated file without one. After an intended change to the output, run
 * {@value #UPDATE_COMMAND}, which rewrites, adds and deletes golden files to match, and review the diff.
 */
class GoldenFilesTest {

    /** The generator version the golden files name. */
    private static final String TEST_VERSION = "0.0.0-golden";

    private static final String UPDATE_COMMAND =
            "mvn -pl generator/codegen test -Dtest=GoldenFilesTest -Dtcgen.updateGolden=true";

    private static final String BASE_PACKAGE = "dev.tcgen.golden";
    private static final List<String> FIXTURES = List.of("kitchen-sink", "no-regions", "paging");
    private static final String RUNTIME_GROUP = "runtime";

    /** Relative to the module directory, which is the tests' working directory, so that updates land in sources. */
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("tcgen.updateGolden");

    static Stream<Arguments> everyFile() throws Exception {
        Map<String, String> generated = generate();
        Set<String> paths = new TreeSet<>(generated.keySet());
        paths.addAll(goldenPaths());
        return paths.stream().map(path -> Arguments.of(path, generated.get(path)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFile")
    void matchesItsGoldenFile(String path, String generated) throws IOException {
        Path golden = GOLDEN.resolve(path);
        if (UPDATE) {
            update(golden, generated);
        } else if (generated == null) {
            fail("golden file " + golden + " has no generated counterpart: the fixtures no longer produce " + path
                    + ". If that is intended, delete it with " + UPDATE_COMMAND);
        } else if (!Files.exists(golden)) {
            fail("generated " + path + " has no golden file " + golden + ". Write it with " + UPDATE_COMMAND
                    + " and review it");
        } else {
            assertMatches(golden, generated);
        }
    }

    /** Keeps the cases honest: the fixtures give every kind of file the emitters write. */
    @Test
    void theCasesCoverEveryKindOfFile() throws Exception {
        String kitchen = "kitchen-sink/dev/tcgen/golden/kitchen/v20240506/";
        List<String> kinds = Stream.of("DescribeEverythingRequest", "DescribeEverythingResponse", "Everything",
                "KitchenErrorCode", "Region", "KitchenException", "KitchenClient")
                .map(name -> kitchen + name + ".java")
                .toList();
        Set<String> paths = generate().keySet();

        assertTrue(paths.containsAll(kinds), paths.toString());
        assertTrue(paths.contains("no-regions/dev/tcgen/golden/regionless/v20210101/RegionlessClient.java"),
                paths.toString());
        assertTrue(paths.contains(RUNTIME_GROUP + "/dev/tcgen/golden/core/RuntimeVersion.java"), paths.toString());
        assertTrue(paths.contains("paging/dev/tcgen/golden/pages/v20210601/PagesClient.java"), paths.toString());
    }

    private static void assertMatches(Path golden, String generated) throws IOException {
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(generated)) {
            throw new AssertionFailedError(golden + " differs from the generated file:\n"
                    + LineDiff.unified(golden.toString(), expected, "generated", generated)
                    + "If the change is intended, rewrite the golden files with " + UPDATE_COMMAND
                    + " and review the diff", expected, generated);
        }
    }

    /** Makes the golden file what was generated: written, rewritten, or deleted when nothing was. */
    private static void update(Path golden, String generated) throws IOException {
        if (generated == null) {
            Files.delete(golden);
            deleteEmptyFolders(golden.getParent());
        } else {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, generated, StandardCharsets.UTF_8);
        }
    }

    private static void deleteEmptyFolders(Path folder) throws IOException {
        for (Path empty = folder; !empty.equals(GOLDEN) && isEmptyFolder(empty); empty = empty.getParent()) {
            Files.delete(empty);
        }
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * Every generated file, keyed by its golden path: {@code <group>/<path under the output directory>}. The
     * embedded runtime is left out but for its one emitted class: the rest are copies of the runtime module, which
     * {@code RuntimeEmbedderTest} compares line by line.
     */
    private static SortedMap<String, String> generate() throws SpecException, IOException {
        Generator.Options options = new Generator.Options(BASE_PACKAGE, RuntimeMode.EMBEDDED, List.of(), TEST_VERSION);
        String runtimeDirectory = options.runtimePackage().replace('.', '/') + "/";
        SortedMap<String, String> generated = new TreeMap<>();
        for (String fixture : FIXTURES) {
            for (GeneratedSource source : SpecFixtures.generate(options, List.of(SpecFixtures.spec(fixture + ".json")))) {
                if (!source.relativePath().startsWith(runtimeDirectory)) {
                    generated.put(fixture + "/" + source.relativePath(), source.content());
                } else if (source.relativePath().endsWith("/RuntimeVersion.java")) {
                    generated.put(RUNTIME_GROUP + "/" + source.relativePath(), source.content());
                }
            }
        }
        return generated;
    }

    /** The golden files, as paths under {@link #GOLDEN} with {@code /} separators. */
    private static Set<String> goldenPaths() throws IOException {
        if (!Files.isDirectory(GOLDEN)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(GOLDEN)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> GOLDEN.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
