package dev.tcgen.generator.emit.runtime;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.GeneratedSource;
import dev.tcgen.generator.emit.GeneratedFiles;
import dev.tcgen.generator.emit.RuntimeTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Writes the runtime into a client's output: each source file of the runtime module as it is, with only its package
 * declaration and the imports of the runtime's own package rewritten to the target package. Every line keeps its
 * number, so a stack trace through an embedded class maps straight back to the runtime module's source.
 *
 * <p>The one file not copied is {@code RuntimeVersion}: the module reads its version from a resource, which
 * generated sources cannot carry, so a small class with the version as a constant is emitted in its place.
 *
 * <pre>{@code
 * List<GeneratedSource> core = new RuntimeEmbedder("com.example.tencent.core", new GeneratedFiles("1.0.0")).embed();
 * }</pre>
 */
public final class RuntimeEmbedder {

    /** The runtime class whose module source is replaced by an emitted one. */
    static final String VERSION_CLASS = "RuntimeVersion";

    private static final String RUNTIME_PACKAGE = RuntimeTypes.RUNTIME_PACKAGE;
    private static final Pattern PACKAGE_LINE =
            Pattern.compile("(?m)^package " + Pattern.quote(RUNTIME_PACKAGE) + "((?:\\.\\w+)*);");
    private static final Pattern IMPORT_LINE =
            Pattern.compile("(?m)^import (static )?" + Pattern.quote(RUNTIME_PACKAGE) + "([.;])");
    private static final Pattern RUNTIME_PACKAGE_NAME = Pattern.compile(Pattern.quote(RUNTIME_PACKAGE) + "\\b");

    private final String targetPackage;
    private final GeneratedFiles files;

    /**
     * @param targetPackage the package the runtime goes to, e.g. {@code dev.tcgen.client.core}
     * @param files the generator version and the shared file settings
     */
    public RuntimeEmbedder(String targetPackage, GeneratedFiles files) {
        this.targetPackage = targetPackage;
        this.files = files;
    }

    /** Every file of the embedded runtime, sorted by path. */
    public List<GeneratedSource> embed() {
        List<GeneratedSource> sources = new ArrayList<>();
        String directory = targetPackage.replace('.', '/') + "/";
        for (RuntimeSources.SourceFile file : RuntimeSources.all()) {
            if (!file.relativePath().equals(VERSION_CLASS + ".java")) {
                sources.add(new GeneratedSource(directory + file.relativePath(), relocate(file)));
            }
        }
        sources.add(versionClass());
        sources.sort(Comparator.comparing(GeneratedSource::relativePath));
        return List.copyOf(sources);
    }

    /**
     * The text of {@code file} with its package and its imports of the runtime's own package moved to the target
     * package; the package line also says where the file comes from.
     *
     * @throws IllegalStateException if the file names the runtime package anywhere else (a fully qualified name in
     *     code or Javadoc), which relocation would leave pointing at the runtime jar
     */
    String relocate(RuntimeSources.SourceFile file) {
        Matcher packageLine = PACKAGE_LINE.matcher(file.text());
        if (!packageLine.find()) {
            throw new IllegalStateException("runtime source " + file.relativePath() + " has no package "
                    + RUNTIME_PACKAGE + " declaration");
        }
        String className = file.relativePath().replace('/', '.').replaceFirst("\\.java$", "");
        String relocated = packageLine.replaceFirst(Matcher.quoteReplacement("package " + targetPackage)
                + "$1" + Matcher.quoteReplacement("; // Embedded from tcgen-runtime " + files.generatorVersion()
                + " (" + RUNTIME_PACKAGE + "." + className + "). Do not edit: regenerate instead."));
        relocated = IMPORT_LINE.matcher(relocated)
                .replaceAll("import $1" + Matcher.quoteReplacement(targetPackage) + "$2");
        int stray = indexOfRuntimePackage(relocated);
        if (stray >= 0) {
            long line = relocated.substring(0, stray).chars().filter(c -> c == '\n').count() + 1;
            throw new IllegalStateException("runtime source " + file.relativePath() + ":" + line + " names "
                    + RUNTIME_PACKAGE + " outside its package and import lines; refer to runtime classes by "
                    + "their simple names (or import them) so that embedding can move them");
        }
        return relocated;
    }

    /** Where the runtime package is named in relocated text, or -1; the provenance comments do not count. */
    private static int indexOfRuntimePackage(String text) {
        Matcher named = RUNTIME_PACKAGE_NAME.matcher(text);
        while (named.find()) {
            int lineStart = text.lastIndexOf('\n', named.start()) + 1;
            if (!text.startsWith("package ", lineStart)) {
                return named.start();
            }
        }
        return -1;
    }

    private GeneratedSource versionClass() {
        TypeSpec type = TypeSpec.classBuilder(VERSION_CLASS)
                .addJavadoc("The version of the tcgen runtime, which the {@code User-Agent} of every call names.\n")
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(Modifier.FINAL)
                .addField(FieldSpec.builder(String.class, "VERSION", Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The version, e.g. {@code 0.1.0}.\n")
                        .initializer("$S", files.generatorVersion())
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .build();
        JavaFile file = files.file(targetPackage, type);
        return new GeneratedSource(targetPackage.replace('.', '/') + "/" + VERSION_CLASS + ".java", file.toString());
    }
}
