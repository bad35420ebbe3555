package dev.tcgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tcgen.generator.testing.SpecFixtures;
import dev.tcgen.generator.testing.TestSpecs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Services are generated in parallel, and their files rendered so; the output is the same whatever the number of
 * threads, and whether the runtime and the services are generated together or apart.
 */
class GeneratorThreadsTest {

    @TempDir
    Path directory;

    @Test
    void theOutputDoesNotDependOnTheNumberOfThreads() throws Exception {
        GenerationRequest request = GenerationRequest.ofFiles(Generator.Options.of("com.example.cloud"), List.of(
                TestSpecs.trtc(directory), SpecFixtures.spec("kitchen-sink.json"), SpecFixtures.spec("no-regions.json")));
        Map<String, Integer> progress = new ConcurrentHashMap<>();

        List<GeneratedSource> one = Generator.generate(request.withThreads(1)).sources();
        List<GeneratedSource> four = Generator.generate(request.withThreads(4)
                .withProgress(progress::put)).sources();

        assertEquals(one, four);
        assertEquals(one, Generator.generate(request).sources());
        List<String> paths = one.stream().map(GeneratedSource::relativePath).toList();
        assertEquals(paths.stream().sorted().toList(), paths);
        assertEquals(Set.of("core", "trtc 2019-07-22", "kitchen 2024-05-06", "regionless 2021-01-01"),
                progress.keySet());
        assertEquals(one.size(), progress.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(one.stream().filter(s -> s.relativePath().startsWith("com/example/cloud/core/")).count(),
                (long) progress.get("core"));
    }

    @Test
    void theRuntimeOnceAndEachServiceAloneAreWhatAGenerationOfAllOfThemGives() throws Exception {
        Generator.Options options = Generator.Options.of("com.example.cloud");
        List<Path> specs = List.of(TestSpecs.trtc(directory), SpecFixtures.spec("kitchen-sink.json"),
                SpecFixtures.spec("paging.json"));

        List<GeneratedSource> bulk = new ArrayList<>(Generator.runtimeSources(options));
        for (Path spec : specs) {
            bulk.addAll(Generator.serviceSources(SpecFixtures.load(spec), options));
        }
        bulk.sort(Comparator.comparing(GeneratedSource::relativePath));

        assertEquals(Generator.generate(GenerationRequest.ofFiles(options, specs)).sources(), bulk);
        assertEquals(List.of(), Generator.runtimeSources(new Generator.Options("com.example.cloud",
                RuntimeMode.DEPENDENCY)));
    }

    @Test
    void tasksKeepTheirOrderAndTheFirstFailureIsRethrown() {
        List<Supplier<Integer>> tasks = new ArrayList<>();
        IntStream.range(0, 50).forEach(i -> tasks.add(() -> i * i));
        assertEquals(IntStream.range(0, 50).map(i -> i * i).boxed().toList(), ParallelTasks.run(tasks, 3));

        IllegalStateException first = new IllegalStateException("first");
        List<Supplier<Integer>> failing = List.of(() -> 1, () -> {
            throw first;
        }, () -> {
            throw new IllegalArgumentException("second");
        });
        assertSame(first, assertThrows(IllegalStateException.class, () -> ParallelTasks.run(failing, 2)));
        assertThrows(IllegalArgumentException.class, () -> ParallelTasks.run(tasks, 0));
    }
}
