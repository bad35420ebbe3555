package dev.tcgen.generator.write;

import dev.tcgen.generator.GeneratedSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes generated sources into an output directory, the careful way:
 *
 * <ul>
 *   <li>a file whose content is unchanged is not touched, so its timestamp stays and javac and IDEs stay quiet;
 *   <li>a changed file is written to a temporary file beside it and moved into place atomically, so no reader ever
 *       sees half a file;
 *   <li>files this writer produced last time and does not produce now (a removed action, a renamed structure) are
 *       deleted; files it never wrote are never touched. What it wrote is listed in {@value #MANIFEST} in the output
 *       directory, which is replaced last.
 * </ul>
 */
public final class SourceWriter {

    /** The list of files tcgen wrote into an output directory, one relative path a line. */
    public static final String MANIFEST = ".tcgen-files";

    /**
     * What a write did.
     *
     * @param written files created or changed
     * @param unchanged files left as they were, their content already right
     * @param deleted files of an earlier run that this run no longer produces
     */
    public record Result(List<String> written, List<String> unchanged, List<String> deleted) {

        public Result {
            written = List.copyOf(written);
            unchanged = List.copyOf(unchanged);
            deleted = List.copyOf(deleted);
        }
    }

    private SourceWriter() {}

    /**
     * Brings the output directory to exactly the given sources.
     *
     * @param outputDirectory the directory; created if absent
     * @param sources the sources, with distinct paths
     * @return what changed
     * @throws IOException if a file cannot be written; files already moved into place stay, the manifest still
     *     lists every file of the previous run, and a rerun completes the job
     */
    public static Result write(Path outputDirectory, List<GeneratedSource> sources) throws IOException {
        return write(outputDirectory, sources, MANIFEST);
    }

    /**
     * Like {@link #write(Path, List)}, keeping the list of written files under another name, so that several
     * generations (two plugin executions, say) can share an output directory without deleting each other's files.
     *
     * @param manifestName the file name of the list, in the output directory
     */
    public static Result write(Path outputDirectory, List<GeneratedSource> sources, String manifestName)
            throws IOException {
        Files.createDirectories(outputDirectory);
        Set<String> previous = readManifest(outputDirectory, manifestName);
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Set<String> current = new TreeSet<>();
        for (GeneratedSource source : sources) {
            Path target = resolve(outputDirectory, source.relativePath());
            if (!current.add(source.relativePath())) {
                throw new IllegalArgumentException("two sources share the path " + source.relativePath());
            }
            byte[] bytes = source.content().getBytes(StandardCharsets.UTF_8);
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                unchanged.add(source.relativePath());
            } else {
                replaceAtomically(target, bytes);
                written.add(source.relativePath());
            }
        }
        List<String> deleted = new ArrayList<>();
        Set<String> stale = new TreeSet<>(previous);
        stale.removeAll(current);
        for (String path : stale) {
            if (Files.deleteIfExists(resolve(outputDirectory, path))) {
                deleted.add(path);
            }
            deleteEmptyParents(outputDirectory, resolve(outputDirectory, path).getParent());
        }
        replaceAtomically(outputDirectory.resolve(manifestName),
                String.join("\n", current).concat(current.isEmpty() ? "" : "\n").getBytes(StandardCharsets.UTF_8));
        return new Result(written, unchanged, deleted);
    }

    /**
     * Whether every file the last write listed in the manifest is still there: false when the manifest is missing
     * (never written, or the directory was cleaned) or a listed file was deleted. Contents are not compared.
     */
    public static boolean isComplete(Path outputDirectory, String manifestName) throws IOException {
        if (!Files.isRegularFile(outputDirectory.resolve(manifestName))) {
            return false;
        }
        for (String path : readManifest(outputDirectory, manifestName)) {
            if (!Files.isRegularFile(resolve(outputDirectory, path))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> readManifest(Path outputDirectory, String manifestName) throws IOException {
        Path manifest = outputDirectory.resolve(manifestName);
        if (!Files.isRegularFile(manifest)) {
            return Set.of();
        }
        Set<String> paths = new LinkedHashSet<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                paths.add(line.strip());
            }
        }
        return paths;
    }

    /** The file at a relative path, refusing paths that would leave the output directory. */
    private static Path resolve(Path outputDirectory, String relativePath) {
        Path root = outputDirectory.toAbsolutePath().normalize();
        Path target = root.resolve(relativePath).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("refusing to write outside the output directory: " + relativePath);
        }
        return target;
    }

    private static void replaceAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void deleteEmptyParents(Path outputDirectory, Path directory) throws IOException {
        Path root = outputDirectory.toAbsolutePath().normalize();
        Path current = directory.toAbsolutePath().normalize();
        while (current.startsWith(root) && !current.equals(root)) {
            if (!Files.isDirectory(current)) {
                current = current.getParent();
                continue;
            }
            try (var entries = Files.list(current)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(current);
            current = current.getParent();
        }
    }
}
