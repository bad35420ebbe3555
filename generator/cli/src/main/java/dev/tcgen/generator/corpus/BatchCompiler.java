package dev.tcgen.generator.corpus;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles groups of source files with the JDK's javac, in process ({@code javax.tools}), and tells which group each
 * problem belongs to. Each call is one javac run with its own file manager, so several can run at once.
 *
 * <pre>{@code
 * BatchCompiler javac = BatchCompiler.create(List.of("--release", "17", "-Xlint:all", "-Werror"));
 * Map<String, List<String>> problems = javac.compile(Map.of("core", coreFiles), classes, List.of(jacksonJar));
 * }</pre>
 */
public final class BatchCompiler {

    /** How many problems of one group a report keeps, in full. */
    static final int PROBLEMS_KEPT = 5;

    private final JavaCompiler javac;
    private final List<String> options;

    private BatchCompiler(JavaCompiler javac, List<String> options) {
        this.javac = javac;
        this.options = List.copyOf(options);
    }

    /**
     * The JDK's javac with these options (besides the class path and output directory).
     *
     * @throws IllegalStateException if this Java runtime has no compiler (a JRE, or a runtime image without
     *     {@code jdk.compiler})
     */
    public static BatchCompiler create(List<String> options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java runtime (" + System.getProperty("java.home")
                    + ") has no Java compiler; run tcgen corpus with a JDK");
        }
        return new BatchCompiler(javac, options);
    }

    /**
     * Compiles every group's files in one javac run.
     *
     * @param groups the files of each group (a service), by group name
     * @param classes the output directory of the class files
     * @param classPath what the sources compile against
     * @return the problems of each group that has any (errors, and warnings, which {@code -Werror} makes errors),
     *     the first {@value #PROBLEMS_KEPT} in full and a count of the rest; a problem without a file goes to every
     *     group when no group has one
     */
    public Map<String, List<String>> compile(Map<String, List<Path>> groups, Path classes, List<Path> classPath)
            throws IOException {
        Files.createDirectories(classes);
        Map<Path, String> groupOfFile = new LinkedHashMap<>();
        groups.forEach((group, files) -> files.forEach(f -> groupOfFile.put(f.toAbsolutePath().normalize(), group)));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        boolean success;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            success = javac.getTask(output, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(groupOfFile.keySet())).call();
        }
        Map<String, List<String>> problems = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.NOTE || diagnostic.getKind() == Diagnostic.Kind.OTHER) {
                continue;
            }
            String text = describe(diagnostic);
            Optional<String> group = groupOf(diagnostic, groupOfFile);
            if (group.isPresent()) {
                problems.computeIfAbsent(group.get(), g -> new ArrayList<>()).add(text);
            } else {
                unplaced.add(text);
            }
        }
        if (!output.toString().isBlank()) {
            unplaced.add(output.toString().strip());
        }
        if (!success && problems.isEmpty()) {
            List<String> reason = unplaced.isEmpty() ? List.of("javac failed without saying why") : unplaced;
            groups.keySet().forEach(group -> problems.put(group, new ArrayList<>(reason)));
        }
        problems.replaceAll((group, list) -> shorten(list));
        return problems;
    }

    private static Optional<String> groupOf(Diagnostic<? extends JavaFileObject> diagnostic,
            Map<Path, String> groupOfFile) {
        JavaFileObject source = diagnostic.getSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(groupOfFile.get(Path.of(source.toUri()).toAbsolutePath().normalize()));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        String kind = diagnostic.getKind().toString().toLowerCase(Locale.ROOT).replace("mandatory_", "");
        String message = diagnostic.getMessage(Locale.ROOT).lines().findFirst().orElse("");
        if (diagnostic.getSource() == null) {
            return kind + ": " + message;
        }
        return diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber() + ":" + diagnostic.getColumnNumber()
                + ": " + kind + ": " + message;
    }

    private static List<String> shorten(List<String> problems) {
        if (problems.size() <= PROBLEMS_KEPT) {
            return List.copyOf(problems);
        }
        List<String> kept = new ArrayList<>(problems.subList(0, PROBLEMS_KEPT));
        kept.add("... and " + (problems.size() - PROBLEMS_KEPT) + " more");
        return List.copyOf(kept);
    }
}
