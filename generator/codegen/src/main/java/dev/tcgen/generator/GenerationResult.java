package dev.tcgen.generator;

import dev.tcgen.generator.write.SourceWriter;
import java.util.List;
import java.util.Optional;

/**
 * What a generation produced.
 *
 * @param sources every generated source, sorted by path
 * @param written what writing them changed in the output directory; empty when the request kept them in memory
 */
public record GenerationResult(List<GeneratedSource> sources, Optional<SourceWriter.Result> written) {

    public GenerationResult {
        sources = List.copyOf(sources);
    }
}
