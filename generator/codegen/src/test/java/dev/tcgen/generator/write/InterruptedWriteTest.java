package dev.tcgen.generator.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.generator.GeneratedSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A write stopped at any one of its file operations, by a kill (nothing runs after it, not even cleanup) or by a
 * failure (the operation throws, the rest of the writer goes on): before the commit point the previous output is
 * exactly as it was; after it, the next write finishes the interrupted one. In every case a rerun converges to
 * exactly the new sources, whether they are the ones that were interrupted or others, and leaves no stray file.
 */
class InterruptedWriteTest {

    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

    private static final List<GeneratedSource> V1 = List.of(
            source("com/example/core/Tc3Signer.java", "class Tc3Signer {}\n"),
            source("com/example/demo/v1/DemoClient.java", "class DemoClient {}\n"),
            source("com/example/demo/v1/GetRequest.java", "class GetRequest {}\n"),
            source("com/example/demo/v1/model/Node.java", "class Node {}\n"));
    /** Keeps the signer, changes the client, drops Node (and its directory), adds two files in a new directory. */
    private static final List<GeneratedSource> V2 = List.of(
            source("com/example/core/Tc3Signer.java", "class Tc3Signer {}\n"),
            source("com/example/demo/v1/DemoClient.java", "class DemoClient { int version = 2; }\n"),
            source("com/example/demo/v1/GetRequest.java", "class GetRequest {}\n"),
            source("com/example/demo/v1/extra/Edge.java", "class Edge {}\n"),
            source("com/example/demo/v1/extra/Leaf.java", "class Leaf {}\n"));
    /** What the spec says next: neither V1 nor V2, so files V2 brought must not survive as orphans. */
    private static final List<GeneratedSource> V3 = List.of(
            source("com/example/core/Tc3Signer.java", "class Tc3Signer { int version = 3; }\n"),
            source("com/example/demo/v1/DemoClient.java", "class DemoClient { int version = 3; }\n"),
            source("com/example/demo/v1/Other.java", "class Other {}\n"));

    @TempDir
    Path directory;

    /** Every operation index of a V1 to V2 write, and one past the end (no interruption). */
    static IntStream operations() throws IOException {
        Path out = Files.createTempDirectory("tcgen-count");
        try {
            SourceWriter.write(out, V1);
            Counting counting = new Counting();
            SourceWriter.write(out, V2, SourceWriter.MANIFEST, counting);
            return IntStream.rangeClosed(0, counting.count);
        } finally {
            deleteTree(out);
        }
    }

    @ParameterizedTest(name = "killed at operation {0}")
    @MethodSource("operations")
    void aKillLeavesThePreviousOutputOrAnUpdateTheNextWriteFinishes(int operation) throws IOException {
        Path out = directory.resolve("out");
        writeAndAge(out, V1);

        boolean interrupted = operation < operations().max().orElseThrow();
        Killing killing = new Killing(operation);
        if (interrupted) {
            assertThrows(Killed.class, () -> SourceWriter.write(out, V2, SourceWriter.MANIFEST, killing));
        } else {
            SourceWriter.write(out, V2, SourceWriter.MANIFEST, killing);
            assertExactly(out, V2);
        }

        Map<String, String> left = javaFiles(out);
        if (interrupted && !killing.committed) {
            assertEquals(contents(V1), left, "killed before the commit point, the previous output must be intact");
            assertEquals(manifest(V1), Files.readString(out.resolve(SourceWriter.MANIFEST)));
            for (GeneratedSource source : V1) {
                assertEquals(LONG_AGO, Files.getLastModifiedTime(out.resolve(source.relativePath())));
            }
        } else {
            left.forEach((path, content) -> assertTrue(content.equals(contents(V1).get(path))
                    || content.equals(contents(V2).get(path)), path + " is neither the old nor the new file"));
        }
        if (Files.exists(out.resolve(".tcgen-staging-" + SourceWriter.MANIFEST))) {
            assertFalse(SourceWriter.isComplete(out, SourceWriter.MANIFEST), "an interrupted write is not complete");
        }

        Path again = directory.resolve("again");
        copyTree(out, again);
        SourceWriter.write(out, V2);
        assertExactly(out, V2);
        SourceWriter.write(again, V3);
        assertExactly(again, V3);
    }

    @ParameterizedTest(name = "failed at operation {0}")
    @MethodSource("operations")
    void aFailedOperationLeavesThePreviousOutputOrAnUpdateTheNextWriteFinishes(int operation) throws IOException {
        Path out = directory.resolve("out");
        writeAndAge(out, V1);
        int last = operations().max().orElseThrow();

        Failing failing = new Failing(operation);
        if (operation < last) {
            IOException e = assertThrows(IOException.class,
                    () -> SourceWriter.write(out, V2, SourceWriter.MANIFEST, failing));
            assertEquals("disk full at operation " + operation, e.getMessage());
            if (!failing.committed) {
                assertEquals(contents(V1), javaFiles(out));
                assertEquals(manifest(V1), Files.readString(out.resolve(SourceWriter.MANIFEST)));
                assertFalse(Files.exists(out.resolve(".tcgen-staging-" + SourceWriter.MANIFEST)),
                        "an uncommitted update is cleaned up when the file system lets us");
                assertTrue(SourceWriter.isComplete(out, SourceWriter.MANIFEST));
            }
        } else {
            SourceWriter.write(out, V2, SourceWriter.MANIFEST, failing);
            assertExactly(out, V2);
        }
        SourceWriter.write(out, V3);
        assertExactly(out, V3);
    }

    @Test
    void aKillDuringTheFinishingOfAnInterruptedUpdateIsFinishedByTheNextWrite() throws IOException {
        Path out = directory.resolve("out");
        writeAndAge(out, V1);
        int operations = (int) operations().count() - 1;
        Killing killing = new Killing(operations - 3);
        assertThrows(Killed.class, () -> SourceWriter.write(out, V2, SourceWriter.MANIFEST, killing));
        assertTrue(killing.committed && Files.exists(out.resolve(".tcgen-staging-" + SourceWriter.MANIFEST)
                .resolve("journal")));

        assertThrows(Killed.class, () -> SourceWriter.write(out, V3, SourceWriter.MANIFEST, new Killing(1)));
        SourceWriter.write(out, V3);

        assertExactly(out, V3);
    }

    @Test
    void nothingIsStagedWhenNothingChanged() throws IOException {
        Path out = directory.resolve("out");
        writeAndAge(out, V1);
        Counting counting = new Counting();

        SourceWriter.Result result = SourceWriter.write(out, V1, SourceWriter.MANIFEST, counting);

        assertEquals(0, counting.count);
        assertEquals(4, result.unchanged().size());
    }

    @Test
    void filesTheFileSystemCouldNotRenameAtomicallyAreReported() throws IOException {
        Path out = directory.resolve("out");
        writeAndAge(out, V1);

        SourceWriter.Result result = SourceWriter.write(out, V2, SourceWriter.MANIFEST, new NonAtomic());

        assertFalse(result.atomic());
        assertEquals(Optional.of("the file system could not rename files atomically; a reader could have seen them "
                + "half-written"), result.warning());
        assertExactly(out, V2);
    }

    @Test
    void pathsThatDifferOnlyInCaseAreRefusedBeforeAnythingIsWritten() {
        Path out = directory.resolve("out");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SourceWriter.write(out,
                List.of(source("a/Foo.java", "class Foo {}\n"), source("a/FOO.java", "class FOO {}\n"))));
        assertEquals("two sources' paths differ only in case, and would be one file on a file system that ignores "
                + "case: a/Foo.java and a/FOO.java", e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aSourceMayNotOverwriteTheManifestOrTheStagingDirectory() {
        Path out = directory.resolve("out");
        for (String path : List.of(SourceWriter.MANIFEST, ".tcgen-staging-" + SourceWriter.MANIFEST + "/journal",
                "a/b\nc.java")) {
            assertThrows(IllegalArgumentException.class, () -> SourceWriter.write(out, List.of(source(path, "x"))),
                    path);
        }
        for (String manifest : List.of("", "a/b", "..", ".tcgen-staging-x")) {
            assertThrows(IllegalArgumentException.class, () -> SourceWriter.write(out, V1, manifest), manifest);
        }
    }

    // ---- checks ----

    private static void assertExactly(Path out, List<GeneratedSource> sources) throws IOException {
        assertEquals(contents(sources), javaFiles(out));
        assertEquals(manifest(sources), Files.readString(out.resolve(SourceWriter.MANIFEST)));
        try (Stream<Path> all = Files.walk(out)) {
            List<String> others = all.filter(Files::isRegularFile)
                    .map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.endsWith(".java") && !p.equals(SourceWriter.MANIFEST))
                    .toList();
            assertEquals(List.of(), others, "stray files");
        }
        try (Stream<Path> all = Files.walk(out)) {
            List<Path> emptyDirectories = all.filter(Files::isDirectory).filter(d -> !d.equals(out))
                    .filter(InterruptedWriteTest::isEmpty).toList();
            assertEquals(List.of(), emptyDirectories, "empty directories left behind");
        }
        assertTrue(SourceWriter.isComplete(out, SourceWriter.MANIFEST));
    }

    private static Map<String, String> javaFiles(Path out) throws IOException {
        try (Stream<Path> all = Files.walk(out)) {
            Map<String, String> files = new TreeMap<>();
            all.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.put(
                    out.relativize(p).toString().replace('\\', '/'), read(p)));
            return files;
        }
    }

    private static Map<String, String> contents(List<GeneratedSource> sources) {
        Map<String, String> contents = new TreeMap<>();
        sources.forEach(s -> contents.put(s.relativePath(), s.content()));
        return contents;
    }

    private static String manifest(List<GeneratedSource> sources) {
        return String.join("\n", contents(sources).keySet()) + "\n";
    }

    private static void writeAndAge(Path out, List<GeneratedSource> sources) throws IOException {
        SourceWriter.write(out, sources);
        for (GeneratedSource source : sources) {
            Files.setLastModifiedTime(out.resolve(source.relativePath()), LONG_AGO);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path path : all.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static GeneratedSource source(String path, String content) {
        return new GeneratedSource(path, content);
    }

    // ---- file operations that count, fail or die ----

    /** The process died: no operation after it happens, not even a cleanup in a finally block. */
    private static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        Killed(int operation) {
            super("killed at operation " + operation);
        }
    }

    /** Counts operations, and notes the commit point: the journal renamed into place. */
    private static class Counting implements FileOperations {
        int count;
        boolean committed;

        void next() throws IOException {
            count++;
        }

        @Override
        public void write(Path file, byte[] bytes) throws IOException {
            next();
            DEFAULT.write(file, bytes);
        }

        @Override
        public boolean move(Path source, Path target) throws IOException {
            next();
            committed |= target.getFileName().toString().equals("journal");
            return DEFAULT.move(source, target);
        }

        @Override
        public void delete(Path path) throws IOException {
            next();
            DEFAULT.delete(path);
        }
    }

    /** Says every move fell back to an ordinary, non-atomic one. */
    private static final class NonAtomic extends Counting {
        @Override
        public boolean move(Path source, Path target) throws IOException {
            super.move(source, target);
            return false;
        }
    }

    /** Dies at operation {@code at} (counting from 0) and at every operation after it. */
    private static final class Killing extends Counting {
        private final int at;

        Killing(int at) {
            this.at = at;
        }

        @Override
        void next() {
            if (count++ >= at) {
                throw new Killed(at);
            }
        }
    }

    /** Fails operation {@code at} with an IOException; the others work. */
    private static final class Failing extends Counting {
        private final int at;

        Failing(int at) {
            this.at = at;
        }

        @Override
        void next() throws IOException {
            if (count++ == at) {
                throw new IOException("disk full at operation " + at);
            }
        }
    }
}
