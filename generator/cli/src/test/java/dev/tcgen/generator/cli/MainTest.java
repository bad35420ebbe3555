package dev.tcgen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.generator.testing.SpecFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit status, messages, and what it does to the output directory. */
class MainTest {

    private static final String KITCHEN_DIR = "dev/tcgen/client/kitchen/v20240506/";
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

    /** Three mistakes: an unknown type (line 6), an unknown structure (line 7), an unknown region (line 8). */
    private static final String BAD_SPEC = """
            {
              "service": "demo", "version": "2024-01-01",
              "endpoints": {"china": "demo.tencentcloudapi.com", "international": "demo.intl.tencentcloudapi.com"},
              "regions": [{"id": "ap-guangzhou"}],
              "actions": [{"name": "Get",
                "input": [{"name": "Id", "type": "int32"}],
                "output": [{"name": "Root", "type": "Nod"}],
                "regions": ["ap-guangzou"]}],
              "structures": [{"name": "Node", "members": []}]
            }
            """;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    // ---- the command line itself ----

    @Test
    void helpPrintsUsageOnStandardOutput() {
        assertEquals(0, run("--help"));
        assertTrue(out().startsWith("Usage: tcgen --spec FILE... --out DIR"), out());
        assertTrue(out().contains("--runtime MODE"), out());
        assertEquals("", err());
        assertEquals(0, run("-h"));
        assertTrue(out().startsWith("Usage: tcgen"), out());
    }

    @Test
    void versionPrintsTheVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out().matches("tcgen \\S+\\R"), out());
    }

    @Test
    void noArgumentsIsAUsageError() {
        assertUsageError("tcgen: missing --spec");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertUsageError("tcgen: unknown option --frobnicate", "--frobnicate");
    }

    @Test
    void specWithoutFilesIsAUsageError() {
        assertUsageError("tcgen: --spec needs at least one file", "--spec", "--out", directory.toString());
        assertUsageError("tcgen: --spec needs at least one file", "--spec");
    }

    @Test
    void missingOutIsAUsageError() {
        assertUsageError("tcgen: missing --out", "--spec", "x.json");
        assertUsageError("tcgen: --out needs a value", "--spec", "x.json", "--out");
    }

    @Test
    void anInvalidPackageIsAUsageError() {
        assertEquals(2, run("--spec", kitchenSink(), "--out", directory.resolve("out").toString(),
                "--package", "Com.Example"));
        assertTrue(err().contains("invalid base package \"Com.Example\""), err());
        assertFalse(Files.exists(directory.resolve("out")));
    }

    @Test
    void aMissingSpecFileIsNamed() {
        Path missing = directory.resolve("missing.json");
        assertEquals(2, run("--spec", missing.toString(), "--out", directory.resolve("out").toString()));
        assertTrue(err().contains("no such spec file or directory: " + missing), err());
        assertFalse(Files.exists(directory.resolve("out")));
    }

    private void assertUsageError(String firstLine, String... args) {
        assertEquals(2, run(args), err());
        assertEquals(firstLine, err().lines().findFirst().orElse(""));
        assertTrue(err().contains("Usage: tcgen"), err());
        assertEquals("", out());
    }

    // ---- bad specs ----

    @Test
    void aBadSpecReportsEveryProblemWithItsPositionAndWritesNothing() throws IOException {
        Path spec = write("demo-2024-01-01.json", BAD_SPEC);
        Path output = directory.resolve("out");

        assertEquals(1, run("--spec", spec.toString(), "--out", output.toString()));

        List<String> lines = err().lines().toList();
        assertEquals(4, lines.size(), err());
        assertTrue(lines.get(0).startsWith(spec + ":6:38: unknown type \"int32\""), lines.get(0));
        assertTrue(lines.get(0).endsWith("(at /actions/0/input/0/type)"), lines.get(0));
        assertEquals(spec + ":7:41: unknown structure \"Nod\"; did you mean \"Node\"? (at /actions/0/output/0/type)",
                lines.get(1));
        assertTrue(lines.get(2).startsWith(spec + ":8:17: action Get supports region \"ap-guangzou\""), lines.get(2));
        assertEquals("tcgen: 3 problem(s); nothing was generated", lines.get(3));
        assertFalse(Files.exists(output), "the output directory was created");
        assertEquals("", out());
    }

    @Test
    void aBadSpecLeavesAnEarlierOutputUntouched() throws IOException {
        Path output = directory.resolve("out");
        assertEquals(0, run("--spec", kitchenSink(), "--out", output.toString()), err());
        setAllModifiedTimes(output, LONG_AGO);
        Map<String, byte[]> before = snapshot(output);
        Path bad = write("demo-2024-01-01.json", BAD_SPEC);

        assertEquals(1, run("--spec", kitchenSink(), bad.toString(), "--out", output.toString()));

        assertSameFiles(before, snapshot(output));
        try (Stream<Path> files = Files.walk(output)) {
            files.filter(Files::isRegularFile).forEach(file -> assertEquals(LONG_AGO, modifiedTime(file), file.toString()));
        }
    }

    @Test
    void malformedJsonIsReportedAtTheParsersPosition() throws IOException {
        Path spec = write("broken.json", "{\n  \"service\": \"demo\",\n  \"version\": ]\n}\n");

        assertEquals(1, run("--spec", spec.toString(), "--out", directory.resolve("out").toString()));

        assertTrue(err().startsWith(spec + ":3:"), err());
        assertTrue(err().contains("tcgen: 1 problem(s); nothing was generated"), err());
        assertFalse(err().contains("Exception"), err());
    }

    @Test
    void problemsOfSeveralSpecsAreAllReported() throws IOException {
        Path first = write("a.json", BAD_SPEC);
        Path second = write("b.json", BAD_SPEC.replace("\"demo\"", "\"other\""));

        assertEquals(1, run("--spec", first.toString(), second.toString(), "--out", directory.resolve("out").toString()));

        assertEquals(3, err().lines().filter(l -> l.startsWith(first + ":")).count(), err());
        assertEquals(3, err().lines().filter(l -> l.startsWith(second + ":")).count(), err());
        assertTrue(err().contains("tcgen: 6 problem(s)"), err());
    }

    // ---- good specs ----

    @Test
    void aGoodSpecIsGeneratedAndASecondRunChangesNoByte() throws IOException {
        Path output = directory.resolve("out");

        assertEquals(0, run("--spec", kitchenSink(), "--out", output.toString()), err());

        Map<String, byte[]> first = snapshot(output);
        assertTrue(first.containsKey(KITCHEN_DIR + "KitchenClient.java"), first.keySet().toString());
        assertTrue(first.containsKey("dev/tcgen/client/core/Json.java"), first.keySet().toString());
        assertTrue(first.containsKey(".tcgen-files"), first.keySet().toString());
        int sources = first.size() - 1;
        assertEquals("tcgen: " + sources + " files from 1 spec(s) in " + output + ": " + sources + " written, 0 unchanged, "
                + "0 deleted" + System.lineSeparator(), out());
        assertEquals("", err());
        setAllModifiedTimes(output, LONG_AGO);

        assertEquals(0, run("--spec", kitchenSink(), "--out", output.toString()), err());

        assertTrue(out().contains(": 0 written, " + sources + " unchanged, 0 deleted"), out());
        assertSameFiles(first, snapshot(output));
        try (Stream<Path> files = Files.walk(output)) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .forEach(file -> assertEquals(LONG_AGO, modifiedTime(file), file.toString()));
        }
    }

    @Test
    void theRuntimeAsADependencyIsNotWrittenAndIsImportedFromTheRuntimeJar() {
        Path output = directory.resolve("out");

        assertEquals(0, run("--spec", kitchenSink(), "--out", output.toString(), "--runtime", "dependency"), err());

        Map<String, byte[]> files = snapshot(output);
        assertTrue(new String(files.get(KITCHEN_DIR + "KitchenClient.java"), StandardCharsets.UTF_8)
                .contains("import dev.tcgen.runtime.ApiTransport;"));
        assertTrue(files.keySet().stream().noneMatch(p -> p.startsWith("dev/tcgen/client/core/")), files.keySet().toString());
        assertFalse(Files.exists(output.resolve("dev/tcgen/client/core")));
    }

    @Test
    void packageMovesServiceAndCoreAndARerunDeletesTheOldTree() throws IOException {
        Path output = directory.resolve("out");
        assertEquals(0, run("--spec", kitchenSink(), "--out", output.toString()), err());

        assertEquals(0, run("--spec", kitchenSink(), "--out", output.toString(), "--package", "com.example"), err());

        Map<String, byte[]> files = snapshot(output);
        assertTrue(files.containsKey("com/example/kitchen/v20240506/KitchenClient.java"), files.keySet().toString());
        assertTrue(files.containsKey("com/example/core/Json.java"), files.keySet().toString());
        assertTrue(files.keySet().stream().noneMatch(p -> p.startsWith("dev/")), files.keySet().toString());
        assertFalse(Files.exists(output.resolve("dev")), "the old package directories were left behind");
        String client = new String(files.get("com/example/kitchen/v20240506/KitchenClient.java"), StandardCharsets.UTF_8);
        assertTrue(client.startsWith("// Generated by tcgen") && client.contains("package com.example.kitchen.v20240506;"),
                client);
        assertTrue(client.contains("import com.example.core."), client);
        assertTrue(out().matches("(?s).*: \\d+ written, 0 unchanged, [1-9]\\d* deleted\\R"), out());
    }

    @Test
    void aHandWrittenFileAtAGeneratedPathIsNamedAndNothingIsWritten() throws IOException {
        Path output = directory.resolve("out");
        Path client = output.resolve(KITCHEN_DIR + "KitchenClient.java");
        Files.createDirectories(client.getParent());
        Files.writeString(client, "// mine\n", StandardCharsets.UTF_8);

        assertEquals(Main.FAILED, run("--spec", kitchenSink(), "--out", output.toString()));

        assertEquals("tcgen: refusing to overwrite 1 file(s) in " + output.toAbsolutePath() + " that tcgen did not "
                + "write (its manifest .tcgen-files does not list them): " + KITCHEN_DIR + "KitchenClient.java; "
                + "move or delete them, or generate into another directory" + System.lineSeparator(), err());
        assertEquals(Set.of(KITCHEN_DIR + "KitchenClient.java"), snapshot(output).keySet());
        assertEquals("// mine\n", Files.readString(client, StandardCharsets.UTF_8));
    }

    @Test
    void aDirectoryOfSpecsGeneratesEachOne() throws IOException {
        Path specs = directory.resolve("specs");
        Files.createDirectories(specs);
        Files.copy(Path.of(kitchenSink()), specs.resolve("kitchen-sink.json"));
        Files.copy(SpecFixtures.spec("no-regions.json"), specs.resolve("no-regions.json"));
        Files.writeString(specs.resolve("notes.txt"), "not a spec");
        Path output = directory.resolve("out");

        assertEquals(0, run("--spec", specs.toString(), "--out", output.toString()), err());

        assertTrue(out().contains(" from 2 spec(s) "), out());
        assertTrue(Files.isRegularFile(output.resolve(KITCHEN_DIR + "KitchenClient.java")));
        assertTrue(Files.isRegularFile(output.resolve("dev/tcgen/client/regionless/v20210101/RegionlessClient.java")));
    }

    // ---- helpers ----

    private static String kitchenSink() {
        return SpecFixtures.spec("kitchen-sink.json").toString();
    }

    private Path write(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Every regular file under the directory, by relative path with {@code /}, with its bytes. */
    private static Map<String, byte[]> snapshot(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    }

    private static void setAllModifiedTimes(Path root, FileTime time) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, time);
            }
        }
    }

    private static FileTime modifiedTime(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
