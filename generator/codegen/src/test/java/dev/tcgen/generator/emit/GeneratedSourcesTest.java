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
import dev.tcgen.generator.testing.SpecFixtures;
import dev.tcgen.generator.testing.TestSpecs;
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

/**
 * The whole tree generated from the TRTC spec of the api-spec module: compilation with {@code -Xlint:all -Werror},
 * determinism, the expected files and markings. The text of each kind of file is pinned by {@link GoldenFilesTest}.
 */
class GeneratedSourcesTest {

    private static final String TRTC_PACKAGE = "dev/tcgen/client/trtc/v20190722/";

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
        // 92 shared structures, plus the service's own classes (the client is an interface, its implementation and
        // its fake two more).
        assertEquals(58 * 2 + 92 + 6, trtcFiles.size(), trtcFiles.toString());
        assertTrue(trtcFiles.containsAll(List.of("Region.java", "TrtcClient.java", "DefaultTrtcClient.java",
                "FakeTrtcClient.java", "TrtcErrorCode.java",
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
