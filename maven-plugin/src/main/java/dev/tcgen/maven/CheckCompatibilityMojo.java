package dev.tcgen.maven;

import dev.tcgen.generator.Generator;
import dev.tcgen.generator.compat.CompatibilityChecker;
import dev.tcgen.generator.compat.CompatibilityReport;
import dev.tcgen.generator.spec.Problem;
import dev.tcgen.generator.spec.ServiceSpec;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.spec.SpecSource;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * Compares the specs with a baseline and fails the build on a breaking change (an action or member removed, a type
 * changed, an input made required, a supported region dropped, …) unless {@code allowBreaking} is set. Every change
 * is printed, breaking ones first. Services are matched by name.
 */
@Mojo(name = "check-compatibility", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class CheckCompatibilityMojo extends AbstractSpecMojo {

    @Inject
    CheckCompatibilityMojo(RepositorySystem repositorySystem) {
        super(repositorySystem);
    }

    /** A baseline spec file, or a directory of them. */
    @Parameter(property = "tcgen.baseline")
    private File baseline;

    /** A baseline spec jar, e.g. an earlier version of the spec artifact: {@code groupId:artifactId:version}. */
    @Parameter(property = "tcgen.baselineArtifact")
    private String baselineArtifact;

    /** Reports breaking changes without failing the build. */
    @Parameter(property = "tcgen.allowBreaking", defaultValue = "false")
    private boolean allowBreaking;

    /** Skips the check. */
    @Parameter(property = "tcgen.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("tcgen: compatibility check skipped (tcgen.skip)");
            return;
        }
        Map<String, ServiceSpec> baselines = byService(baselineSources());
        Map<String, ServiceSpec> currents = byService(specSources(specFiles()));
        int breaking = 0;
        for (Map.Entry<String, ServiceSpec> current : currents.entrySet()) {
            ServiceSpec old = baselines.get(current.getKey());
            if (old == null) {
                getLog().info("tcgen: service " + current.getKey() + " is new; nothing to compare");
                continue;
            }
            CompatibilityReport report = CompatibilityChecker.compare(old, current.getValue());
            report.render().lines().forEach(line -> log(report.hasBreakingChanges(), line));
            breaking += report.breaking().size();
        }
        for (String removed : baselines.keySet()) {
            if (!currents.containsKey(removed)) {
                getLog().error("tcgen: service " + removed + " was removed");
                breaking++;
            }
        }
        if (breaking > 0 && !allowBreaking) {
            throw new MojoFailureException("tcgen: " + breaking + " breaking change(s) against the baseline (see above);"
                    + " set allowBreaking (-Dtcgen.allowBreaking=true) to accept them");
        }
    }

    private void log(boolean asWarning, String line) {
        if (asWarning) {
            getLog().warn(line);
        } else {
            getLog().info(line);
        }
    }

    private List<SpecSource> baselineSources() throws MojoExecutionException, MojoFailureException {
        if ((baseline == null) == (baselineArtifact == null)) {
            throw new MojoFailureException("tcgen: set exactly one of baseline (a spec file or directory) and "
                    + "baselineArtifact (groupId:artifactId:version)");
        }
        return baselineArtifact != null
                ? read(List.of(), List.of(baselineArtifact))
                : read(expand(List.of(baseline), false), List.of());
    }

    private Map<String, ServiceSpec> byService(List<SpecSource> sources) throws MojoFailureException {
        Map<String, ServiceSpec> specsByService = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (SpecSource source : sources) {
            try {
                ServiceSpec spec = Generator.load(source);
                specsByService.put(spec.service(), spec);
            } catch (SpecException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw specFailure(problems);
        }
        return specsByService;
    }
}
