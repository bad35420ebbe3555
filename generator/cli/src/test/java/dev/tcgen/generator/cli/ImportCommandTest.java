package dev.tcgen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tcgen.generator.testing.SpecFixtures;
import dev.tcgen.generator.testing.TestResources;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tcgen import}: what it writes, what it prints, its exit status. */
class ImportCommandTest {

    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private static String fixture(String name) {
        return TestResources.file("/importer/" + name).toString();
    }

    private String[] importTraps(Path target, String... more) {
        String[] base = {"import", "--api-json", fixture("traps/api.json"), "--examples", fixture("traps/examples.json"),
                "--doc-page", fixture("traps/DescribeInstanceShards-api-doc.txt"),
                "--overlay", fixture("traps/overlay.json"), "--out", target.toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return args;
    }

    @Test
    void writesAValidSpecAndPrintsWarningsAsSourceLineMessage() throws Exception {
        Path target = directory.resolve("traps-2020-01-01.json");

        assertEquals(Main.OK, run(importTraps(target)));

        SpecFixtures.load(target);
        String err = this.err.toString(StandardCharsets.UTF_8);
        assertTrue(err.contains("DescribeInstanceShards-api-doc.txt:28: parameter FilterSlave of DescribeInstanceShards "
                + "is required on the page but optional at "), err);
        err.lines().forEach(line -> assertTrue(line.matches("\\S+:\\d+: .+"), line));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("tcgen import: traps 2020-01-01: 7 actions, 16 "
                + "structures, 27 error codes, 15 warning(s); wrote "), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSpecGetsThePermissionsOfAnyNewFileAndNoTemporaryFileIsLeft() throws Exception {
        assumeTrue(Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class),
                "the file system has no POSIX permissions");
        Set<PosixFilePermission> newFile = Files.getPosixFilePermissions(Files.createFile(directory.resolve("new")));
        Path target = directory.resolve("traps.json");

        assertEquals(Main.OK, run(importTraps(target)));

        assertEquals(PosixFilePermissions.toString(newFile),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(directory.resolve("new"), target), files.sorted().toList());
        }
    }

    @Test
    void leavesAnUnchangedSpecUntouchedAndCheckReportsDifferences() throws Exception {
        Path target = directory.resolve("traps.json");
        assertEquals(Main.OK, run(importTraps(target)));
        Files.setLastModifiedTime(target, LONG_AGO);

        assertEquals(Main.OK, run(importTraps(target)));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(target));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("; unchanged "));

        assertEquals(Main.OK, run(importTraps(target, "--check")));
        Files.writeString(target, "{}\n");
        assertEquals(Main.FAILED, run(importTraps(target, "--check")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("differs from the import"));
        assertEquals("{}\n", Files.readString(target), "--check writes nothing");
    }

    @Test
    void inputProblemsExitOneAndWriteNothing() throws Exception {
        Path page = Files.writeString(directory.resolve("page.txt"), "StopIt\n\n1. API Description\n");
        Path target = directory.resolve("out.json");

        assertEquals(Main.FAILED, run("import", "--api-json", fixture("traps/api.json"), "--doc-page",
                page.toString(), "--out", target.toString()));

        String err = this.err.toString(StandardCharsets.UTF_8);
        assertTrue(err.contains("page.txt:3: in section \"2. Input Parameters\": the page has no such section"), err);
        assertTrue(err.contains("tcgen import: 1 problem(s); nothing was written"), err);
        assertFalse(Files.exists(target));
    }

    @Test
    void aSpecTheGeneratorWouldRejectExitsOne() throws Exception {
        Path overlay = Files.writeString(directory.resolve("overlay.json"), "{\"regions\": [{\"id\": \"ap-beijing\"}]}");
        Path target = directory.resolve("out.json");

        assertEquals(Main.FAILED, run("import", "--api-json", fixture("traps/api.json"), "--doc-page",
                fixture("traps/DescribeInstanceShards-api-doc.txt"), "--overlay", overlay.toString(),
                "--out", target.toString()));

        String err = this.err.toString(StandardCharsets.UTF_8);
        assertTrue(err.contains("out.json:"), err);
        assertTrue(err.contains("which is not among the service's regions"), err);
        assertTrue(err.contains("the imported spec would have 2 problem(s); nothing was written"), err);
        assertFalse(Files.exists(target));
    }

    @Test
    void aWrongCommandLineExitsTwo() {
        assertEquals(Main.USAGE, run("import", "--out", "x.json"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("tcgen import: missing --api-json"));
        assertEquals(Main.USAGE, run("import", "--api-json", "a.json", "--out", "x.json", "--doc-page"));
        assertEquals(Main.USAGE, run("import", "--api-json", "a.json", "--out", "x.json", "--frobnicate"));
        assertEquals(Main.OK, run("import", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: tcgen import --api-json"));
    }

    @Test
    void anUnreadableInputExitsOne() {
        assertEquals(Main.FAILED, run("import", "--api-json", directory.resolve("missing.json").toString(), "--out",
                directory.resolve("x.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing.json: cannot read the file"));
    }
}
