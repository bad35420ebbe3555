package dev.tcgen.generator.emit.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The runtime module's own source files, as the build copied them into this jar (see the codegen pom): read once,
 * the first time they are needed, and then shared.
 */
public final class RuntimeSources {

    /** One source file of the runtime module. */
    public record SourceFile(String relativePath, String text) {}

    private static final String DIRECTORY = "sources/";

    private RuntimeSources() {}

    /** Every source file of the runtime, by path relative to {@code dev/tcgen/runtime}, sorted. */
    public static List<SourceFile> all() {
        return Holder.FILES;
    }

    private static final class Holder {
        static final List<SourceFile> FILES = load();
    }

    private static List<SourceFile> load() {
        List<SourceFile> files = new ArrayList<>();
        for (String line : read(DIRECTORY + "index.txt").split("\\R")) {
            String path = line.strip().replace('\\', '/');
            if (!path.isEmpty()) {
                files.add(new SourceFile(path, read(DIRECTORY + path)));
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("the runtime sources index of the tcgen codegen jar is empty");
        }
        files.sort(Comparator.comparing(SourceFile::relativePath));
        return List.copyOf(files);
    }

    private static String read(String resource) {
        try (InputStream in = RuntimeSources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the tcgen codegen jar; "
                        + "it is copied from the runtime module by the build (process-resources)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
