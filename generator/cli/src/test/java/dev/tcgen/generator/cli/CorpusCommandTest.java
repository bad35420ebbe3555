package dev.tcgen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tcgen corpus}: options, the skip when the corpus is absent, the report and the exit status. */
class CorpusCommandTest {

    private static final String API_JSON = """
            {
              "actions": {"GetThing": {"document": "Gets a thing.", "input": "GetThingRequest", "name": "Get",
                                       "output": "GetThingResponse"}},
              "metadata": {"apiVersion": "2024-01-01", "serviceShortName": "demo"},
              "objects": {
                "GetThingRequest": {"type": "object", "members": [
                  {"name": "Id", "type": "string", "member": "string", "required": true, "document": "The id."}]},
                "GetThingResponse": {"type": "object", "members": [
                  {"name": "RequestId", "type": "string", "member": "string", "document": "The request id."}]}
              },
              "version": "1.0"
            }
            """;

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

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpDescribesTheCommand() {
        assertEquals(0, run("corpus", "--help"));
        assertTrue(out().startsWith("Usage: tcgen corpus --corpus PATH --out DIR"), out());
        assertEquals(0, run("--help"));
        assertTrue(out().contains("tcgen corpus --corpus PATH"), out());
    }

    @Test
    void wrongOptionsAreUsageErrors() {
        assertEquals(2, run("corpus", "--out", "x"));
        assertTrue(err().contains("missing --corpus"), err());
        assertEquals(2, run("corpus", "--corpus", "c", "--out", "x", "--threads", "0"));
        assertTrue(err().contains("--threads needs a positive whole number, not 0"), err());
        assertEquals(2, run("corpus", "--corpus", "c", "--out", "x", "--package", "Not.Valid"));
        assertEquals(2, run("corpus", "--corpus", "c", "--out", "x", "--frobnicate"));
        assertTrue(err().contains("unknown option --frobnicate"), err());
    }

    @Test
    void anAbsentCorpusIsSkippedWhenAskedTo() {
        Path missing = directory.resolve("nowhere.tgz");
        assertEquals(0, run("corpus", "--corpus", missing.toString(), "--out", directory.resolve("o").toString(),
                "--if-present"));
        assertTrue(out().startsWith("tcgen corpus: skipped: no corpus at " + missing), out());
        assertEquals("", err());

        assertEquals(1, run("corpus", "--corpus", missing.toString(), "--out", directory.resolve("o").toString()));
        assertTrue(err().startsWith("tcgen corpus: no corpus at " + missing), err());
    }

    @Test
    void aRunPrintsPhasesAndASummaryLine() throws IOException {
        Path corpus = directory.resolve("corpus");
        Files.createDirectories(corpus.resolve("demo/v20240101"));
        Files.writeString(corpus.resolve("demo/v20240101/api.json"), API_JSON);

        assertEquals(0, run("corpus", "--corpus", corpus.toString(), "--out", directory.resolve("out").toString(),
                "--threads", "2", "--no-compile"));

        String[] lines = out().split("\n");
        assertTrue(lines[0].startsWith("tcgen corpus: " + corpus + " -> "), out());
        assertTrue(out().contains("tcgen corpus: import     1/1 services"), out());
        assertTrue(out().contains("tcgen corpus: generate   2/2 services"), out());
        String summary = lines[lines.length - 1];
        assertTrue(summary.startsWith("tcgen corpus: 1 of 1 services, 1 actions, 0 structures, "), summary);
        assertTrue(summary.endsWith("; 2 thread(s); 0 failure(s)"), summary);
        assertEquals("tcgen corpus: paging: 0 offset+total, 0 offset, 0 page+total, 0 page, 0 token: 0 paginators; "
                + "0 ambiguous (no paginator unless an overlay states their paging); 0 take paging inputs but answer "
                + "no list", lines[lines.length - 2]);
        assertTrue(!out().contains("\r"), "no terminal redrawing in a pipe");
        assertEquals("", err());
    }

    @Test
    void failuresAreListedByServiceAndTheExitStatusIsOne() throws IOException {
        Path corpus = directory.resolve("corpus");
        Files.createDirectories(corpus.resolve("demo/v20240101"));
        Files.createDirectories(corpus.resolve("bad/v20240101"));
        Files.writeString(corpus.resolve("demo/v20240101/api.json"), API_JSON);
        Files.writeString(corpus.resolve("bad/v20240101/api.json"), "[]");

        assertEquals(1, run("corpus", "--corpus", corpus.toString(), "--out", directory.resolve("out").toString(),
                "--no-compile"));

        assertTrue(err().startsWith("tcgen corpus: FAILED bad/v20240101 (import):\n    "), err());
        assertTrue(out().contains("1 of 2 services"), out());
        assertTrue(out().trim().endsWith("1 failure(s)"), out());
    }
}
