package dev.tcgen.maven;

import dev.tcgen.generator.GenerationRequest;
import dev.tcgen.generator.GenerationResult;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.RuntimeMode;
import dev.tcgen.generator.importer.ImportException;
import dev.tcgen.generator.importer.ImportMessage;
import dev.tcgen.generator.spec.Problem;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.spec.SpecSource;
import dev.tcgen.generator.write.ForeignFileException;
import dev.tcgen.generator.write.SourceWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.codehaus.plexus.build.BuildContext;
import org.codehaus.plexus.build.DefaultBuildContext;
import org.eclipse.aether.RepositorySystem;

/**
 * Generates a typed, signed Java client from tcgen specs, and from Tencent's own descriptions of services (imported
 * in memory), and adds it to the build as a compile source root.
 *
 * <p>Incremental: a fingerprint of everything the output depends on (the bytes of specs and of Tencent's inputs,
 * options, generator version) is kept per execution; when it has not changed and the generated files are all there,
 * nothing is done. When it has, files whose content is unchanged are left untouched, changed ones are replaced
 * atomically, and files this execution generated before but no longer produces are deleted.
 *
 * <p>A spec with problems fails the build with every problem as {@code file:line:column: message}; the sources
 * generated before stay exactly as they were. So does an input of {@code tencentSpecs} that cannot be imported; what
 * the import warns about is logged as a build warning at its {@code file:line}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true,
        requiresDependencyCollection = ResolutionScope.COMPILE)
public final class GenerateMojo extends AbstractSpecMojo {

    /** Where the sources go; added as a compile source root. */
    @Parameter(property = "tcgen.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/tcgen")
    private File outputDirectory;

    /** The base package: services go to {@code <basePackage>.<service>.v<version>}, the runtime to {@code .core}. */
    @Parameter(property = "tcgen.basePackage", defaultValue = "dev.tcgen.client")
    private String basePackage;

    /**
     * Where the client's runtime (signer, credentials, transport, retries) comes from: {@code embedded} writes its
     * sources into {@code <basePackage>.core}, so the client needs only Jackson; {@code dependency} writes none and
     * the service code imports {@code dev.tcgen.runtime} from the {@code dev.tcgen:tcgen-runtime} jar, which the
     * project must then depend on. Two executions that share an output directory and a base package must not
     * both embed it: generate their specs in one execution instead.
     */
    @Parameter(property = "tcgen.runtime", defaultValue = "embedded")
    private String runtime;

    /**
     * Whether to check, before generating, that the project can compile the client: its run-time dependency on the
     * compile class path and a compiler release of 17 or later. A failed check names the snippet to add.
     */
    @Parameter(property = "tcgen.checkProject", defaultValue = "true")
    private boolean checkProject;

    /**
     * Which services and actions to generate: {@code service} or {@code service:Action}, {@code *} as a wildcard
     * (e.g. {@code trtc:*CdnStream}). Structures the kept actions do not use are left out. Default: everything.
     */
    @Parameter
    private List<String> includes = new ArrayList<>();

    /**
     * Services to import from Tencent's published descriptions during the build, each a {@code <tencentSpec>} with
     * an {@code <apiJson>} and optionally {@code <examples>}, {@code <docPages>} and an {@code <overlay>} (as
     * {@code tcgen import} takes them). They are generated with the other specs; the import's warnings are build
     * warnings.
     */
    @Parameter
    private List<TencentSpec> tencentSpecs = new ArrayList<>();

    /** Skips generation; sources generated before still compile. */
    @Parameter(property = "tcgen.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution execution;

    private final BuildContext buildContext;

    @Inject
    GenerateMojo(RepositorySystem repositorySystem, BuildContext buildContext) {
        super(repositorySystem);
        this.buildContext = buildContext;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        long start = System.nanoTime();
        Path output = outputDirectory.toPath();
        if (skip) {
            getLog().info("tcgen: skipped (tcgen.skip)");
            addSourceRootIfPresent(output);
            return;
        }
        RuntimeMode runtimeMode = runtimeMode();
        if (checkProject) {
            List<String> problems = ProjectCheck.problems(project, runtimeMode);
            if (!problems.isEmpty()) {
                throw new MojoFailureException("tcgen: this project cannot compile the generated client (set "
                        + "<checkProject>false</checkProject> to generate anyway):\n- " + String.join("\n- ", problems));
            }
        }
        List<File> files = specFiles();
        List<SpecSource> sources = specSources(files);
        Fingerprint fingerprint = Fingerprint.of(GeneratorIdentity.get(), options(runtimeMode),
                Stream.concat(sources.stream(), tencentInputs().stream()).toList());
        Path state = stateFile();
        String manifest = SourceWriter.MANIFEST + "-" + execution.getExecutionId();
        try {
            if (fingerprint.matches(state) && SourceWriter.isComplete(output, manifest)) {
                getLog().info(String.format("tcgen: bindings are up to date (%d spec(s), checked in %d ms)",
                        sources.size() + tencentSpecs.size(), elapsedMillis(start)));
            } else {
                generate(files, sources, runtimeMode, output, manifest, state);
                fingerprint.save(state);
                getLog().info(String.format("tcgen: generated in %d ms", elapsedMillis(start)));
            }
        } catch (ForeignFileException e) {
            throw new MojoFailureException("tcgen: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("tcgen: cannot write to " + output + ": " + e, e);
        }
        project.addCompileSourceRoot(output.toString());
    }

    /**
     * Generates and writes. The old fingerprint is forgotten before anything is generated: should writing fail
     * halfway, the next build must not take the half-written output for up to date.
     */
    private void generate(List<File> files, List<SpecSource> sources, RuntimeMode runtimeMode, Path output,
            String manifest, Path state) throws MojoFailureException, IOException {
        files.forEach(file -> buildContext.removeMessages(file));
        Fingerprint.forget(state);
        List<SpecSource> specs = new ArrayList<>(sources);
        specs.addAll(importTencentSpecs());
        GenerationResult generated;
        try {
            generated = Generator.generate(GenerationRequest
                    .of(new Generator.Options(basePackage, runtimeMode, includes), specs)
                    .writingTo(output, manifest));
        } catch (SpecException e) {
            throw specFailure(e.problems());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("tcgen: " + e.getMessage());
        }
        buildContext.refresh(output.toFile());
        SourceWriter.Result result = generated.written().orElseThrow();
        getLog().info(String.format("tcgen: %d files from %d spec(s) in %s: %d written, %d unchanged, %d deleted",
                generated.sources().size(), specs.size(), output, result.written().size(),
                result.unchanged().size(), result.deleted().size()));
        result.warning().ifPresent(warning -> getLog().warn("tcgen: " + warning));
    }

    /** The files of {@link #tencentSpecs}, read for the fingerprint. */
    private List<SpecSource> tencentInputs() throws MojoFailureException {
        try {
            return TencentImports.inputs(tencentSpecs);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("tcgen: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoFailureException("tcgen: cannot read an input of <tencentSpecs>: " + e);
        }
    }

    /**
     * Imports {@link #tencentSpecs} in memory; their warnings are logged, and shown in an IDE, at their
     * {@code file:line}.
     */
    private List<SpecSource> importTencentSpecs() throws MojoFailureException {
        if (tencentSpecs.isEmpty()) {
            return List.of();
        }
        tencentSpecs.forEach(spec -> spec.files().values().forEach(file -> buildContext.removeMessages(file)));
        TencentImports.Result imported;
        try {
            imported = TencentImports.run(tencentSpecs);
        } catch (ImportException e) {
            e.problems().forEach(problem -> markInIde(problem, BuildContext.SEVERITY_ERROR));
            throw new MojoFailureException(e.problems().size() + " problem(s) in the <tencentSpecs> inputs"
                    + failureConsequence() + ":\n" + e.problems().stream().map(ImportMessage::toString)
                    .collect(Collectors.joining("\n")));
        } catch (SpecException e) {
            throw specFailure(e.problems());
        }
        for (ImportMessage warning : imported.warnings()) {
            getLog().warn(warning.toString());
            markInIde(warning, BuildContext.SEVERITY_WARNING);
        }
        getLog().info(String.format("tcgen: imported %d spec(s) from <tencentSpecs>, %d warning(s)",
                imported.specs().size(), imported.warnings().size()));
        return imported.specs();
    }

    @Override
    protected boolean importsSpecs() {
        return !tencentSpecs.isEmpty();
    }

    /**
     * Shows problems as markers in an IDE, through its build context. Maven's own build context would only log them
     * a second time, so it is not told.
     */
    @Override
    protected void reportToIde(List<Problem> problems) {
        for (Problem problem : problems) {
            markInIde(new File(problem.location().file()), problem.location().line(), problem.location().column(),
                    problem.message(), BuildContext.SEVERITY_ERROR);
        }
    }

    private void markInIde(ImportMessage message, int severity) {
        markInIde(new File(message.origin().source()), message.origin().line(), 0, message.message(), severity);
    }

    private void markInIde(File file, int line, int column, String message, int severity) {
        if (!(buildContext instanceof DefaultBuildContext) && file.isFile()) {
            buildContext.addMessage(file, line, column, message, severity, null);
        }
    }

    @Override
    protected String failureConsequence() {
        return "; the generated sources were left as they were";
    }

    /** Every option that changes the output, for the fingerprint. */
    private List<String> options(RuntimeMode runtimeMode) {
        return List.of("basePackage=" + basePackage, "runtime=" + runtimeMode, "includes=" + includes,
                "outputDirectory=" + outputDirectory.getAbsolutePath());
    }

    private RuntimeMode runtimeMode() throws MojoFailureException {
        try {
            return RuntimeMode.parse(runtime);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("tcgen: <runtime>: " + e.getMessage());
        }
    }

    /** The fingerprint of this execution's last generation; the execution id keeps two executions apart. */
    private Path stateFile() {
        return Path.of(project.getBuild().getDirectory(), "tcgen", execution.getExecutionId() + ".fingerprint");
    }

    private void addSourceRootIfPresent(Path output) {
        if (Files.isDirectory(output)) {
            project.addCompileSourceRoot(output.toString());
        }
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
