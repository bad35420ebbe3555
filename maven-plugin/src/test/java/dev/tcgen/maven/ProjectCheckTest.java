package dev.tcgen.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.generator.RuntimeMode;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class ProjectCheckTest {

    @Test
    void aProjectWithJacksonAtRelease17IsFine() {
        MavenProject project = project("17", artifact("com.fasterxml.jackson.core", "jackson-core", "compile"));

        assertEquals(List.of(), ProjectCheck.problems(project, RuntimeMode.EMBEDDED));
    }

    @Test
    void jacksonOnlyForTestsOrAtRuntimeDoesNotCount() {
        for (String scope : List.of("test", "runtime")) {
            MavenProject project = project("21", artifact("com.fasterxml.jackson.core", "jackson-core", scope));

            List<String> problems = ProjectCheck.problems(project, RuntimeMode.EMBEDDED);

            assertEquals(1, problems.size(), scope);
            assertTrue(problems.get(0).contains("<artifactId>jackson-core</artifactId>"), problems.get(0));
        }
    }

    @Test
    void dependencyModeAsksForTheRuntimeJarWithItsVersion() {
        MavenProject project = project("17", artifact("com.fasterxml.jackson.core", "jackson-core", "compile"));

        List<String> problems = ProjectCheck.problems(project, RuntimeMode.DEPENDENCY);

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("the generated client needs dev.tcgen:tcgen-runtime on the compile class "
                + "path (runtime=dependency)"), problems.get(0));
        assertTrue(problems.get(0).contains("<artifactId>tcgen-runtime</artifactId>"), problems.get(0));
    }

    @Test
    void anOldOrMissingCompilerLevelIsReportedWithTheProperty() {
        Artifact jackson = artifact("com.fasterxml.jackson.core", "jackson-core", "compile");

        assertEquals("the generated client needs Java 17 or later, but the project compiles for Java 1.8; add to "
                + "<properties>:\n    <maven.compiler.release>17</maven.compiler.release>",
                ProjectCheck.problems(project("1.8", jackson), RuntimeMode.EMBEDDED).get(0));
        assertTrue(ProjectCheck.problems(project(null, jackson), RuntimeMode.EMBEDDED).get(0)
                .contains("at the compiler plugin's default level (Java 8)"));
    }

    @Test
    void theCompilerPluginsReleaseWinsOverTheProperties() {
        MavenProject project = project("11", artifact("com.fasterxml.jackson.core", "jackson-core", "provided"));
        Plugin compiler = new Plugin();
        compiler.setGroupId("org.apache.maven.plugins");
        compiler.setArtifactId("maven-compiler-plugin");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom release = new Xpp3Dom("release");
        release.setValue("21");
        configuration.addChild(release);
        compiler.setConfiguration(configuration);
        project.getBuild().addPlugin(compiler);

        assertEquals(List.of(), ProjectCheck.problems(project, RuntimeMode.EMBEDDED));
    }

    private static MavenProject project(String release, Artifact... artifacts) {
        MavenProject project = new MavenProject();
        if (release != null) {
            project.getProperties().setProperty(release.startsWith("1.") ? "maven.compiler.target"
                    : "maven.compiler.release", release);
        }
        project.setArtifacts(Set.of(artifacts));
        return project;
    }

    private static Artifact artifact(String groupId, String artifactId, String scope) {
        return new DefaultArtifact(groupId, artifactId, "1.0", scope, "jar", null, new DefaultArtifactHandler("jar"));
    }
}
