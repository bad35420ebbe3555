package dev.tcgen.generator;

import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.spec.SpecSource;
import dev.tcgen.generator.write.SourceWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Everything one generation needs: the specs, the options, and where the sources go. {@link Generator#generate}
 * takes it.
 *
 * <pre>{@code
 * GenerationResult result = Generator.generate(
 *         GenerationRequest.of(Generator.Options.of("com.example.tencent"), specs).writingTo(Path.of("src/gen")));
 * }</pre>
 *
 * @param specs the specs' texts
 * @param options the base package, where the runtime goes, which services and actions
 * @param output where to write, or empty to keep the sources in memory only
 * @param threads how many threads generate at most (1: the calling thread only)
 * @param progress told each service version ({@code trtc 2019-07-22}) or the runtime ({@code core}) as it is
 *     generated, with its number of files, from the thread that finished it
 */
public record GenerationRequest(List<SpecSource> specs, Generator.Options options, Optional<Output> output,
        int threads, BiConsumer<String, Integer> progress) {

    /**
     * A directory to bring to exactly the generated files (see {@link SourceWriter}).
     *
     * @param directory the output directory
     * @param manifest the name of the list of files this generation owns there; two generations writing into one
     *     directory use two names
     */
    public record Output(Path directory, String manifest) {

        public Output {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(manifest, "manifest");
        }
    }

    public GenerationRequest {
        specs = List.copyOf(specs);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(progress, "progress");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    /** Generates {@code specs} in memory, on as many threads as there are processors. */
    public static GenerationRequest of(Generator.Options options, List<SpecSource> specs) {
        return new GenerationRequest(specs, options, Optional.empty(), Runtime.getRuntime().availableProcessors(),
                (service, files) -> { });
    }

    /**
     * Generates the spec files in memory.
     *
     * @throws SpecException if a file cannot be read
     */
    public static GenerationRequest ofFiles(Generator.Options options, List<Path> specFiles) throws SpecException {
        List<SpecSource> sources = new ArrayList<>();
        for (Path file : specFiles) {
            sources.add(SpecSource.read(file));
        }
        return of(options, sources);
    }

    /** This request, writing into {@code directory} with the default manifest. */
    public GenerationRequest writingTo(Path directory) {
        return writingTo(directory, SourceWriter.MANIFEST);
    }

    /** This request, writing into {@code directory} with its own manifest (one per generation sharing it). */
    public GenerationRequest writingTo(Path directory, String manifest) {
        return new GenerationRequest(specs, options, Optional.of(new Output(directory, manifest)), threads, progress);
    }

    /** This request on at most {@code count} threads. */
    public GenerationRequest withThreads(int count) {
        return new GenerationRequest(specs, options, output, count, progress);
    }

    /** This request, telling {@code listener} as each service version or the runtime is generated. */
    public GenerationRequest withProgress(BiConsumer<String, Integer> listener) {
        return new GenerationRequest(specs, options, output, threads, listener);
    }
}
