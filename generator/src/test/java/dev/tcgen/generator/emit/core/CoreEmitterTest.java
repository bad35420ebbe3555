package dev.tcgen.generator.emit.core;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.testing.GeneratedCode;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emitted core package: the exact set of classes, compilable without warnings, documented, reproducible. */
class CoreEmitterTest {

    private static final CoreTypes TYPES = CoreFixture.TYPES;

    @Test
    void emitsExactlyTheClassesNamedByCoreTypesSortedByName() {
        List<ClassName> expected = Stream.of(TYPES.transport(), TYPES.credentials(), TYPES.credentialsProvider(),
                        TYPES.json(), TYPES.exceptionFactory(), TYPES.signer(), TYPES.baseException(),
                        TYPES.unsignedLongDeserializer(), TYPES.unsignedLongSerializer(), TYPES.scheduler(),
                        TYPES.retryPolicy(), TYPES.rateLimiter(), TYPES.rateLimitMode(), TYPES.apiCall(),
                        TYPES.responseReader(), TYPES.boundedBody(), TYPES.credentialsException(),
                        TYPES.environmentCredentials(), TYPES.profileCredentials(), TYPES.credentialsChain(),
                        TYPES.cachingCredentials())
                .sorted()
                .toList();

        List<ClassName> emitted = CoreFixture.emit().stream()
                .map(file -> ClassName.get(file.packageName(), file.typeSpec().name()))
                .toList();

        assertEquals(expected, emitted);
    }

    @Test
    void compilesWithEveryLintWarningAnError() {
        assertThat(CoreFixture.compile()).succeededWithoutWarnings();
    }

    @Test
    void everyTypeButTheTransportInternalsIsPublicAndGeneratedWithoutADate() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Set<String> internal = Set.of("ApiCall", "ResponseReader", "BoundedBody");
        for (JavaFile file : CoreFixture.emit()) {
            String name = file.typeSpec().name();
            assertEquals(!internal.contains(name), file.typeSpec().modifiers().contains(Modifier.PUBLIC), name);
            AnnotationSpec generated = file.typeSpec().annotations().stream()
                    .filter(annotation -> annotation.type().equals(
                            ClassName.get("javax.annotation.processing", "Generated")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no @Generated"));
            assertEquals(Set.of("value", "comments"), generated.members().keySet(), name);
            String text = file.toString();
            assertTrue(text.contains("comments = \"tcgen 1.2.3-test\""), name);
            assertFalse(text.contains(today), name + " contains today's date");
            assertFalse(generated.toString().contains("date"), name);
        }
    }

    @Test
    void everyTypeHasJavadoc() {
        for (JavaFile file : CoreFixture.emit()) {
            assertFalse(file.typeSpec().javadoc().isEmpty(), file.typeSpec().name() + " has no Javadoc");
        }
    }

    @Test
    void emittingTwiceGivesIdenticalText() {
        assertEquals(texts(CoreFixture.emit()), texts(new CoreEmitter(TYPES, CoreFixture.FILES).emitAll()));
    }

    @Test
    void theUserAgentCarriesTheGeneratorVersion() {
        String transport = CoreFixture.emit().stream()
                .filter(file -> file.typeSpec().name().equals("ApiTransport"))
                .findFirst()
                .orElseThrow()
                .toString();
        assertTrue(transport.contains("DEFAULT_USER_AGENT = \"tcgen/1.2.3-test\""), transport);
    }

    @Test
    void javadocRunsWithoutErrorsOrWarnings(@TempDir Path directory) throws IOException {
        List<File> sources = new ArrayList<>();
        for (JavaFile file : CoreFixture.emit()) {
            sources.add(file.writeToPath(directory.resolve("src"), StandardCharsets.UTF_8).toFile());
        }
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        try (StandardJavaFileManager fileManager =
                javadoc.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            String classpath = GeneratedCode.jacksonClasspath().stream()
                    .map(File::getPath)
                    .collect(Collectors.joining(File.pathSeparator));
            List<String> options = List.of("-quiet", "-Xdoclint:all", "-classpath", classpath,
                    "-d", directory.resolve("doc").toString());
            boolean success = javadoc.getTask(output, fileManager, diagnostics, null, options,
                    fileManager.getJavaFileObjectsFromFiles(sources)).call();

            List<String> problems = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
                            || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                    .map(d -> d.getKind() + " " + d.getSource() + ":" + d.getLineNumber() + " "
                            + d.getMessage(Locale.ROOT))
                    .toList();
            assertTrue(success && problems.isEmpty(), String.join("\n", problems) + "\n" + output);
        }
    }

    @Test
    void theCorePackageCanBeNamedFreely() {
        CoreTypes elsewhere = new CoreTypes("com.example.tencent.runtime");
        List<JavaFile> files = new CoreEmitter(elsewhere, CoreFixture.FILES).emitAll();

        assertTrue(files.stream().allMatch(file -> file.packageName().equals("com.example.tencent.runtime")));
        assertThat(GeneratedCode.javac().compile(GeneratedCode.sources(files))).succeededWithoutWarnings();
    }

    private static List<String> texts(List<JavaFile> files) {
        return files.stream().map(JavaFile::toString).toList();
    }
}
