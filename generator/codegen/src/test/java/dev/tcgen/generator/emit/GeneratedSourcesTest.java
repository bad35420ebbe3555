package dev.tcgen.generator.emit;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.tcgen.generator.GeneratedSource;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.testing.TestSpecs;
import dev.tcgen.generator.testing.SpecFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole tree generated from the TRTC spec of the api-spec module: golden files for the StopPublishCdnStream
 * classes, compilation with {@code -Xlint:all -Werror}, and determinism.
 *
 * <p>Run with {@code -Dtcgen.updateGolden=true} to rewrite the golden files after an intended change, then review
 * the diff.
 */
class GeneratedSourcesTest {

    private static final String TRTC_PACKAGE = "dev/tcgen/client/trtc/v20190722/";
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    static Path directory;

    private static Path spec;
    private static List<GeneratedSource> sources;

    @BeforeAll
    static void generate() throws Exception {
        spec = TestSpecs.trtc(directory);
        sources = generateTrtc();
    }

    private static List<GeneratedSource> generateTrtc() throws Exception {
        return SpecFixtures.generate(Generator.Options.of("dev.tcgen.client"), List.of(spec));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "StopPublishCdnStreamRequest.java",
        "StopPublishCdnStreamResponse.java",
        "TrtcErrorCode.java",
    })
    void matchesGoldenFile(String fileName) throws IOException {
        String actual = byPath().get(TRTC_PACKAGE + fileName).content();
        Path golden = GOLDEN.resolve(fileName);
        if (Boolean.getBoolean("tcgen.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                "generated " + fileName + " differs from " + golden + "; if intended, rerun with -Dtcgen.updateGolden=true");
    }

    @Test
    void theWholeTreeCompilesWithoutWarnings() {
        List<JavaFileObject> files = sources.stream()
                .map(s -> JavaFileObjects.forSourceString(s.relativePath().replace('/', '.').replaceAll("\\.java$", ""),
                        s.content()))
                .toList();

        Compilation compilation = Compiler.javac().withOptions("-Xlint:all", "-Werror").compile(files);

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void generatingTwiceGivesTheSameBytes() throws Exception {
        assertEquals(sources, generateTrtc());
    }

    @Test
    void theTreeHasTheExpectedFiles() {
        List<String> trtcFiles = sources.stream()
                .map(GeneratedSource::relativePath)
                .filter(p -> p.startsWith(TRTC_PACKAGE))
                .map(p -> p.substring(TRTC_PACKAGE.length()))
                .toList();
        // The whole TRTC API, as imported from Tencent's api.json: 58 actions (a request and a response each) and
        // 92 shared structures, plus the service's own classes.
        assertEquals(58 * 2 + 92 + 4, trtcFiles.size(), trtcFiles.toString());
        assertTrue(trtcFiles.containsAll(List.of("Region.java", "TrtcClient.java", "TrtcErrorCode.java",
                "TrtcException.java", "StopPublishCdnStreamRequest.java", "StopPublishCdnStreamResponse.java",
                "StartPublishCdnStreamRequest.java", "AgentParams.java", "McuLayoutParams.java",
                "McuPublishCdnParam.java", "DescribeTRTCMarketQualityDataRequest.java")), trtcFiles.toString());
        assertEquals(58, trtcFiles.stream().filter(f -> f.endsWith("Request.java")).count());
        assertTrue(sources.stream().anyMatch(s -> s.relativePath().equals("dev/tcgen/client/core/Tc3Signer.java")));
    }

    @Test
    void everyFileIsMarkedGeneratedOrEmbeddedWithoutADate() {
        Pattern date = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T|date\\s*=");
        for (GeneratedSource source : sources) {
            boolean embedded = source.content().contains("; // Embedded from tcgen-runtime ");
            assertTrue(embedded || source.content().contains("@Generated("), source.relativePath());
            assertEquals(embedded, source.relativePath().startsWith("dev/tcgen/client/core/")
                    && !source.relativePath().endsWith("/RuntimeVersion.java"), source.relativePath());
            assertFalse(date.matcher(source.content()).find(), source.relativePath());
        }
    }

    @Test
    void theClientDocumentsRegionsRateLimitAndErrorCodes() {
        String client = byPath().get(TRTC_PACKAGE + "TrtcClient.java").content();
        assertTrue(client.contains("Supported regions: {@code ap-guangzhou}, {@code ap-hongkong}, {@code ap-singapore}."),
                client);
        assertTrue(client.contains("at most 20 requests per second"), client);
        assertTrue(client.contains("{@link TrtcErrorCode#FAILED_OPERATION_CR_UNSUPPORT_METHOD "
                + "FailedOperation.CRUnsupportMethod}"), client);
    }

    private static Map<String, GeneratedSource> byPath() {
        return sources.stream().collect(Collectors.toMap(GeneratedSource::relativePath, Function.identity()));
    }
}
