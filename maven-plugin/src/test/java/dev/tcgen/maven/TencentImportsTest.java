package dev.tcgen.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tcgen.generator.importer.ImportException;
import dev.tcgen.generator.importer.ImportMessage;
import dev.tcgen.generator.spec.SpecSource;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TencentImportsTest {

    /** Tencent's TMT api.json and examples.json, as the invoker IT {@code tencent-spec} imports them. */
    private static final Path TMT = Path.of("src/it/tencent-spec/src/main/tencent/tmt/v20180321");

    /** A doc page of TMT's ImageTranslateLLM, written for these tests (see {@code src/test/resources/tmt}). */
    private static final Path PAGE = Path.of("src/test/resources/tmt/ImageTranslateLLM-api-doc.txt");

    private static TencentSpec spec(Path apiJson, Path examples, Path overlay) {
        TencentSpec spec = new TencentSpec();
        spec.apiJson = apiJson.toFile();
        spec.examples = examples == null ? null : examples.toFile();
        spec.overlay = overlay == null ? null : overlay.toFile();
        return spec;
    }

    private static TencentSpec withPages(TencentSpec spec, Path... pages) {
        spec.docPages = Arrays.stream(pages).map(Path::toFile).toList();
        return spec;
    }

    private static String fingerprint(TencentSpec spec) throws Exception {
        return Fingerprint.of("1.0", List.of(), TencentImports.inputs(List.of(spec))).toString();
    }

    @Test
    void importsInMemoryWithTheWarningsAtTheirFileAndLine() throws Exception {
        TencentImports.Result result = TencentImports.run(
                List.of(spec(TMT.resolve("api.json"), TMT.resolve("examples.json"), null)));

        assertEquals(1, result.specs().size());
        SpecSource imported = result.specs().get(0);
        assertEquals(TMT.resolve("api.json") + " (imported)", imported.name());
        assertTrue(imported.text().contains("\"service\": \"tmt\""), imported.text());
        assertEquals(List.of(TMT.resolve("api.json") + ":11", TMT.resolve("examples.json") + ":7"),
                result.warnings().stream().map(warning -> warning.origin().toString()).toList());
    }

    @Test
    void everyInputFileIsFingerprintedByItsBytesAndItsPart(@TempDir Path directory) throws Exception {
        Path apiJson = Files.copy(TMT.resolve("api.json"), directory.resolve("api.json"));
        Path examples = Files.copy(TMT.resolve("examples.json"), directory.resolve("examples.json"));
        Path overlay = Files.writeString(directory.resolve("overlay.json"), "{\"title\": \"TMT\"}");
        String base = fingerprint(spec(apiJson, examples, overlay));

        assertEquals(base, fingerprint(spec(apiJson, examples, overlay)), "nothing changed");
        assertNotEquals(base, fingerprint(spec(apiJson, overlay, examples)), "the same files in other parts");
        assertNotEquals(base, fingerprint(spec(apiJson, examples, null)), "no overlay");
        Files.writeString(overlay, "{\"title\": \"Machine Translation\"}");
        assertNotEquals(base, fingerprint(spec(apiJson, examples, overlay)), "an overlay changed");
        Files.write(examples, Files.readString(examples).replace("Calling", "Call").getBytes(StandardCharsets.UTF_8));
        assertNotEquals(base, fingerprint(spec(apiJson, examples, overlay)), "examples changed");
    }

    @Test
    void aDocPageIsMergedInWithItsWarningsAtTheirFileAndLine() throws Exception {
        TencentImports.Result result = TencentImports.run(List.of(
                withPages(spec(TMT.resolve("api.json"), TMT.resolve("examples.json"), null), PAGE)));

        JsonNode spec = new ObjectMapper().readTree(result.specs().get(0).text());
        JsonNode action = spec.path("actions").get(0);
        assertEquals("ImageTranslateLLM", action.path("name").asText());
        assertEquals(10, action.path("rateLimit").asInt(), "only the page says it");
        assertEquals("[\"ap-guangzhou\",\"ap-singapore\"]", action.path("regions").toString());
        assertEquals("Target language, for example en (English) or zh (Chinese).",
                action.path("input").get(1).path("description").asText(), "the page's text is used");
        assertTrue(result.warnings().stream().anyMatch(warning -> warning.toString().equals(PAGE + ":26: the "
                + "service lists no regions; region ap-singapore is added without a name (an overlay's \"regions\" "
                + "lists them all, with names)")), result.warnings().toString());
    }

    @Test
    void aDocPageIsFingerprintedByItsBytes(@TempDir Path directory) throws Exception {
        Path page = Files.copy(PAGE, directory.resolve("ImageTranslateLLM-api-doc.txt"));
        TencentSpec spec = withPages(spec(TMT.resolve("api.json"), null, null), page);
        String base = fingerprint(spec);

        assertEquals(base, fingerprint(spec), "nothing changed");
        assertNotEquals(base, fingerprint(spec(TMT.resolve("api.json"), null, null)), "no page");
        Files.writeString(page, Files.readString(page).replace("A maximum of 10 requests", "A maximum of 20 requests"));
        assertNotEquals(base, fingerprint(spec), "the page changed");
    }

    @Test
    void aBadInputFailsWithItsFileAndLine(@TempDir Path directory) throws Exception {
        Path overlay = Files.writeString(directory.resolve("overlay.json"), "{\n  \"region\": []\n}\n");

        ImportException e = assertThrows(ImportException.class,
                () -> TencentImports.run(List.of(spec(TMT.resolve("api.json"), null, overlay))));

        ImportMessage problem = e.problems().get(0);
        assertEquals(overlay + ":2", problem.origin().toString());
        assertTrue(problem.message().contains("did you mean \"regions\"?"), problem.message());
    }

    @Test
    void aSpecWithoutApiJsonOrAMissingFileIsNamed(@TempDir Path directory) {
        TencentSpec noApiJson = new TencentSpec();
        noApiJson.docPages = List.of(new File("page.txt"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TencentImports.inputs(List.of(spec(TMT.resolve("api.json"), null, null), noApiJson)));
        assertEquals("<tencentSpec> number 2 has no <apiJson>", e.getMessage());

        Path missing = directory.resolve("api.json");
        Exception notFound = assertThrows(Exception.class,
                () -> TencentImports.inputs(List.of(spec(missing, null, null))));
        assertTrue(notFound.toString().contains(missing.toString()), notFound.toString());
    }
}
