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
 * Opt-in: every {@code api.json} of Tencent's published corpus (156 service versions) imports into a spec that
 * passes the generator's validation ({@link Generator#load}) and model step. The corpus is not part of the project;
 * point {@code -Dtcgen.corpus} at {@code all-services-api-json.tgz} or at a directory it was unpacked into (paths
 * {@code <service>/<version>/api.json}). Without it the test is skipped.
 *
 * <pre>{@code
 * mvn -B -pl api-spec,generator test -Dtest=ImportCorpusTest \
 *     -Dtcgen.corpus=$PWD/../shared/corpus/tencentcloud-cli-intl-en/all-services-api-json.tgz
 * }</pre>
 */
class ImportCorpusTest {

    @TempDir
    Path directory;

    @Test
    void everyServiceOfTheCorpusImportsIntoAValidSpec() throws IOException {
        String corpus = System.getProperty("tcgen.corpus", "");
        assumeTrue(!corpus.isBlank() && Files.exists(Path.of(corpus)), "the corpus is not there (\"" + corpus
                + "\"): set -Dtcgen.corpus to all-services-api-json.tgz, or to the directory it was unpacked into, "
                + "to run this test");
        Path root = Files.isDirectory(Path.of(corpus)) ? Path.of(corpus) : unpack(Path.of(corpus));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.getFileName().toString().equals("api.json")).sorted().toList();
        }
        assumeTrue(!files.isEmpty(), "no api.json under " + corpus);

        int actions = 0;
        int structures = 0;
        int warnings = 0;
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            try {
                SpecImporter.Result result = SpecImporter.run(
                        new SpecImporter.Inputs(file, Optional.empty(), List.of(), Optional.empty()), "spec.json");
                SpecDraft.Service service = result.service();
                Path spec = Files.writeString(directory.resolve(service.service() + "-" + service.version() + ".json"),
                        result.specText());
                ServiceSpec loaded = SpecFixtures.load(spec);
                ModelBuilder.build(loaded, "dev.tcgen.client", "dev.tcgen.client.core");
                actions += service.actions().size();
                structures += service.structures().size();
                warnings += result.warnings().size();
            } catch (ImportException | SpecException | RuntimeException e) {
                failures.add(file + ": " + e.getMessage());
            }
        }
        System.out.printf("tcgen corpus import: %d services, %d actions, %d structures, %d warnings, %d failures%n",
                files.size() - failures.size(), actions, structures, warnings, failures.size());
        assertEquals(List.of(), failures);
    }

    /** Unpacks the {@code api.json} files of a gzipped tar (plain ustar entries) into the temporary directory. */
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
                    if (target.startsWith(root) && name.endsWith("/api.json")) {
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
