package dev.tcgen.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tcgen.generator.model.ScalarKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documented response examples read through the compiled response class of a small corpus, written back and compared:
 * what is read, what is skipped, and the problems recorded by kind and by service.
 */
class ResponseExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outputs of the demo service's examples: answers, an error answer, an event stream, a lenient one. */
    private static final String EXAMPLES = """
            {"actions": {"GetThing": [
              {"title": "exact", "output": "{\\"Response\\": {\\"Thing\\": {\\"Name\\": \\"n\\", \\"Switch\\": \\"18446744073709551615\\"}, \\"RequestId\\": \\"r1\\"}}"},
              {"title": "misfits", "output": "{\\"Response\\": {\\"Thing\\": {\\"Name\\": {\\"A\\": 1}, \\"Switch\\": 1.5, \\"New\\": [1]}, \\"RequestId\\": \\"r2\\"}}"},
              {"title": "lenient", "output": "{\\"Response\\": {\\"RequestId\\": \\"r3\\",}}"},
              {"title": "error", "output": "{\\"Response\\": {\\"Error\\": {\\"Code\\": \\"InternalError\\"}, \\"RequestId\\": \\"r4\\"}}"},
              {"title": "stream", "output": "data: {\\"RequestId\\": \\"r5\\"}"}
            ]}, "version": "1.0"}
            """;

    @TempDir
    Path directory;

    @Test
    void everyExampleIsReadWrittenBackAndItsProblemsCounted() throws IOException {
        Path corpus = directory.resolve("corpus");
        write(corpus.resolve("demonstration/v20240101/api.json"), CorpusRunTest.DEMO_API_JSON);
        write(directory.resolve("examples/demonstration/v20240101/examples.json"), EXAMPLES);
        Path out = directory.resolve("out");
        CorpusRun.Report run = CorpusRun.run(new CorpusRun.Options(corpus, out, "com.example.cloud", 1, true, 40),
                new CorpusRunTest.Recorder());
        assertEquals(List.of(), run.failures());

        ResponseExamples.Report report =
                ResponseExamples.run(corpus, out, "com.example.cloud", directory.resolve("examples"));

        assertEquals(List.of(), report.failures());
        assertEquals(3, report.read());
        assertEquals(1, report.lenient());
        assertEquals(Map.of("an error answer", 1, "not JSON", 1), report.skipped());
        assertEquals(2, report.problems());
        assertEquals(Map.of("string <- object", 1, "uint64 <- number", 1), report.byKind());
        assertEquals(Map.of("demonstration/v20240101", 2), report.byService());
    }

    @Test
    void aScalarWrittenBackIsTheSameValueOrItsExactConversion() throws IOException {
        assertTrue(ResponseExamples.sameScalar(json("\"123\""), json("123"), ScalarKind.INT64));
        assertTrue(ResponseExamples.sameScalar(json("1e3"), json("1000"), ScalarKind.UINT64));
        assertTrue(ResponseExamples.sameScalar(json("0.10"), json("0.1"), ScalarKind.FLOAT));
        assertTrue(ResponseExamples.sameScalar(json("\"true\""), json("true"), ScalarKind.BOOL));
        assertTrue(ResponseExamples.sameScalar(json("12.50"), json("\"12.50\""), ScalarKind.STRING));
        assertFalse(ResponseExamples.sameScalar(json("0.1"), json("0"), ScalarKind.INT64));
        assertFalse(ResponseExamples.sameScalar(json("\"x\""), json("\"y\""), ScalarKind.STRING));
        assertFalse(ResponseExamples.sameScalar(json("false"), json("true"), ScalarKind.BOOL));
        assertFalse(ResponseExamples.sameScalar(json("\"1\""), json("\"1\""), ScalarKind.INT64));
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
