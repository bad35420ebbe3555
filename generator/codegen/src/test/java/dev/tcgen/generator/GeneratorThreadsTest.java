package dev.tcgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tcgen.generator.spec.ServiceSpec;
import dev.tcgen.generator.testing.SpecFixtures;
import dev.tcgen.generator.testing.TestSpecs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Services are generated in parallel; the output is the same whatever the number of threads. */
class GeneratorThreadsTest {

    @TempDir
    Path directory;

    @Test
    void theOutputDoesNotDependOnTheNumberOfThreads() throws Exception {
        List<ServiceSpec> specs = List.of(Generator.load(TestSpecs.trtc(directory)),
                Generator.load(SpecFixtures.spec("kitchen-sink.json")),
                Generator.load(SpecFixtures.spec("no-regions.json")));
        Generator generator = new Generator(Generator.Options.of("com.example.cloud"));

        List<GeneratedSource> one = generator.generateSpecs(specs, 1);
        List<GeneratedSource> four = generator.generateSpecs(specs, 4);

        assertEquals(one, four);
        assertEquals(one, generator.generateSpecs(specs));
        List<String> paths = one.stream().map(GeneratedSource::relativePath).toList();
        assertEquals(paths.stream().sorted().toList(), paths);
        List<GeneratedSource> core = generator.generateRuntime();
        assertEquals(core, one.stream().filter(s -> s.relativePath().startsWith("com/example/cloud/core/")).toList());
        assertEquals(generator.generateService(specs.get(0)),
                one.stream().filter(s -> s.relativePath().startsWith("com/example/cloud/trtc/")).toList());
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
