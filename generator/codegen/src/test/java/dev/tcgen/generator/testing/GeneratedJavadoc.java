package dev.tcgen.generator.testing;

import dev.tcgen.generator.GeneratedSource;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs the JDK's {@code javadoc} with {@code -Xdoclint:all} on generated sources, against Jackson only, as a user
 * building the client's Javadoc would.
 *
 * <pre>{@code
 * assertEquals(List.of(), GeneratedJavadoc.problems(sources, temporaryDirectory));
 * }</pre>
 */
public final class GeneratedJavadoc {

    private GeneratedJavadoc() {}

    /**
     * Writes the sources under {@code directory/src}, documents them into {@code directory/docs} and returns every
     * error and warning as {@code KIND file:line message}; empty when javadoc is happy. If javadoc fails without a
     * diagnostic, its output is returned as the one problem.
     */
    public static List<String> problems(List<GeneratedSource> sources, Path directory) throws IOException {
        Path sourceRoot = directory.resolve("src");
        List<File> files = new ArrayList<>();
        for (GeneratedSource source : sources) {
            Path file = sourceRoot.resolve(source.relativePath());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.content(), StandardCharsets.UTF_8);
            files.add(file.toFile());
        }
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        String classpath = GeneratedCode.jacksonClasspath().stream().map(File::getPath)
                .collect(Collectors.joining(File.pathSeparator));
        boolean succeeded;
        try (StandardJavaFileManager fileManager =
                javadoc.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            succeeded = javadoc.getTask(output, fileManager, diagnostics, null,
                    List.of("-Xdoclint:all", "-encoding", "UTF-8", "-quiet", "-classpath", classpath,
                            "-d", directory.resolve("docs").toString()),
                    fileManager.getJavaFileObjectsFromFiles(files)).call();
        }
        List<String> problems = new ArrayList<>(diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName() + ":"
                        + d.getLineNumber()) + " " + d.getMessage(null))
                .toList());
        if (!succeeded && problems.isEmpty()) {
            problems.add("javadoc failed: " + output);
        }
        return problems;
    }
}
