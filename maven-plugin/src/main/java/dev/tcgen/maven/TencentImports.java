package dev.tcgen.maven;

import dev.tcgen.generator.importer.ImportException;
import dev.tcgen.generator.importer.ImportMessage;
import dev.tcgen.generator.importer.SpecImporter;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.spec.SpecSource;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code <tencentSpecs>} of an execution: their input files, for the fingerprint, and their import into specs. */
final class TencentImports {

    /**
     * What the import produced.
     *
     * @param specs one spec per {@code <tencentSpec>}, in their order, named after its {@code api.json}
     * @param warnings what the import noticed, each at its {@code file:line}
     */
    record Result(List<SpecSource> specs, List<ImportMessage> warnings) {}

    private TencentImports() {}

    /**
     * Every input file's bytes, named by its place in the configuration and its path, so that any change to the
     * files or to which file plays which part changes the fingerprint.
     *
     * @throws IllegalArgumentException if a {@code <tencentSpec>} has no {@code <apiJson>}
     * @throws IOException if a file cannot be read
     */
    static List<SpecSource> inputs(List<TencentSpec> specs) throws IOException {
        List<SpecSource> inputs = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            requireApiJson(specs.get(i), i);
            for (Map.Entry<String, File> file : specs.get(i).files().entrySet()) {
                inputs.add(new SpecSource("tencentSpec[" + i + "]." + file.getKey() + "=" + file.getValue()
                        .getAbsolutePath(), Files.readAllBytes(file.getValue().toPath())));
            }
        }
        return inputs;
    }

    /**
     * Imports every spec, in memory.
     *
     * @throws ImportException if an input cannot be read or parsed, with every problem at its {@code file:line}
     * @throws SpecException if an imported spec would not pass the generator's validation
     */
    static Result run(List<TencentSpec> specs) throws ImportException, SpecException {
        List<SpecSource> imported = new ArrayList<>();
        List<ImportMessage> warnings = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            TencentSpec spec = specs.get(i);
            String name = requireApiJson(spec, i) + " (imported)";
            SpecImporter.Result result = SpecImporter.run(new SpecImporter.Inputs(spec.apiJson.toPath(),
                    Optional.ofNullable(spec.examples).map(File::toPath),
                    spec.docPages.stream().map(File::toPath).toList(),
                    Optional.ofNullable(spec.overlay).map(File::toPath)), name);
            imported.add(new SpecSource(name, result.specText().getBytes(StandardCharsets.UTF_8)));
            warnings.addAll(result.warnings());
        }
        return new Result(imported, warnings);
    }

    private static File requireApiJson(TencentSpec spec, int index) {
        if (spec.apiJson == null) {
            throw new IllegalArgumentException("<tencentSpec> number " + (index + 1) + " has no <apiJson>");
        }
        return spec.apiJson;
    }
}
