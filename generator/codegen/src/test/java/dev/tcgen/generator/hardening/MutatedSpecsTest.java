package dev.tcgen.generator.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.tcgen.generator.GeneratedSource;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.RuntimeMode;
import dev.tcgen.generator.emit.RuntimeTypes;
import dev.tcgen.generator.model.ActionModel;
import dev.tcgen.generator.model.ErrorCodeModel;
import dev.tcgen.generator.model.MemberModel;
import dev.tcgen.generator.model.ModelBuilder;
import dev.tcgen.generator.model.RegionModel;
import dev.tcgen.generator.model.ServiceModel;
import dev.tcgen.generator.model.StructureModel;
import dev.tcgen.generator.spec.Problem;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.spec.SpecSource;
import dev.tcgen.generator.testing.GeneratedCode;
import dev.tcgen.generator.testing.InMemoryClassLoader;
import dev.tcgen.generator.testing.Reflection;
import dev.tcgen.generator.testing.SpecFixtures;
import dev.tcgen.generator.testing.TestSpecs;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever a spec file holds, the generator either returns sources that compile with {@code -Xlint:all
 * -Werror} and keep every wire name exact, or throws a {@link SpecException} whose every problem has a
 * {@code file:line:column} inside the file; never any other exception, and never the same input to different output.
 *
 * <p>Each case mutates a valid spec (the TRTC spec cut to a few actions, or the kitchen-sink fixture) with
 * {@link SpecMutator}. Cases come from one seed; a failure names its seed and case, and
 * {@code -Dtcgen.fuzz.seed=S -Dtcgen.fuzz.case=N} replays it alone (its spec is also written under
 * {@code target/tcgen-fuzz/}). Settings:
 *
 * <ul>
 *   <li>{@code tcgen.fuzz.cases} (default {@value #DEFAULT_CASES}): cases whose sources are compiled when they
 *       generate;
 *   <li>{@code tcgen.fuzz.generateOnlyCases} (default five times the cases): further cases that are only generated,
 *       which is cheaper;
 *   <li>{@code tcgen.fuzz.seed} (default {@value #DEFAULT_SEED}, so that the default build is repeatable): a number,
 *       or {@code random};
 *   <li>{@code tcgen.fuzz.case}: run only this case of the seed.
 * </ul>
 *
 * <pre>{@code
 * mvn -pl api-spec,generator test -Dtest=MutatedSpecsTest -Dtcgen.fuzz.cases=500 -Dtcgen.fuzz.seed=random
 * }</pre>
 */
class MutatedSpecsTest {

    static final int DEFAULT_CASES = 80;
    static final long DEFAULT_SEED = 20240507L;

    private static final String BASE = "dev.tcgen.client";
    /** The wire name a generated {@code writeJson} writes a member under: {@code out.writeString("Name", ...)}. */
    private static final Pattern JSON_PROPERTY = Pattern.compile("out\\.write\\w*\\(\"((?:[^\"\\\\]|\\\\.)*)\"");

    @TempDir
    static Path directory;

    private static final long SEED = seed();
    private static final int CASES = Integer.getInteger("tcgen.fuzz.cases", DEFAULT_CASES);
    private static final int GENERATE_ONLY_CASES = Integer.getInteger("tcgen.fuzz.generateOnlyCases", CASES * 5);
    private static final Integer ONLY = Integer.getInteger("tcgen.fuzz.case");

    private static List<ObjectNode> bases;
    private static Compiler javac;

    @BeforeAll
    static void prepare() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        bases = List.of(
                (ObjectNode) mapper.readTree(Files.readString(TestSpecs.trtc(directory), StandardCharsets.UTF_8)),
                (ObjectNode) mapper.readTree(Files.readString(SpecFixtures.spec("kitchen-sink.json"),
                        StandardCharsets.UTF_8)));
        // Every case generates its service alone, against the runtime jar: no runtime to compile each time.
        javac = GeneratedCode.javacWithRuntimeJar();
    }

    @Test
    void everyMutatedSpecCompilesOrFailsWithLocatedProblems() {
        Tally tally = run(0, CASES, true);
        System.out.println("tcgen fuzz: seed " + SEED + ", " + tally);
        tally.assertNoFailure();
    }

    @Test
    void manyMoreMutatedSpecsGenerateOrFailWithLocatedProblems() {
        Tally tally = run(CASES, GENERATE_ONLY_CASES, false);
        System.out.println("tcgen fuzz (generation only): seed " + SEED + ", " + tally);
        tally.assertNoFailure();
    }

    private Tally run(int first, int count, boolean compile) {
        Tally tally = new Tally();
        for (int index = first; index < first + count; index++) {
            if (ONLY == null || ONLY == index) {
                runCase(index, compile, tally);
            }
        }
        return tally;
    }

    private void runCase(int index, boolean compile, Tally tally) {
        Random random = new Random(new SplittableRandom(SEED).split().nextLong() ^ (index * 0x9E3779B97F4A7C15L));
        ObjectNode base = bases.get(random.nextInt(4) == 0 ? 1 : 0);
        String name = base.path("service").asText() + "-" + base.path("version").asText() + ".json";
        SpecMutator.Mutated mutated = SpecMutator.mutate(base, random);
        SpecSource source = new SpecSource(name, mutated.bytes());
        try {
            List<GeneratedSource> sources;
            try {
                sources = generate(source);
            } catch (SpecException e) {
                checkLocated(e, name, mutated);
                tally.rejected++;
                return;
            }
            assertEquals(sources, generate(source), "the same spec generated different sources");
            checkNoCaseCollision(sources);
            checkWireNames(source, sources);
            if (compile) {
                checkTextSurvivesInLiterals(source, checkCompiles(sources));
                tally.compiled++;
            } else {
                tally.generated++;
            }
        } catch (Throwable failure) {
            tally.failures.add(report(index, mutated, failure));
        }
    }

    private static List<GeneratedSource> generate(SpecSource source) throws SpecException, IOException {
        return SpecFixtures.generateFrom(new Generator.Options(BASE, RuntimeMode.DEPENDENCY), List.of(source));
    }

    // ---- what every case must satisfy ----

    /** Every problem is at a real line and column of the file, with a message and a pointer. */
    private static void checkLocated(SpecException e, String name, SpecMutator.Mutated mutated) {
        List<String> lines = mutated.text().lines().toList();
        assertTrue(!e.problems().isEmpty(), "a SpecException without problems");
        for (Problem problem : e.problems()) {
            assertEquals(name, problem.location().file(), problem.toString());
            int line = problem.location().line();
            int column = problem.location().column();
            assertTrue(line >= 1 && line <= Math.max(1, lines.size() + 1), "line out of the file: " + problem);
            int width = line <= lines.size() ? lines.get(line - 1).length() : 0;
            assertTrue(column >= 1 && column <= width + 2, "column out of the line: " + problem);
            assertTrue(!problem.message().isBlank(), "no message: " + problem);
            assertTrue(problem.pointer().isEmpty() || problem.pointer().startsWith("/"), "bad pointer: " + problem);
            assertTrue(e.getMessage().contains(problem.toString()), "message lacks " + problem);
        }
    }

    /** No two files would be one file on a file system that ignores case. */
    private static void checkNoCaseCollision(List<GeneratedSource> sources) {
        Set<String> seen = new HashSet<>();
        for (GeneratedSource source : sources) {
            assertTrue(seen.add(source.relativePath().toLowerCase(Locale.ROOT)),
                    "two files differ only in case: " + source.relativePath());
        }
    }

    /**
     * Each value class writes exactly its spec members' wire names in its {@code writeJson} (plus {@code RequestId}
     * in a response): names survive conversion, collisions and renaming unchanged.
     */
    private static void checkWireNames(SpecSource source, List<GeneratedSource> sources) throws Exception {
        ServiceModel model = ModelBuilder.build(Generator.load(source), BASE, RuntimeTypes.RUNTIME_PACKAGE);
        Map<String, String> byPath = sources.stream()
                .collect(Collectors.toMap(GeneratedSource::relativePath, GeneratedSource::content));
        Map<String, Set<String>> expected = new TreeMap<>();
        for (ActionModel action : model.actions()) {
            expected.put(action.request().simpleName(), wireNames(action.input()));
            expected.put(action.response().simpleName(), wireNames(action.output()));
        }
        for (StructureModel structure : model.structures()) {
            expected.put(structure.className().simpleName(), wireNames(structure.members()));
        }
        String directory = model.packageName().replace('.', '/') + "/";
        for (Map.Entry<String, Set<String>> entry : expected.entrySet()) {
            String content = byPath.get(directory + entry.getKey() + ".java");
            assertTrue(content != null, "no file for " + entry.getKey());
            Set<String> found = new TreeSet<>();
            Matcher matcher = JSON_PROPERTY.matcher(content);
            while (matcher.find()) {
                found.add(unescape(matcher.group(1)));
            }
            assertEquals(entry.getValue(), found, "wire names of " + entry.getKey());
        }
    }

    private static Set<String> wireNames(List<MemberModel> members) {
        return members.stream().map(MemberModel::wireName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String unescape(String literal) {
        return literal.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** The enums hand back each error code's and region's text exactly as the spec has it. */
    private static void checkTextSurvivesInLiterals(SpecSource source, Compilation compilation) throws Exception {
        ServiceModel model = ModelBuilder.build(Generator.load(source), BASE, RuntimeTypes.RUNTIME_PACKAGE);
        ClassLoader loader = InMemoryClassLoader.of(compilation);
        Class<?> codes = loader.loadClass(model.errorCodeEnum().canonicalName());
        for (ErrorCodeModel code : model.errorCodes()) {
            Object constant = Reflection.call(codes, "fromCode", code.code());
            assertEquals(code.constantName(), ((Enum<?>) constant).name());
            assertEquals(code.description(), Reflection.call(constant, "description"), code.code());
        }
        Class<?> regions = loader.loadClass(model.regionClass().canonicalName());
        for (RegionModel region : model.regions()) {
            Object constant = Reflection.constant(regions, region.constantName());
            assertEquals(region.id(), Reflection.call(constant, "id"));
            assertSame(constant, Reflection.call(regions, "of", region.id()));
            assertEquals(region.description().isBlank() ? region.id() : region.description(),
                    Reflection.call(constant, "displayName"), region.id());
        }
    }

    private static Compilation checkCompiles(List<GeneratedSource> sources) {
        Compilation compilation = javac.compile(SpecFixtures.javaFileObjects(sources));
        List<String> problems = compilation.diagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                .limit(10)
                .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName() + ":"
                        + d.getLineNumber()) + " " + d.getMessage(Locale.ROOT))
                .toList();
        assertEquals(List.of(), problems, "the generated sources do not compile cleanly");
        assertEquals(Compilation.Status.SUCCESS, compilation.status());
        return compilation;
    }

    // ---- reporting ----

    private static String report(int index, SpecMutator.Mutated mutated, Throwable failure) {
        Path saved = Path.of("target", "tcgen-fuzz", "seed-" + SEED + "-case-" + index + ".json");
        try {
            Files.createDirectories(saved.getParent());
            Files.write(saved, mutated.bytes());
        } catch (IOException e) {
            saved = null;
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String stack = trace.toString().lines().limit(12).collect(Collectors.joining("\n    "));
        return "case " + index + " (replay: -Dtcgen.fuzz.seed=" + SEED + " -Dtcgen.fuzz.case=" + index + ")"
                + (saved == null ? "" : ", spec in " + saved.toAbsolutePath())
                + "\n  mutations: " + mutated.mutations()
                + "\n  " + stack;
    }

    private static long seed() {
        String value = System.getProperty("tcgen.fuzz.seed", "").strip();
        if (value.isEmpty()) {
            return DEFAULT_SEED;
        }
        return value.equals("random") ? new SplittableRandom().nextLong() : Long.parseLong(value);
    }

    /** What a run of cases came to. */
    private static final class Tally {
        int compiled;
        int generated;
        int rejected;
        final List<String> failures = new ArrayList<>();

        void assertNoFailure() {
            if (!failures.isEmpty()) {
                fail(failures.size() + " case(s) of seed " + SEED + " failed:\n" + String.join("\n", failures));
            }
        }

        @Override
        public String toString() {
            return (compiled + generated + rejected + failures.size()) + " cases: " + compiled + " compiled, "
                    + generated + " generated, " + rejected + " rejected with located problems, " + failures.size()
                    + " failed";
        }
    }
}
