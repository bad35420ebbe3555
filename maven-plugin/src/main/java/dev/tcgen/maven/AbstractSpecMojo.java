package dev.tcgen.maven;

import dev.tcgen.generator.SpecFiles;
import dev.tcgen.generator.spec.Problem;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.spec.SpecSource;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/** What every tcgen goal shares: where the specs come from (files, directories, spec jars) and how they are read. */
abstract class AbstractSpecMojo extends AbstractMojo {

    /**
     * Spec files, or directories of {@code .json} spec files. The default directory may be absent when the specs
     * come from {@code specArtifacts}.
     */
    @Parameter(property = "tcgen.specs", defaultValue = "${project.basedir}/src/main/tcgen")
    protected List<File> specs;

    /**
     * Artifacts holding specs as {@code tcgen/specs/*.json}, such as the published {@code tcgen-api-spec} jar:
     * {@code groupId:artifactId[:extension[:classifier]]:version}.
     */
    @Parameter
    protected List<String> specArtifacts = new ArrayList<>();

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
    private List<RemoteRepository> remoteRepositories;

    private final RepositorySystem repositorySystem;

    protected AbstractSpecMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    /**
     * The spec files named by {@link #specs}, directories expanded. When specs come from elsewhere too, the default
     * directory may be absent or empty.
     */
    protected List<File> specFiles() throws MojoFailureException {
        return expand(specs, (!specArtifacts.isEmpty() || importsSpecs()) && isDefaultSpecs());
    }

    /** Whether the goal imports specs from Tencent's inputs too; none do by default. */
    protected boolean importsSpecs() {
        return false;
    }

    /** The spec files and directories given, directories expanded; with {@code mayBeEmpty}, missing ones are fine. */
    protected static List<File> expand(List<File> filesAndDirectories, boolean mayBeEmpty) throws MojoFailureException {
        List<Path> paths = new ArrayList<>();
        for (File spec : filesAndDirectories) {
            if (spec.exists()) {
                paths.add(spec.toPath());
            } else if (!mayBeEmpty) {
                throw new MojoFailureException("tcgen: no such spec file or directory: " + spec);
            }
        }
        try {
            return paths.isEmpty() ? List.of() : SpecFiles.expand(paths).stream().map(Path::toFile).toList();
        } catch (IllegalArgumentException e) {
            if (mayBeEmpty) {
                return List.of();
            }
            throw new MojoFailureException("tcgen: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoFailureException("tcgen: cannot list the specs: " + e);
        }
    }

    /**
     * The texts of the given spec files and of every spec in {@link #specArtifacts}; at least one, unless the goal
     * imports specs too.
     */
    protected List<SpecSource> specSources(List<File> files) throws MojoExecutionException, MojoFailureException {
        List<SpecSource> sources = read(files, specArtifacts);
        if (sources.isEmpty() && !importsSpecs()) {
            throw new MojoFailureException("tcgen: no specs: put .json specs in " + specs
                    + " or name a spec jar in <specArtifacts>");
        }
        return sources;
    }

    /** The texts of the spec files and of every spec in the artifacts. */
    protected List<SpecSource> read(List<File> files, List<String> artifacts)
            throws MojoExecutionException, MojoFailureException {
        List<SpecSource> sources = new ArrayList<>();
        try {
            for (File file : files) {
                sources.add(SpecSource.read(file.toPath()));
            }
        } catch (SpecException e) {
            throw specFailure(e.problems());
        }
        SpecArtifacts resolver = new SpecArtifacts(repositorySystem, repositorySession, remoteRepositories);
        for (String coordinates : artifacts) {
            sources.addAll(resolver.read(coordinates));
        }
        return sources;
    }

    /**
     * The exception that fails the build, listing every problem at its place (Maven prints it once; the problems are
     * not logged besides) and showing them in an IDE.
     */
    protected MojoFailureException specFailure(List<Problem> problems) {
        List<Problem> sorted = problems.stream().sorted(Problem.BY_POSITION).toList();
        reportToIde(sorted);
        return new MojoFailureException(sorted.size() + " problem(s) in the tcgen spec(s)" + failureConsequence()
                + ":\n" + sorted.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    }

    /** What a spec problem means for this goal's output, appended to the failure message. */
    protected String failureConsequence() {
        return "";
    }

    /** Shows problems in an IDE; nothing by default. */
    protected void reportToIde(List<Problem> problems) {}

    private boolean isDefaultSpecs() {
        return specs.size() == 1
                && specs.get(0).toPath().equals(project.getBasedir().toPath().resolve("src/main/tcgen"));
    }
}
