package dev.tcgen.maven;

import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.spec.SpecSource;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Specs published in an artifact, such as {@code dev.tcgen:tcgen-api-spec}: every {@code tcgen/specs/*.json} entry of
 * its jar. In a reactor build the artifact may resolve to the module's output directory instead; both are read.
 */
final class SpecArtifacts {

    /** Where spec jars keep their specs. */
    static final String SPEC_FOLDER = "tcgen/specs/";

    private final RepositorySystem repositorySystem;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    SpecArtifacts(RepositorySystem repositorySystem, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.repositorySystem = repositorySystem;
        this.session = session;
        this.repositories = repositories;
    }

    /**
     * The specs of one artifact.
     *
     * @param coordinates {@code groupId:artifactId[:extension[:classifier]]:version}
     */
    List<SpecSource> read(String coordinates) throws MojoExecutionException, MojoFailureException {
        File file = resolve(coordinates);
        try {
            List<SpecSource> specs = file.isDirectory() ? readDirectory(file.toPath()) : readJar(file);
            if (specs.isEmpty()) {
                throw new MojoFailureException("tcgen: spec artifact " + coordinates + " (" + file + ") has no "
                        + SPEC_FOLDER + "*.json");
            }
            return specs;
        } catch (IOException | SpecException e) {
            throw new MojoExecutionException("tcgen: cannot read spec artifact " + coordinates + " (" + file + "): "
                    + e.getMessage(), e);
        }
    }

    private File resolve(String coordinates) throws MojoExecutionException, MojoFailureException {
        DefaultArtifact artifact;
        try {
            artifact = new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("tcgen: invalid spec artifact \"" + coordinates
                    + "\"; expected groupId:artifactId[:extension[:classifier]]:version");
        }
        try {
            return repositorySystem.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null))
                    .getArtifact()
                    .getFile();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("tcgen: cannot resolve spec artifact " + coordinates + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<SpecSource> readJar(File jar) throws IOException {
        List<SpecSource> specs = new ArrayList<>();
        try (JarFile file = new JarFile(jar)) {
            List<JarEntry> entries = file.stream()
                    .filter(entry -> !entry.isDirectory() && isSpec(entry.getName()))
                    .sorted(Comparator.comparing(JarEntry::getName))
                    .toList();
            for (JarEntry entry : entries) {
                try (var in = file.getInputStream(entry)) {
                    specs.add(new SpecSource(jar.getName() + "!/" + entry.getName(), in.readAllBytes()));
                }
            }
        }
        return specs;
    }

    private static List<SpecSource> readDirectory(Path root) throws IOException, SpecException {
        Path folder = root.resolve(SPEC_FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<SpecSource> specs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                specs.add(SpecSource.read(file));
            }
        }
        return specs;
    }

    private static boolean isSpec(String entryName) {
        return entryName.startsWith(SPEC_FOLDER) && entryName.endsWith(".json")
                && entryName.indexOf('/', SPEC_FOLDER.length()) < 0;
    }
}
