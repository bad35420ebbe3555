package dev.tcgen.generator.hardening;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.generator.GeneratedSource;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.spec.Problem;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.spec.SpecSource;
import dev.tcgen.generator.testing.GeneratedCode;
import dev.tcgen.generator.testing.SpecFixtures;
import dev.tcgen.generator.write.SourceWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the JVM and file systems cannot take is refused where the spec says it, not found by javac or the disk: empty
 * names, names too long for a file name, texts too long for a string constant, and more members, error codes,
 * actions or regions than a method's 64 KB of code can set up. At the limits, the code compiles, on disk.
 */
class SpecLimitsTest {

    private static final String HEAD = """
            {"service": "big", "version": "2024-01-01",
             "endpoints": {"china": "big.tencentcloudapi.com", "international": "big.intl.tencentcloudapi.com"},
            """;

    @TempDir
    Path directory;

    static Stream<Arguments> refused() {
        String structure = "\"structures\": [{\"name\": \"S\", \"members\": [%s]}]";
        return Stream.of(
                Arguments.of("empty structure name", """
                        "regions": [], "actions": [], "structures": [{"name": "", "members": []}]""",
                        "/structures/0/name", "\"name\" must not be empty"),
                Arguments.of("empty member name", """
                        "regions": [], "actions": [{"name": "A", "input": [{"name": "", "type": "string"}],
                        "output": []}]""", "/actions/0/input/0/name", "\"name\" must not be empty"),
                Arguments.of("empty action name", """
                        "regions": [], "actions": [{"name": "", "input": [], "output": []}]""",
                        "/actions/0/name", "\"name\" must not be empty"),
                Arguments.of("empty region id", """
                        "regions": [{"id": ""}], "actions": []""", "/regions/0/id", "\"id\" must not be empty"),
                Arguments.of("empty error code", """
                        "regions": [], "actions": [], "errorCodes": [{"code": ""}]""", "/errorCodes/0/code",
                        "\"code\" must not be empty"),
                Arguments.of("empty type", """
                        "regions": [], "actions": [{"name": "A", "input": [{"name": "X", "type": ""}],
                        "output": []}]""", "/actions/0/input/0/type", "\"type\" must not be empty"),
                Arguments.of("structure name too long", "\"regions\": [], \"actions\": [], "
                                + structure.formatted("").replace("\"S\"", "\"S" + "x".repeat(200) + "\""),
                        "/structures/0/name", "is 201 characters long; at most 200 are allowed"),
                Arguments.of("action name too long", "\"regions\": [], \"actions\": [{\"name\": \"A" + "b".repeat(250)
                                + "\", \"input\": [], \"output\": []}]", "/actions/0/name",
                        "is 251 characters long; at most 200 are allowed"),
                Arguments.of("member name too long", "\"regions\": [], \"actions\": [], " + structure.formatted(
                                "{\"name\": \"M" + "m".repeat(70_000) + "\", \"type\": \"string\"}"),
                        "/structures/0/members/0/name", "is 70001 characters long; at most 200 are allowed"),
                Arguments.of("error description too long for a constant", "\"regions\": [], \"actions\": [], "
                                + "\"errorCodes\": [{\"code\": \"A\", \"description\": \"" + "d".repeat(20_001) + "\"}]",
                        "/errorCodes/0/description", "is 20001 characters long; at most 20000 are allowed"),
                Arguments.of("too many members", "\"regions\": [], \"actions\": [], " + structure.formatted(
                                IntStream.range(0, 2_001).mapToObj(i -> "{\"name\": \"M" + i + "\", \"type\": \"bool\"}")
                                        .collect(Collectors.joining(","))),
                        "/structures/0/members", "2001 members; at most 2000 are supported"),
                Arguments.of("too many error codes", "\"regions\": [], \"actions\": [], \"errorCodes\": ["
                                + IntStream.range(0, 2_001).mapToObj(i -> "{\"code\": \"C" + i + "\"}")
                                        .collect(Collectors.joining(",")) + "]",
                        "/errorCodes", "2001 error codes; at most 2000 are supported"),
                Arguments.of("too many actions", "\"regions\": [], \"actions\": ["
                                + IntStream.range(0, 1_001).mapToObj(i -> "{\"name\": \"A" + i
                                        + "\", \"input\": [], \"output\": []}").collect(Collectors.joining(",")) + "]",
                        "/actions", "1001 actions; at most 1000 are supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefusedWhereTheSpecSaysIt(String what, String body, String pointer, String message) {
        String spec = HEAD + body + "}";
        SpecException e = assertThrows(SpecException.class, () -> generate(spec));
        List<Problem> problems = e.problems().stream().filter(p -> p.pointer().equals(pointer)).toList();
        assertEquals(1, problems.size(), e.getMessage().substring(0, Math.min(2_000, e.getMessage().length())));
        assertTrue(problems.get(0).message().contains(message), problems.get(0).message());
        assertTrue(problems.get(0).location().line() >= 1 && problems.get(0).location().column() >= 1);
    }

    @Test
    void namesAndTextsAtTheLimitsCompileOnDisk() throws Exception {
        String action = "A" + "b".repeat(199);
        String structure = "S" + "t".repeat(199);
        String member = "M" + "m".repeat(199);
        String spec = HEAD + """
                "regions": [{"id": "ap-%s", "name": "%s"}],
                "actions": [{"name": "%s", "input": [{"name": "%s", "type": "%s"}], "output": []}],
                "structures": [{"name": "%s", "members": [{"name": "%s", "type": "uint64"}]},
                               {"name": "Region", "members": []}],
                "errorCodes": [{"code": "%s", "description": "%s"}]}
                """.formatted("r".repeat(196), "n".repeat(20_000), action, member, structure, structure, member,
                "C" + "c".repeat(199), "\u4e2d".repeat(20_000));
        Path out = directory.resolve("out");
        SourceWriter.write(out, generate(spec));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        List<String> arguments = Stream.concat(Stream.of("-Xlint:all", "-Werror", "-encoding", "UTF-8", "-d",
                        directory.resolve("classes").toString(), "-classpath", GeneratedCode.jacksonClasspath()
                                .stream().map(File::getPath).collect(Collectors.joining(File.pathSeparator))),
                files.stream()).toList();
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)));
        assertTrue(Files.exists(directory.resolve("classes/dev/tcgen/client/big/v20240101/" + action
                + "Request$Builder.class")));
        assertTrue(Files.exists(directory.resolve("classes/dev/tcgen/client/big/v20240101/RegionModel.class")));
    }

    @Test
    void aClassOfManyMembersCompilesWithoutOverflowingJavac() {
        String members = IntStream.range(0, 1_500)
                .mapToObj(i -> "{\"name\": \"Member" + i + "\", \"type\": \"string\", \"required\": true}")
                .collect(Collectors.joining(","));
        String spec = HEAD + "\"regions\": [], \"actions\": [{\"name\": \"Wide\", \"input\": [" + members
                + "], \"output\": [" + members + "]}]}";
        List<GeneratedSource> wide = assertDoesNotThrowSpec(spec).stream()
                .filter(s -> s.relativePath().endsWith("/WideRequest.java") || s.relativePath().endsWith("/WideResponse.java")
                        || s.relativePath().contains("/core/"))
                .toList();
        assertEquals(2, wide.stream().filter(s -> s.relativePath().contains("/Wide")).count());
        assertThat(GeneratedCode.javac().compile(SpecFixtures.javaFileObjects(wide))).succeededWithoutWarnings();
    }

    private static List<GeneratedSource> assertDoesNotThrowSpec(String spec) {
        try {
            return generate(spec);
        } catch (SpecException | IOException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static List<GeneratedSource> generate(String spec) throws SpecException, IOException {
        return SpecFixtures.generateFrom(Generator.Options.of("dev.tcgen.client"),
                List.of(new SpecSource("big-2024-01-01.json", spec.getBytes(StandardCharsets.UTF_8))));
    }
}
