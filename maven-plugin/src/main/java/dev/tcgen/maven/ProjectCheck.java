package dev.tcgen.maven;

import com.fasterxml.jackson.core.json.PackageVersion;
import dev.tcgen.generator.GeneratorVersion;
import dev.tcgen.generator.RuntimeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Whether the project that runs the plugin can compile what it generates: the client's run-time dependency on its
 * compile class path, and a compiler level of Java 17 or later. Each missing piece is reported with the exact snippet
 * to add, instead of hundreds of compiler errors later.
 */
final class ProjectCheck {

    /** The lowest Java release the generated sources compile at (records, pattern matching for instanceof). */
    static final int MINIMUM_RELEASE = 17;

    private static final Set<String> COMPILE_SCOPES =
            Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_PROVIDED, Artifact.SCOPE_SYSTEM);
    private static final String COMPILER_PLUGIN = "org.apache.maven.plugins:maven-compiler-plugin";

    private ProjectCheck() {}

    /** What the project lacks to compile a client generated with {@code runtime}; empty if nothing. */
    static List<String> problems(MavenProject project, RuntimeMode runtime) {
        List<String> problems = new ArrayList<>();
        String[] needed = runtime == RuntimeMode.EMBEDDED
                ? new String[] {"com.fasterxml.jackson.core", "jackson-core", PackageVersion.VERSION.toString()}
                : new String[] {"dev.tcgen", "tcgen-runtime", GeneratorVersion.get()};
        if (!hasCompileDependency(project, needed[0], needed[1])) {
            problems.add("the generated client needs " + needed[0] + ":" + needed[1] + " on the compile class path"
                    + (runtime == RuntimeMode.DEPENDENCY ? " (runtime=dependency)" : "")
                    + "; add to <dependencies>:\n"
                    + "    <dependency>\n"
                    + "      <groupId>" + needed[0] + "</groupId>\n"
                    + "      <artifactId>" + needed[1] + "</artifactId>\n"
                    + "      <version>" + needed[2] + "</version>\n"
                    + "    </dependency>");
        }
        Optional<String> level = compilerLevel(project);
        if (level.isEmpty() || feature(level.get()) < MINIMUM_RELEASE) {
            problems.add("the generated client needs Java " + MINIMUM_RELEASE + " or later, but the project compiles "
                    + level.map(l -> "for Java " + l).orElse("at the compiler plugin's default level (Java 8)")
                    + "; add to <properties>:\n"
                    + "    <maven.compiler.release>" + MINIMUM_RELEASE + "</maven.compiler.release>");
        }
        return problems;
    }

    private static boolean hasCompileDependency(MavenProject project, String groupId, String artifactId) {
        return project.getArtifacts().stream().anyMatch(a -> a.getGroupId().equals(groupId)
                && a.getArtifactId().equals(artifactId) && COMPILE_SCOPES.contains(a.getScope()));
    }

    /** The release (or else the target) the compiler plugin compiles for, from its configuration or properties. */
    private static Optional<String> compilerLevel(MavenProject project) {
        Plugin compiler = project.getBuild().getPluginsAsMap().get(COMPILER_PLUGIN);
        Xpp3Dom configuration = compiler == null ? null : (Xpp3Dom) compiler.getConfiguration();
        for (String name : List.of("release", "target")) {
            Xpp3Dom child = configuration == null ? null : configuration.getChild(name);
            if (child != null && child.getValue() != null && !child.getValue().isBlank()) {
                return Optional.of(child.getValue().strip());
            }
            String property = project.getProperties().getProperty("maven.compiler." + name);
            if (property != null && !property.isBlank()) {
                return Optional.of(property.strip());
            }
        }
        return Optional.empty();
    }

    /** {@code 17} for "17", {@code 8} for "1.8"; 0 for what is not a Java version. */
    static int feature(String level) {
        String number = level.startsWith("1.") ? level.substring(2) : level;
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
