package dev.tcgen.maven;

import dev.tcgen.generator.GeneratedSource;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.SpecFiles;
import dev.tcgen.generator.spec.Problem;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.write.SourceWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates Java sources from tcgen spec files and adds them to the build as a compile source root.
 *
 * <p>A spec with problems fails the build with every problem as {@code file:line:column: message}, and the
 * previously generated sources stay as they were: nothing is written until the whole generation has succeeded.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

    /** Spec files, or directories of {@code .json} spec files. */
    @Parameter(property = "tcgen.specs", defaultValue = "${project.basedir}/src/main/tcgen")
    private List<File> specs;

    /** Where the sources go; added as a compile source root. */
    @Parameter(property = "tcgen.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/tcgen")
    private File outputDirectory;

    /** The base package: services go to {@code <basePackage>.<service>.<version>}, the runtime to {@code .core}. */
    @Parameter(property = "tcgen.basePackage", defaultValue = "dev.tcgen.client")
    private String basePackage;

    /** Whether to emit the shared {@code core} package; a build generating several services emits it once. */
    @Parameter(property = "tcgen.emitCore", defaultValue = "true")
    private boolean emitCore;

    /** Skips generation. */
    @Parameter(property = "tcgen.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("tcgen: skipped (tcgen.skip)");
            return;
        }
        List<Path> specFiles = specFiles();
        List<GeneratedSource> sources;
        try {
            sources = new Generator(new Generator.Options(basePackage, emitCore)).generate(specFiles);
        } catch (SpecException e) {
            e.problems().stream().sorted(Problem.BY_POSITION).forEach(problem -> getLog().error(problem.toString()));
            throw new MojoFailureException(e.problems().size() + " problem(s) in the tcgen spec(s); the generated "
                    + "sources were left as they were:\n" + e.problems().stream().sorted(Problem.BY_POSITION)
                    .map(Problem::toString).collect(Collectors.joining("\n")));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("tcgen: " + e.getMessage());
        }
        try {
            SourceWriter.Result result = SourceWriter.write(outputDirectory.toPath(), sources);
            getLog().info(String.format("tcgen: %d files from %d spec(s): %d written, %d unchanged, %d deleted",
                    sources.size(), specFiles.size(), result.written().size(), result.unchanged().size(),
                    result.deleted().size()));
        } catch (IOException e) {
            throw new MojoExecutionException("tcgen: cannot write to " + outputDirectory + ": " + e, e);
        }
        project.addCompileSourceRoot(outputDirectory.getPath());
    }

    private List<Path> specFiles() throws MojoFailureException {
        try {
            return SpecFiles.expand(specs.stream().map(File::toPath).toList());
        } catch (IllegalArgumentException | IOException e) {
            throw new MojoFailureException("tcgen: " + e.getMessage());
        }
    }
}
