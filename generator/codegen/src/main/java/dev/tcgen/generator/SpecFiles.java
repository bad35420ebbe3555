package dev.tcgen.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Turns what a user names as specs (files, or directories of them) into the spec files to read. */
public final class SpecFiles {

    private SpecFiles() {}

    /**
     * The spec files: each file as given, each directory replaced by the {@code .json} files directly in it, sorted
     * by name.
     *
     * @throws IllegalArgumentException if a path does not exist, or no spec file is found at all
     * @throws IOException if a directory cannot be listed
     */
    public static List<Path> expand(List<Path> specs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path spec : specs) {
            if (Files.isDirectory(spec)) {
                try (Stream<Path> entries = Files.list(spec)) {
                    entries.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(spec)) {
                files.add(spec);
            } else {
                throw new IllegalArgumentException("no such spec file or directory: " + spec);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .json spec files in " + specs);
        }
        return files;
    }
}
