package dev.tcgen.generator.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tcgen.generator.GeneratedSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer brings a directory to exactly the generated files, touching only what changed and what it wrote. */
class SourceWriterTest {

    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

    private static final GeneratedSource CLIENT = source("com/example/demo/v1/DemoClient.java", "class DemoClient {}\n");
    private static final GeneratedSource REQUEST = source("com/example/demo/v1/GetRequest.java", "class GetRequest {}\n");
    private static final GeneratedSource NODE = source("com/example/demo/v1/model/Node.java", "class Node {}\n");
    private static final GeneratedSource SIGNER = source("com/example/core/Tc3Signer.java", "class Tc3Signer {}\n");

    @TempDir
    Path out;

    @Test
    void theFirstWriteCreatesEveryFileAndTheManifest() throws IOException {
        SourceWriter.Result result = SourceWriter.write(out, List.of(CLIENT, REQUEST, SIGNER));

        assertEquals(List.of(CLIENT.relativePath(), REQUEST.relativePath(), SIGNER.relativePath()), result.written());
        assertEquals(List.of(), result.unchanged());
        assertEquals(List.of(), result.deleted());
        for (GeneratedSource source : List.of(CLIENT, REQUEST, SIGNER)) {
            assertEquals(source.content(), Files.readString(out.resolve(source.relativePath()), StandardCharsets.UTF_8));
        }
        assertEquals("com/example/core/Tc3Signer.java\ncom/example/demo/v1/DemoClient.java\n"
                        + "com/example/demo/v1/GetRequest.java\n",
                Files.readString(out.resolve(SourceWriter.MANIFEST), StandardCharsets.UTF_8));
        assertEquals(List.of(), temporaryFiles());
    }

    @Test
    void anUnflushedWriteIsTheSameUpdateAndTakesTheSameUpdatesAfterIt() throws IOException {
        SourceWriter.Result first = SourceWriter.write(out, List.of(CLIENT, REQUEST), SourceWriter.MANIFEST,
                SourceWriter.Durability.UNFLUSHED);
        SourceWriter.Result second = SourceWriter.write(out, List.of(CLIENT, SIGNER), SourceWriter.MANIFEST,
                SourceWriter.Durability.UNFLUSHED);

        assertEquals(List.of(CLIENT.relativePath(), REQUEST.relativePath()), first.written());
        assertEquals(List.of(SIGNER.relativePath()), second.written());
        assertEquals(List.of(CLIENT.relativePath()), second.unchanged());
        assertEquals(List.of(REQUEST.relativePath()), second.deleted());
        assertEquals(SIGNER.content(), Files.readString(out.resolve(SIGNER.relativePath()), StandardCharsets.UTF_8));
        assertFalse(Files.exists(out.resolve(REQUEST.relativePath())));
        assertEquals("com/example/core/Tc3Signer.java\ncom/example/demo/v1/DemoClient.java\n",
                Files.readString(out.resolve(SourceWriter.MANIFEST), StandardCharsets.UTF_8));
        assertTrue(SourceWriter.isComplete(out, SourceWriter.MANIFEST));
        assertEquals(List.of(), temporaryFiles());
    }

    @Test
    void theOutputDirectoryIsCreated() throws IOException {
        Path nested = out.resolve("target/generated-sources/tcgen");

        SourceWriter.write(nested, List.of(CLIENT));

        assertTrue(Files.isRegularFile(nested.resolve(CLIENT.relativePath())));
    }

    @Test
    void writingTheSameSourcesAgainTouchesNothing() throws IOException {
        List<GeneratedSource> sources = List.of(CLIENT, REQUEST, SIGNER);
        SourceWriter.write(out, sources);
        for (GeneratedSource source : sources) {
            Files.setLastModifiedTime(out.resolve(source.relativePath()), LONG_AGO);
        }

        SourceWriter.Result result = SourceWriter.write(out, sources);

        assertEquals(List.of(), result.written());
        assertEquals(List.of(CLIENT.relativePath(), REQUEST.relativePath(), SIGNER.relativePath()), result.unchanged());
        assertEquals(List.of(), result.deleted());
        for (GeneratedSource source : sources) {
            Path file = out.resolve(source.relativePath());
            assertEquals(LONG_AGO, Files.getLastModifiedTime(file), source.relativePath());
            assertEquals(source.content(), Files.readString(file, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aChangedSourceIsRewrittenAndTheOthersAreLeftAlone() throws IOException {
        SourceWriter.write(out, List.of(CLIENT, REQUEST));
        Files.setLastModifiedTime(out.resolve(CLIENT.relativePath()), LONG_AGO);
        Files.setLastModifiedTime(out.resolve(REQUEST.relativePath()), LONG_AGO);
        GeneratedSource changed = source(REQUEST.relativePath(), "class GetRequest { int x; }\n");

        SourceWriter.Result result = SourceWriter.write(out, List.of(CLIENT, changed));

        assertEquals(List.of(REQUEST.relativePath()), result.written());
        assertEquals(List.of(CLIENT.relativePath()), result.unchanged());
        assertEquals(changed.content(), Files.readString(out.resolve(REQUEST.relativePath()), StandardCharsets.UTF_8));
        assertFalse(LONG_AGO.equals(Files.getLastModifiedTime(out.resolve(REQUEST.relativePath()))));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(out.resolve(CLIENT.relativePath())));
        assertEquals(List.of(), temporaryFiles());
    }

    @Test
    void aFileEditedByHandIsRestored() throws IOException {
        SourceWriter.write(out, List.of(CLIENT));
        Files.writeString(out.resolve(CLIENT.relativePath()), "// edited\n", StandardCharsets.UTF_8);

        SourceWriter.Result result = SourceWriter.write(out, List.of(CLIENT));

        assertEquals(List.of(CLIENT.relativePath()), result.written());
        assertEquals(CLIENT.content(), Files.readString(out.resolve(CLIENT.relativePath()), StandardCharsets.UTF_8));
    }

    @Test
    void aDroppedSourceIsDeletedWithItsNowEmptyDirectories() throws IOException {
        SourceWriter.write(out, List.of(CLIENT, NODE, SIGNER));

        SourceWriter.Result result = SourceWriter.write(out, List.of(CLIENT));

        assertEquals(List.of(SIGNER.relativePath(), NODE.relativePath()), result.deleted());
        assertFalse(Files.exists(out.resolve(NODE.relativePath())));
        assertFalse(Files.exists(out.resolve("com/example/demo/v1/model")), "empty package directory left behind");
        assertFalse(Files.exists(out.resolve("com/example/core")), "empty package directory left behind");
        assertTrue(Files.isRegularFile(out.resolve(CLIENT.relativePath())));
        assertEquals(CLIENT.relativePath() + "\n",
                Files.readString(out.resolve(SourceWriter.MANIFEST), StandardCharsets.UTF_8));
    }

    @Test
    void writingNothingDeletesEverythingItWroteAndKeepsTheOutputDirectory() throws IOException {
        SourceWriter.write(out, List.of(CLIENT, SIGNER));

        SourceWriter.Result result = SourceWriter.write(out, List.of());

        assertEquals(List.of(SIGNER.relativePath(), CLIENT.relativePath()), result.deleted());
        assertFalse(Files.exists(out.resolve("com")));
        assertTrue(Files.isDirectory(out));
        assertEquals("", Files.readString(out.resolve(SourceWriter.MANIFEST), StandardCharsets.UTF_8));
    }

    @Test
    void filesTcgenNeverWroteSurvive() throws IOException {
        Path foreign = out.resolve("com/example/demo/v1/model/Handwritten.java");
        Path readme = out.resolve("README.txt");
        Files.createDirectories(foreign.getParent());
        Files.writeString(foreign, "class Handwritten {}\n", StandardCharsets.UTF_8);
        Files.writeString(readme, "mine\n", StandardCharsets.UTF_8);
        SourceWriter.write(out, List.of(CLIENT, NODE));

        SourceWriter.Result result = SourceWriter.write(out, List.of(CLIENT));

        assertEquals(List.of(NODE.relativePath()), result.deleted());
        assertEquals("class Handwritten {}\n", Files.readString(foreign, StandardCharsets.UTF_8));
        assertEquals("mine\n", Files.readString(readme, StandardCharsets.UTF_8));
    }

    @Test
    void aPathEscapingTheOutputDirectoryIsRefused() throws IOException {
        Path inside = out.resolve("inside");
        Path outside = out.resolve("x.java");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SourceWriter.write(inside, List.of(source("../x.java", "class X {}\n"))));

        assertTrue(e.getMessage().contains("../x.java"), e.getMessage());
        assertFalse(Files.exists(outside));
        assertThrows(IllegalArgumentException.class,
                () -> SourceWriter.write(inside, List.of(source("com/../../x.java", "class X {}\n"))));
        assertThrows(IllegalArgumentException.class,
                () -> SourceWriter.write(inside, List.of(source(outside.toAbsolutePath().toString(), "class X {}\n"))));
        assertFalse(Files.exists(outside));
    }

    @Test
    void aBadPathAnywhereInTheListRefusesTheWholeWriteBeforeAnythingIsWritten() throws IOException {
        SourceWriter.write(out, List.of(CLIENT));
        Files.setLastModifiedTime(out.resolve(CLIENT.relativePath()), LONG_AGO);
        GeneratedSource changed = source(CLIENT.relativePath(), "class DemoClient { int x; }\n");

        assertThrows(IllegalArgumentException.class,
                () -> SourceWriter.write(out, List.of(changed, REQUEST, source("../x.java", "class X {}\n"))));
        assertThrows(IllegalArgumentException.class,
                () -> SourceWriter.write(out, List.of(changed, REQUEST, source(REQUEST.relativePath(), "class Y {}\n"))));

        assertEquals(CLIENT.content(), Files.readString(out.resolve(CLIENT.relativePath()), StandardCharsets.UTF_8));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(out.resolve(CLIENT.relativePath())));
        assertFalse(Files.exists(out.resolve(REQUEST.relativePath())));
        assertEquals(CLIENT.relativePath() + "\n",
                Files.readString(out.resolve(SourceWriter.MANIFEST), StandardCharsets.UTF_8));
    }

    @Test
    void aManifestEntryEscapingTheOutputDirectoryIsNotDeleted() throws IOException {
        Path inside = out.resolve("inside");
        Path victim = out.resolve("victim.java");
        Files.writeString(victim, "class Victim {}\n", StandardCharsets.UTF_8);
        Files.createDirectories(inside);
        Files.writeString(inside.resolve(SourceWriter.MANIFEST), "../victim.java\n", StandardCharsets.UTF_8);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SourceWriter.write(inside, List.of(CLIENT)));

        assertTrue(e.getMessage().contains("../victim.java"), e.getMessage());
        assertEquals("class Victim {}\n", Files.readString(victim, StandardCharsets.UTF_8));
        assertFalse(Files.exists(inside.resolve(CLIENT.relativePath())), "written before the refusal");
    }

    @Test
    void writesUnderDifferentManifestsDoNotDeleteEachOthersFiles() throws IOException {
        SourceWriter.write(out, List.of(CLIENT), ".tcgen-files-a");
        SourceWriter.write(out, List.of(SIGNER), ".tcgen-files-b");

        SourceWriter.Result result = SourceWriter.write(out, List.of(), ".tcgen-files-a");

        assertEquals(List.of(CLIENT.relativePath()), result.deleted());
        assertTrue(Files.isRegularFile(out.resolve(SIGNER.relativePath())));
        assertFalse(Files.exists(out.resolve(CLIENT.relativePath())));
    }

    @Test
    void twoSourcesWithOnePathAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SourceWriter.write(out, List.of(CLIENT, source(CLIENT.relativePath(), "class Other {}\n"))));
        assertTrue(e.getMessage().contains(CLIENT.relativePath()), e.getMessage());
    }

    @Test
    void filesItDidNotWriteAreNotOverwrittenAndNothingIsWritten() throws IOException {
        Path client = out.resolve(CLIENT.relativePath());
        Path signer = out.resolve(SIGNER.relativePath());
        for (Path file : List.of(client, signer)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "// mine\n", StandardCharsets.UTF_8);
        }

        ForeignFileException e = assertThrows(ForeignFileException.class,
                () -> SourceWriter.write(out, List.of(CLIENT, REQUEST, SIGNER)));

        assertEquals("refusing to overwrite 2 file(s) in " + out + " that tcgen did not write (its manifest "
                + SourceWriter.MANIFEST + " does not list them): " + CLIENT.relativePath() + ", "
                + SIGNER.relativePath() + "; move or delete them, or generate into another directory", e.getMessage());
        assertEquals("// mine\n", Files.readString(client, StandardCharsets.UTF_8));
        assertEquals("// mine\n", Files.readString(signer, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(List.of(signer, client), files.filter(Files::isRegularFile).sorted().toList(),
                    "the writer left something behind");
        }
    }

    @Test
    void aFileWithTheContentToWriteIsAdoptedAndLaterUpdated() throws IOException {
        Path client = out.resolve(CLIENT.relativePath());
        Files.createDirectories(client.getParent());
        Files.writeString(client, CLIENT.content(), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(client, LONG_AGO);

        SourceWriter.Result result = SourceWriter.write(out, List.of(CLIENT, REQUEST));

        assertEquals(List.of(CLIENT.relativePath()), result.unchanged());
        assertEquals(LONG_AGO, Files.getLastModifiedTime(client));
        assertEquals(CLIENT.relativePath() + "\n" + REQUEST.relativePath() + "\n",
                Files.readString(out.resolve(SourceWriter.MANIFEST), StandardCharsets.UTF_8));
        GeneratedSource changed = source(CLIENT.relativePath(), "class DemoClient { int x; }\n");
        assertEquals(List.of(CLIENT.relativePath()), SourceWriter.write(out, List.of(changed, REQUEST)).written());
        assertEquals(changed.content(), Files.readString(client, StandardCharsets.UTF_8));
    }

    @Test
    void withoutItsManifestTheWriterRefusesOnlyFilesWhoseContentWouldChange() throws IOException {
        SourceWriter.write(out, List.of(CLIENT, REQUEST));
        Files.delete(out.resolve(SourceWriter.MANIFEST));
        GeneratedSource changed = source(REQUEST.relativePath(), "class GetRequest { int x; }\n");

        ForeignFileException e = assertThrows(ForeignFileException.class,
                () -> SourceWriter.write(out, List.of(CLIENT, changed)));

        assertTrue(e.getMessage().contains(" 1 file(s) ") && e.getMessage().contains(": " + REQUEST.relativePath()
                + "; "), e.getMessage());
        assertEquals(REQUEST.content(), Files.readString(out.resolve(REQUEST.relativePath()), StandardCharsets.UTF_8));
        Files.delete(out.resolve(REQUEST.relativePath()));
        assertEquals(List.of(REQUEST.relativePath()), SourceWriter.write(out, List.of(CLIENT, changed)).written());
    }

    @Test
    void aFileAnotherManifestListsIsNotOverwritten() throws IOException {
        SourceWriter.write(out, List.of(CLIENT), ".tcgen-files-a");

        assertThrows(ForeignFileException.class, () -> SourceWriter.write(out,
                List.of(source(CLIENT.relativePath(), "class Other {}\n")), ".tcgen-files-b"));

        assertEquals(CLIENT.content(), Files.readString(out.resolve(CLIENT.relativePath()), StandardCharsets.UTF_8));
        assertEquals(List.of(CLIENT.relativePath()), SourceWriter.write(out, List.of(CLIENT), ".tcgen-files-b")
                .unchanged(), "identical, so shared");
    }

    @Test
    void writtenFilesGetThePermissionsOfAnyNewFile() throws IOException {
        assumeTrue(Files.getFileStore(out).supportsFileAttributeView(PosixFileAttributeView.class),
                "the file system has no POSIX permissions");
        Set<PosixFilePermission> newFile = Files.getPosixFilePermissions(Files.createFile(out.resolve("new")));
        SourceWriter.write(out, List.of(CLIENT));
        SourceWriter.write(out, List.of(source(CLIENT.relativePath(), "class DemoClient { int x; }\n")));
        Path single = Files.writeString(out.resolve("single.json"), "old");
        Files.setPosixFilePermissions(single, Set.of(PosixFilePermission.OWNER_READ));

        assertTrue(SourceWriter.writeFile(single, "new".getBytes(StandardCharsets.UTF_8)));

        assertEquals(newFile, Files.getPosixFilePermissions(out.resolve(CLIENT.relativePath())));
        assertEquals(newFile, Files.getPosixFilePermissions(out.resolve(SourceWriter.MANIFEST)));
        assertEquals(newFile, Files.getPosixFilePermissions(single));
        assertEquals("new", Files.readString(single));
        assertEquals(List.of(), temporaryFiles());
    }

    @Test
    void whereTheFileSystemRenamesAtomicallyThereIsNoWarning() throws IOException {
        SourceWriter.Result result = SourceWriter.write(out, List.of(CLIENT));

        assertTrue(result.atomic());
        assertEquals(Optional.empty(), result.warning());
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static GeneratedSource source(String path, String content) {
        return new GeneratedSource(path, content);
    }
}
