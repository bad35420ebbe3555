package dev.tcgen.generator.importer;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.tcgen.generator.GeneratedSource;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.testing.GeneratedCode;
import dev.tcgen.generator.testing.InMemoryClassLoader;
import dev.tcgen.generator.testing.SpecFixtures;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The six streaming actions of Tencent's corpus, each imported from a slice of its service's {@code api.json} and
 * {@code examples.json} ({@code importer/streaming}, copied unchanged) beside actions of the same service that do not
 * stream, some of which talk of streams in another sense (TRTC's relaying of media streams) or share the streaming
 * action's structures (TRTC's {@code TextToSpeech}).
 */
class StreamingCorpusSlicesTest {

    /** The slices, by service and version, and the actions each should mark streaming. */
    private static final Map<String, Set<String>> STREAMING = Map.of(
            "cls/v20201016", Set.of("ChatCompletions"),
            "es/v20250101", Set.of("ParseDocument"),
            "hunyuan/v20230901", Set.of("ChatTranslations"),
            "lkeap/v20240522", Set.of("ChatCompletions", "ReconstructDocumentSSE"),
            "trtc/v20190722", Set.of("TextToSpeechSSE"));

    /** The actions of each slice that must not be marked. */
    private static final Map<String, Set<String>> NOT_STREAMING = Map.of(
            "cls/v20201016", Set.of("DeleteConsumer", "DescribeKafkaConsumerPreview"),
            "es/v20250101", Set.of("ParseDocumentAsync"),
            "hunyuan/v20230901", Set.of("Convert3DFormat"),
            "lkeap/v20240522", Set.of("CreateReconstructDocumentFlow"),
            "trtc/v20190722", Set.of("StopPublishCdnStream", "StopStreamIngest", "TextToSpeech"));

    @TempDir
    static Path directory;

    private static final Map<String, SpecImporter.Result> imported = new TreeMap<>();

    @BeforeAll
    static void importSlices() throws Exception {
        for (String slice : STREAMING.keySet()) {
            imported.put(slice, SpecImporter.run(new SpecImporter.Inputs(
                    ImportFixtures.file("streaming/" + slice + "/api.json"),
                    Optional.of(ImportFixtures.file("streaming/" + slice + "/examples.json")), List.of(),
                    Optional.empty()), slice.replace('/', '-') + ".json"));
        }
    }

    @Test
    void exactlyTheStreamingActionsOfEachSliceAreMarked() {
        for (String slice : STREAMING.keySet()) {
            SpecDraft.Service service = imported.get(slice).service();
            Set<String> all = new TreeSet<>(STREAMING.get(slice));
            all.addAll(NOT_STREAMING.get(slice));
            assertEquals(all, names(service.actions()), slice + ": the slice's actions");
            assertEquals(new TreeSet<>(STREAMING.get(slice)),
                    names(service.actions().stream().filter(SpecDraft.Action::streaming).toList()), slice);
        }
    }

    @Test
    void theirClientsHaveAStreamAndAPublisherMethodForExactlyThoseActions() throws Exception {
        List<Path> specs = new ArrayList<>();
        for (Map.Entry<String, SpecImporter.Result> slice : imported.entrySet()) {
            specs.add(ImportFixtures.write(directory, slice.getKey().replace('/', '-') + ".json",
                    slice.getValue().specText()));
        }
        List<GeneratedSource> generated = SpecFixtures.generate(Generator.Options.of("com.example"), specs);
        Compilation compilation = GeneratedCode.javac().compile(SpecFixtures.javaFileObjects(generated));
        assertThat(compilation).succeededWithoutWarnings();
        InMemoryClassLoader loader = InMemoryClassLoader.of(compilation);
        Class<?> eventStream = loader.loadClass("com.example.core.EventStream");

        for (String slice : STREAMING.keySet()) {
            String service = slice.substring(0, slice.indexOf('/'));
            Class<?> client = loader.loadClass("com.example." + slice.replace('/', '.') + "."
                    + Character.toUpperCase(service.charAt(0)) + service.substring(1) + "Client");
            Set<String> expected = new TreeSet<>();
            for (String action : STREAMING.get(slice)) {
                String method = Character.toLowerCase(action.charAt(0)) + action.substring(1);
                expected.add(method + "Stream");
                expected.add(method + "Publisher");
            }
            Set<String> streamingMethods = new TreeSet<>();
            for (Method method : client.getMethods()) {
                if (method.getReturnType() == eventStream || method.getReturnType() == Flow.Publisher.class) {
                    streamingMethods.add(method.getName());
                }
            }
            assertEquals(expected, streamingMethods, client.getName());
        }
    }

    private static Set<String> names(List<SpecDraft.Action> actions) {
        return new TreeSet<>(actions.stream().map(SpecDraft.Action::name).toList());
    }
}
