package dev.tcgen.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-cloud run on a small corpus: the importer's "traps" fixture (keywords, self-reference, names differing
 * only in case, Javadoc traps) and a tiny second service, packed like Tencent's archive.
 */
class CorpusRunTest {

    /** A service of one action and one structure, in Tencent's api.json format. */
    static final String DEMO_API_JSON = """
            {
              "actions": {
                "GetThing": {"document": "Gets a thing.", "input": "GetThingRequest", "name": "Get a thing",
                             "output": "GetThingResponse", "status": "online"}
              },
              "metadata": {"apiVersion": "2024-01-01", "serviceNameCN": "演示", "serviceShortName": "demo"},
              "objects": {
                "GetThingRequest": {"document": "", "type": "object", "members": [
                  {"name": "Id", "type": "string", "member": "string", "required": true, "document": "The id."}]},
                "GetThingResponse": {"document": "", "type": "object", "members": [
                  {"name": "Thing", "type": "object", "member": "Thing", "document": "The thing."},
                  {"name": "RequestId", "type": "string", "member": "string", "document": "The request id."}]},
                "Thing": {"document": "A thing.", "usage": "out", "members": [
                  {"name": "Name", "type": "string", "member": "string", "document": "Its name."},
                  {"name": "Switch", "type": "int", "member": "uint64", "document": "A keyword."}]}
              },
              "version": "1.0"
            }
            """;

    @TempDir
    Path directory;

    /** Events a listener saw, in order, as text. */
    static final class Recorder implements CorpusRun.Listener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void phaseStarted(CorpusRun.Phase phase, int services) {
            events.add("start " + phase.label() + " " + services);
        }

        @Override
        public void serviceDone(CorpusRun.Phase phase, String service, int files) {
            events.add("done " + phase.label() + " " + service);
        }

        @Override
        public void phaseFinished(CorpusRun.Phase phase, java.time.Duration elapsed) {
            events.add("finish " + phase.label());
        }
    }

    @Test
    void importsGeneratesAndCompilesEveryServiceOfAnArchive() throws IOException {
        Path archive = tgz(directory.resolve("corpus.tgz"), Map.of(
                "./traps/v20200101/api.json", resource("/importer/traps/api.json"),
                "./demo/v20240101/api.json", DEMO_API_JSON.getBytes(StandardCharsets.UTF_8)));
        Path out = directory.resolve("out");
        Recorder recorder = new Recorder();

        CorpusRun.Report report = CorpusRun.run(
                new CorpusRun.Options(archive, out, "com.example.cloud", 2, true, 40), recorder);

        assertEquals(List.of(), report.failures());
        assertEquals(2, report.corpusServices());
        assertEquals(2, report.services());
        assertEquals(8, report.actions());
        assertTrue(report.structures() >= 2, "structures: " + report.structures());
        assertTrue(report.importWarnings() > 0, "the traps fixture has disagreements the import warns about");
        assertEquals(sourcesUnder(out.resolve("src")), report.files());
        assertTrue(report.classes() >= report.files(), report.classes() + " classes for " + report.files() + " files");
        assertTrue(Files.isRegularFile(out.resolve("classes/services/com/example/cloud/demo/v20240101/DemoClient.class")));
        assertTrue(Files.isRegularFile(out.resolve("classes/core/com/example/cloud/core/Tc3Signer.class")));
        assertTrue(Files.isRegularFile(out.resolve("specs/demo-2024-01-01.json")));
        for (CorpusRun.Phase phase : CorpusRun.Phase.values()) {
            assertTrue(report.times().containsKey(phase), phase.label());
        }
        assertEquals("start import 2", recorder.events.get(0));
        assertTrue(recorder.events.contains("done compile demo/v20240101"), recorder.events.toString());
        assertTrue(recorder.events.contains("done generate core"), recorder.events.toString());
        assertEquals("finish compile", recorder.events.get(recorder.events.size() - 1));
    }

    @Test
    void aBrokenServiceIsReportedByNameAndTheOthersGoOn() throws IOException {
        Path corpus = directory.resolve("corpus");
        write(corpus.resolve("demo/v20240101/api.json"), DEMO_API_JSON);
        write(corpus.resolve("broken/v20240101/api.json"), DEMO_API_JSON.replace("demo", "broken")
                .replace("\"member\": \"uint64\"", "\"member\": \"int128\""));
        write(corpus.resolve("garbage/v20240101/api.json"), "{ not json");

        CorpusRun.Report report = CorpusRun.run(
                new CorpusRun.Options(corpus, directory.resolve("out"), "com.example.cloud", 2, false, 100),
                CorpusRun.Listener.NONE);

        assertEquals(3, report.corpusServices());
        assertEquals(1, report.services());
        assertEquals(List.of("broken/v20240101", "garbage/v20240101"),
                report.failures().stream().map(CorpusRun.Failure::service).toList());
        for (CorpusRun.Failure failure : report.failures()) {
            assertEquals(CorpusRun.Phase.IMPORT, failure.phase());
            assertFalse(failure.problems().isEmpty());
        }
        assertTrue(report.failures().get(0).problems().toString().contains("int128"),
                report.failures().get(0).problems().toString());
        assertFalse(report.times().containsKey(CorpusRun.Phase.COMPILE));
    }

    @Test
    void theReportCountsTheImportedActionsByHowTheyPage() throws IOException {
        Path corpus = directory.resolve("corpus");
        Files.createDirectories(corpus.resolve("pages/v20210601"));
        Files.write(corpus.resolve("pages/v20210601/api.json"), resource("/importer/paging/api.json"));
        write(corpus.resolve("demo/v20240101/api.json"), DEMO_API_JSON);

        CorpusRun.Report report = CorpusRun.run(
                new CorpusRun.Options(corpus, directory.resolve("out"), "com.example.cloud", 1, false, 100),
                CorpusRun.Listener.NONE);

        assertEquals(Map.of("offset+total", 1, "offset", 1, "page+total", 1, "page", 1, "token", 1,
                CorpusRun.AMBIGUOUS, 2, CorpusRun.NO_LIST, 1), report.paging());
        assertEquals(5, report.paginators());
    }

    @Test
    void aCompileErrorIsReportedUnderItsService() throws IOException {
        Path classes = directory.resolve("classes");
        Path good = write(directory.resolve("src/a/Good.java"), "package a; public class Good {}\n");
        Path bad = write(directory.resolve("src/b/Bad.java"), "package b; public class Bad { int x = \"no\"; }\n");
        Path warned = write(directory.resolve("src/c/Warned.java"),
                "package c; public class Warned { @SuppressWarnings(\"rawtypes\") java.util.List l; "
                        + "java.util.List<String> m = (java.util.List<String>) (Object) null; }\n");
        Map<String, List<Path>> groups = new LinkedHashMap<>();
        groups.put("a", List.of(good));
        groups.put("b", List.of(bad));
        groups.put("c", List.of(warned));

        Map<String, List<String>> problems = BatchCompiler.create(CorpusRun.JAVAC_OPTIONS)
                .compile(groups, classes, List.of());

        assertEquals(List.of("b", "c"), List.copyOf(problems.keySet()));
        assertTrue(problems.get("b").get(0).contains("Bad.java:1:"), problems.toString());
        assertTrue(problems.get("b").get(0).contains("error"), problems.toString());
        assertTrue(problems.get("c").get(0).contains("unchecked"), problems.toString());
    }

    private static int sourcesUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return (int) walk.filter(p -> p.toString().endsWith(".java")).count();
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CorpusRunTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test class path");
            }
            return in.readAllBytes();
        }
    }

    /** A gzipped ustar archive of these files, as Tencent's corpus archive is packed. */
    static Path tgz(Path target, Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : new java.util.TreeMap<>(files).entrySet()) {
            byte[] header = new byte[512];
            put(header, 0, file.getKey());
            put(header, 100, "0000644");
            put(header, 108, "0000000");
            put(header, 116, "0000000");
            put(header, 124, String.format("%011o", file.getValue().length));
            put(header, 136, String.format("%011o", 1_700_000_000L));
            header[156] = '0';
            put(header, 257, "ustar");
            put(header, 263, "00");
            java.util.Arrays.fill(header, 148, 156, (byte) ' ');
            int sum = 0;
            for (byte b : header) {
                sum += b & 0xff;
            }
            put(header, 148, String.format("%06o", sum));
            header[155] = ' ';
            tar.write(header);
            tar.write(file.getValue());
            tar.write(new byte[(512 - file.getValue().length % 512) % 512]);
        }
        tar.write(new byte[1024]);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            tar.writeTo(out);
        }
        return target;
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
