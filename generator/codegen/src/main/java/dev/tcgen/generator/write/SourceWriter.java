package dev.tcgen.generator.write;

import dev.tcgen.generator.GeneratedSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes generated sources into an output directory, the careful way:
 *
 * <ul>
 *   <li>a file whose content is unchanged is not touched, so its timestamp stays and javac and IDEs stay quiet;
 *   <li>files this writer produced last time and does not produce now (a removed action, a renamed structure) are
 *       deleted; files it never wrote are never touched. What it wrote is listed in {@value #MANIFEST} (or the
 *       manifest name given) in the output directory. A file it did not write is not overwritten either, unless it
 *       holds the very content to write: a {@link ForeignFileException} names them all before anything is written;
 *   <li>an update of the tree is a small transaction, so that a failure or a kill at any moment leaves either the
 *       previous output or a state that the next write completes:
 *       <ol>
 *         <li><b>stage</b>: every new or changed file is written in full, and flushed to disk (unless
 *             {@link Durability#UNFLUSHED}), into a staging directory {@code .tcgen-staging-<manifest>} beside the
 *             sources (its files are not {@code *.java}, so no compiler picks them up). A failure or kill here
 *             leaves the previous output exactly as it was; the next write throws the staging directory away;
 *         <li><b>commit</b>: a journal naming every move and deletion is written and renamed into the staging
 *             directory in one step;
 *         <li><b>apply</b>: the manifest is replaced by one listing both the previous files and the new ones, each
 *             staged file is renamed over its target (atomically where the file system can: see
 *             {@link Result#atomic}), stale files are deleted, the manifest is replaced by the new one and the
 *             staging directory removed. A kill here leaves the journal; the next write first finishes the
 *             interrupted update (and {@link #isComplete} says false until then), so a rerun always converges and
 *             no file is ever left behind untracked.
 *       </ol>
 * </ul>
 *
 * <p>Writes to different output directories, or under different manifest names, are independent and may run
 * concurrently; one output directory and manifest name must have one writer at a time.
 */
public final class SourceWriter {

    /** The list of files tcgen wrote into an output directory, one relative path a line. */
    public static final String MANIFEST = ".tcgen-files";

    private static final String STAGING_PREFIX = ".tcgen-staging-";
    private static final String JOURNAL = "journal";
    private static final String STAGED_MANIFEST = "manifest";
    private static final String TRACKING_MANIFEST = "manifest-while-moving";
    private static final String MOVE = "move ";
    private static final String DELETE = "delete ";

    /**
     * How far a write makes sure its files are on the disk before it commits.
     */
    public enum Durability {
        /**
         * Each staged file is flushed to the disk before the update is committed, so that not even a power loss
         * leaves a committed update with a file half-written. The default.
         */
        FLUSHED,
        /**
         * The files are left to the operating system to write back. A killed writer still leaves the previous files
         * or an update that the next write completes (the system keeps what was written), but a power loss or a
         * system crash may leave files half-written. For bulk output that is regenerated anyway ({@code tcgen
         * corpus}), where flushing each of thousands of files costs more than the rest of the write.
         */
        UNFLUSHED
    }

    /**
     * What a write did.
     *
     * @param written files created or changed
     * @param unchanged files left as they were, their content already right
     * @param deleted files of an earlier run that this run no longer produces
     * @param atomic whether the file system could rename every file into place atomically; if not, a reader could
     *     have seen files half-written
     */
    public record Result(List<String> written, List<String> unchanged, List<String> deleted, boolean atomic) {

        public Result {
            written = List.copyOf(written);
            unchanged = List.copyOf(unchanged);
            deleted = List.copyOf(deleted);
        }

        /** A warning for the user if not every file could be renamed into place atomically. */
        public Optional<String> warning() {
            return atomic ? Optional.empty() : Optional.of("the file system could not rename files atomically; a "
                    + "reader could have seen them half-written");
        }
    }

    private final Path root;
    private final String manifestName;
    private final Path staging;
    private final FileOperations files;
    private boolean atomic = true;

    private SourceWriter(Path outputDirectory, String manifestName, FileOperations files) {
        if (manifestName.isEmpty() || manifestName.contains("/") || manifestName.contains("\\")
                || manifestName.startsWith(STAGING_PREFIX) || manifestName.equals(".") || manifestName.equals("..")) {
            throw new IllegalArgumentException("invalid manifest name \"" + manifestName + "\"; expected a file name");
        }
        this.root = outputDirectory.toAbsolutePath().normalize();
        this.manifestName = manifestName;
        this.staging = root.resolve(STAGING_PREFIX + manifestName);
        this.files = files;
    }

    /**
     * Brings the output directory to exactly the given sources.
     *
     * @param outputDirectory the directory; created if absent
     * @param sources the sources, with distinct paths
     * @return what changed
     * @throws IOException if a file cannot be written; if it happens before every new file is staged, the output is
     *     as it was; after, a rerun completes the update
     * @throws ForeignFileException if files the writer did not write are in the way; nothing is written then
     * @throws IllegalArgumentException if two sources share a path (or paths that differ only in case), or a source
     *     or manifest path leaves the output directory; nothing is written then
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
        return write(outputDirectory, sources, manifestName, Durability.FLUSHED);
    }

    /**
     * Like {@link #write(Path, List, String)}, flushing each file to the disk or not.
     *
     * @param durability whether files are flushed before the update is committed
     */
    public static Result write(Path outputDirectory, List<GeneratedSource> sources, String manifestName,
            Durability durability) throws IOException {
        return write(outputDirectory, sources, manifestName,
                durability == Durability.FLUSHED ? FileOperations.DEFAULT : FileOperations.UNFLUSHED);
    }

    /** {@link #write(Path, List, String)} with the file operations given, so that tests can fail one. */
    static Result write(Path outputDirectory, List<GeneratedSource> sources, String manifestName,
            FileOperations files) throws IOException {
        return new SourceWriter(outputDirectory, manifestName, files).write(sources);
    }

    /**
     * Writes one file as this writer writes each: in full to a new file beside it (so with the permissions of any new
     * file) then renamed over it.
     *
     * @return whether the rename was atomic; if not, a reader could have seen the file half-written
     */
    public static boolean writeFile(Path file, byte[] bytes) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            FileOperations.DEFAULT.write(temporary, bytes);
            return FileOperations.DEFAULT.move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Whether every file the last write listed in the manifest is still there and no update was interrupted: false
     * when the manifest is missing (never written, or the directory was cleaned), a listed file was deleted, or a
     * write was stopped halfway. Contents are not compared.
     */
    public static boolean isComplete(Path outputDirectory, String manifestName) throws IOException {
        SourceWriter writer = new SourceWriter(outputDirectory, manifestName, FileOperations.DEFAULT);
        if (Files.exists(writer.staging) || !Files.isRegularFile(writer.root.resolve(manifestName))) {
            return false;
        }
        for (String path : writer.readManifest()) {
            if (!Files.isRegularFile(writer.resolve(path))) {
                return false;
            }
        }
        return true;
    }

    private Result write(List<GeneratedSource> sources) throws IOException {
        Set<String> current = checkPaths(sources);
        Files.createDirectories(root);
        finishInterruptedUpdate();
        Set<String> previous = readManifest();
        refuseForeignFiles(sources, previous);
        Plan plan = new Plan();
        try {
            stageChangedFiles(sources, plan);
            planDeletions(previous, current, plan);
            if (plan.written.isEmpty() && plan.deleted.isEmpty() && manifestLists(current)) {
                return plan.result(atomic);
            }
            Set<String> both = new TreeSet<>(previous);
            both.addAll(current);
            stage(TRACKING_MANIFEST, manifestText(both));
            stage(STAGED_MANIFEST, manifestText(current));
            commit(plan.journal);
            apply();
            return plan.result(atomic);
        } catch (IOException | RuntimeException | Error e) {
            abandonUncommitted(e);
            throw e;
        }
    }

    /** What a write will do: the journal of moves and deletions, and the result it reports. */
    private static final class Plan {
        final List<String> written = new ArrayList<>();
        final List<String> unchanged = new ArrayList<>();
        final List<String> deleted = new ArrayList<>();
        final List<String> journal = new ArrayList<>();

        Result result(boolean atomic) {
            return new Result(written, unchanged, deleted, atomic);
        }
    }

    /** Stages each source whose file is missing or different; leaves the others alone. */
    private void stageChangedFiles(List<GeneratedSource> sources, Plan plan) throws IOException {
        for (GeneratedSource source : sources) {
            Path target = resolve(source.relativePath());
            if (Files.isDirectory(target)) {
                throw new IOException("cannot write " + target + ": it is a directory");
            }
            if (holds(target, source)) {
                plan.unchanged.add(source.relativePath());
            } else {
                String staged = String.valueOf(plan.written.size());
                stage(staged, source.content().getBytes(StandardCharsets.UTF_8));
                plan.journal.add(MOVE + staged + " " + source.relativePath());
                plan.written.add(source.relativePath());
            }
        }
    }

    /** Refuses, naming them all, to overwrite files with other content that the previous write did not write. */
    private void refuseForeignFiles(List<GeneratedSource> sources, Set<String> previous) throws IOException {
        List<String> foreign = new ArrayList<>();
        for (GeneratedSource source : sources) {
            Path target = resolve(source.relativePath());
            if (!previous.contains(source.relativePath()) && Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    && !holds(target, source)) {
                foreign.add(source.relativePath());
            }
        }
        if (!foreign.isEmpty()) {
            throw new ForeignFileException(root, manifestName, foreign);
        }
    }

    private static boolean holds(Path file, GeneratedSource source) throws IOException {
        return Files.isRegularFile(file)
                && Arrays.equals(Files.readAllBytes(file), source.content().getBytes(StandardCharsets.UTF_8));
    }

    /** Files of the previous write that this one does not produce. */
    private void planDeletions(Set<String> previous, Set<String> current, Plan plan) {
        Set<String> stale = new TreeSet<>(previous);
        stale.removeAll(current);
        for (String path : stale) {
            plan.journal.add(DELETE + path);
            if (Files.exists(resolve(path))) {
                plan.deleted.add(path);
            }
        }
    }

    private boolean manifestLists(Set<String> paths) throws IOException {
        Path manifest = root.resolve(manifestName);
        return Files.isRegularFile(manifest) && Arrays.equals(Files.readAllBytes(manifest), manifestText(paths));
    }

    // ---- the transaction ----

    private void stage(String name, byte[] bytes) throws IOException {
        Files.createDirectories(staging);
        files.write(staging.resolve(name), bytes);
    }

    /** The commit point: the journal is renamed into the staging directory in one step. */
    private void commit(List<String> journal) throws IOException {
        files.write(staging.resolve(JOURNAL + ".tmp"), String.join("\n", journal).concat("\n")
                .getBytes(StandardCharsets.UTF_8));
        atomic &= files.move(staging.resolve(JOURNAL + ".tmp"), staging.resolve(JOURNAL));
    }

    /**
     * Carries out a committed journal; safe to repeat after a kill at any point of it. While files move, the manifest
     * lists the previous files and the new ones, so that whatever a kill leaves is tracked and a later write deletes
     * what it no longer produces.
     */
    private void apply() throws IOException {
        List<String> entries = Files.readAllLines(staging.resolve(JOURNAL), StandardCharsets.UTF_8);
        Path tracking = staging.resolve(TRACKING_MANIFEST);
        if (Files.exists(tracking)) {
            atomic &= files.move(tracking, root.resolve(manifestName));
        }
        for (String entry : entries) {
            if (entry.startsWith(MOVE)) {
                String rest = entry.substring(MOVE.length());
                int space = rest.indexOf(' ');
                Path stagedFile = staging.resolve(rest.substring(0, space));
                if (Files.exists(stagedFile)) {
                    Path target = resolve(rest.substring(space + 1));
                    Files.createDirectories(target.getParent());
                    atomic &= files.move(stagedFile, target);
                }
            }
        }
        for (String entry : entries) {
            if (entry.startsWith(DELETE)) {
                Path target = resolve(entry.substring(DELETE.length()));
                if (Files.exists(target)) {
                    files.delete(target);
                }
                deleteEmptyParents(target.getParent());
            }
        }
        Path stagedManifest = staging.resolve(STAGED_MANIFEST);
        if (Files.exists(stagedManifest)) {
            atomic &= files.move(stagedManifest, root.resolve(manifestName));
        }
        removeStaging();
    }

    /** Before anything else: an update that was committed is finished, one that was not is thrown away. */
    private void finishInterruptedUpdate() throws IOException {
        if (Files.isRegularFile(staging.resolve(JOURNAL))) {
            apply();
        } else if (Files.exists(staging)) {
            removeStaging();
        }
    }

    /**
     * After a failure before the commit point, the staged files are removed (if the file system still lets us) and
     * the output is as it was. After it, the journal stays for the next write to finish.
     */
    private void abandonUncommitted(Throwable failure) {
        if (Files.isRegularFile(staging.resolve(JOURNAL))) {
            return;
        }
        try {
            removeStaging();
        } catch (IOException | RuntimeException | Error cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    private void removeStaging() throws IOException {
        if (!Files.isDirectory(staging)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(staging)) {
            entries = list.sorted().toList();
        }
        for (Path entry : entries) {
            if (!entry.getFileName().toString().equals(JOURNAL)) {
                files.delete(entry);
            }
        }
        if (Files.exists(staging.resolve(JOURNAL))) {
            files.delete(staging.resolve(JOURNAL));
        }
        files.delete(staging);
    }

    // ---- paths and the manifest ----

    /** The sources' paths, checked before anything is written. */
    private Set<String> checkPaths(List<GeneratedSource> sources) {
        Set<String> current = new TreeSet<>();
        Map<String, String> byLowerCase = new HashMap<>();
        for (GeneratedSource source : sources) {
            String path = source.relativePath();
            resolve(path);
            if (!current.add(path)) {
                throw new IllegalArgumentException("two sources share the path " + path);
            }
            String other = byLowerCase.put(path.toLowerCase(Locale.ROOT), path);
            if (other != null) {
                throw new IllegalArgumentException("two sources' paths differ only in case, and would be one file on "
                        + "a file system that ignores case: " + other + " and " + path);
            }
        }
        return current;
    }

    private Set<String> readManifest() throws IOException {
        Path manifest = root.resolve(manifestName);
        if (!Files.isRegularFile(manifest)) {
            return Set.of();
        }
        Set<String> paths = new LinkedHashSet<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                resolve(line.strip());
                paths.add(line.strip());
            }
        }
        return paths;
    }

    private static byte[] manifestText(Set<String> paths) {
        return String.join("\n", paths).concat(paths.isEmpty() ? "" : "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The file at a relative path, refusing paths that would leave the output directory or break the manifest. */
    private Path resolve(String relativePath) {
        Path target = root.resolve(relativePath).normalize();
        if (!target.startsWith(root) || target.equals(root) || relativePath.contains("\n")
                || relativePath.contains("\r") || target.startsWith(staging)
                || target.equals(root.resolve(manifestName))) {
            throw new IllegalArgumentException("refusing to write outside the output directory: " + relativePath);
        }
        return target;
    }

    private void deleteEmptyParents(Path directory) throws IOException {
        Path current = directory.toAbsolutePath().normalize();
        while (current.startsWith(root) && !current.equals(root)) {
            if (!Files.isDirectory(current)) {
                current = current.getParent();
                continue;
            }
            try (Stream<Path> entries = Files.list(current)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            files.delete(current);
            current = current.getParent();
        }
    }
}
