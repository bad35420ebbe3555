package dev.tcgen.generator.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tcgen.generator.Generator;
import dev.tcgen.generator.model.ModelBuilder;
import dev.tcgen.generator.spec.ServiceSpec;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.testing.SpecFixtures;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in: every {@code api.json} of Tencent's published corpus (156 service versions), with its {@code examples.json},
 * imports into a spec that passes the generator's validation ({@link Generator#load}) and model step, and exactly the
 * corpus's six streaming actions are marked {@code streaming} ({@link StreamingRule}). The corpus is not part of the
 * project; point {@code -Dtcgen.corpus} at {@code all-services-api-json.tgz} (the examples are read from
 * {@code all-services-examples-json.tgz} beside it, if there) or at a directory they were unpacked into (paths
 * {@code <service>/<version>/api.json} and {@code examples.json}). Without it the test is skipped.
 *
 * <pre>{@code
 * mvn -B -pl generator/importer -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=ImportCorpusTest \
 *     -Dtcgen.corpus=$PWD/../shared/corpus/tencentcloud-cli-intl-en/all-services-api-json.tgz
 * }</pre>
 */
class ImportCorpusTest {

    /** The actions the README ("Streaming answers") says the importers mark over the whole corpus. */
    private static final List<String> STREAMING_ACTIONS = List.of("cls ChatCompletions", "es ParseDocument",
            "hunyuan ChatTranslations", "lkeap ChatCompletions", "lkeap ReconstructDocumentSSE",
            "trtc TextToSpeechSSE");

    private static final String EXAMPLES_ARCHIVE = "all-services-examples-json.tgz";

    @TempDir
    Path directory;

    @Test
    void everyServiceOfTheCorpusImportsIntoAValidSpec() throws IOException {
        String corpus = System.getProperty("tcgen.corpus", "");
        assumeTrue(!corpus.isBlank() && Files.exists(Path.of(corpus)), "the corpus is not there (\"" + corpus
                + "\"): set -Dtcgen.corpus to all-services-api-json.tgz, or to the directory it was unpacked into, "
                + "to run this test");
        Path root = Path.of(corpus);
        if (!Files.isDirectory(root)) {
            root = unpack(Path.of(corpus));
            Path examples = Path.of(corpus).resolveSibling(EXAMPLES_ARCHIVE);
            if (Files.exists(examples)) {
                unpack(examples);
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.getFileName().toString().equals("api.json")).sorted().toList();
        }
        assumeTrue(!files.isEmpty(), "no api.json under " + corpus);

        int actions = 0;
        int structures = 0;
        int warnings = 0;
        int examples = 0;
        List<String> failures = new ArrayList<>();
        List<String> streaming = new ArrayList<>();
        for (Path file : files) {
            try {
                Path examplesJson = file.resolveSibling("examples.json");
                examples += Files.exists(examplesJson) ? 1 : 0;
                SpecImporter.Result result = SpecImporter.run(new SpecImporter.Inputs(file,
                        Optional.of(examplesJson).filter(Files::exists), List.of(), Optional.empty()), "spec.json");
                SpecDraft.Service service = result.service();
                Path spec = Files.writeString(directory.resolve(service.service() + "-" + service.version() + ".json"),
                        result.specText());
                ServiceSpec loaded = SpecFixtures.load(spec);
                ModelBuilder.build(loaded, "dev.tcgen.client", "dev.tcgen.client.core");
                actions += service.actions().size();
                structures += service.structures().size();
                warnings += result.warnings().size();
                service.actions().stream().filter(SpecDraft.Action::streaming)
                        .forEach(action -> streaming.add(service.service() + " " + action.name()));
            } catch (ImportException | SpecException | RuntimeException e) {
                failures.add(file + ": " + e.getMessage());
            }
        }
        System.out.printf("tcgen corpus import: %d services (%d with examples), %d actions, %d structures, %d warnings, "
                + "%d failures%n", files.size() - failures.size(), examples, actions, structures, warnings,
                failures.size());
        assertEquals(List.of(), failures);
        assertEquals(STREAMING_ACTIONS, streaming.stream().sorted().toList());
    }

    /**
     * Unpacks the {@code api.json} and {@code examples.json} files of a gzipped tar (plain ustar entries) into the
     * temporary directory.
     */
    private Path unpack(Path tgz) throws IOException {
        Path root = directory.resolve("corpus");
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tgz)))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = field(header, 345, 155) + field(header, 0, 100);
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                byte[] content = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (header[156] == '0' || header[156] == 0) {
                    Path target = root.resolve(name.replaceFirst("^\\./", "")).normalize();
                    if (target.startsWith(root) && (name.endsWith("/api.json") || name.endsWith("/examples.json"))) {
                        Files.createDirectories(target.getParent());
                        Files.write(target, content);
                    }
                }
            }
        }
        return root;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }
}
