package dev.tcgen.generator.cli;

import dev.tcgen.generator.Generator;
import dev.tcgen.generator.compat.CompatibilityChecker;
import dev.tcgen.generator.compat.CompatibilityReport;
import dev.tcgen.generator.spec.Problem;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.spec.SpecSource;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code tcgen compare --baseline OLD.json --current NEW.json [--allow-breaking]}: prints every change between two
 * versions of a spec, breaking ones first; exits 1 on a breaking change unless it is allowed.
 */
final class CompareCommand {

    static final String USAGE_TEXT = """
            Usage: tcgen compare --baseline OLD.json --current NEW.json [--allow-breaking]

            Reports every change between two versions of a service's spec, classified as breaking (an action
            or member removed, a type changed, an input made required, a region dropped, ...) or compatible.

              --baseline FILE    the spec callers were built against
              --current FILE     the new spec
              --allow-breaking   exit 0 even when a change is breaking

            Exit status: 0 no breaking change (or allowed), 1 breaking changes or spec problems, 2 usage error.
            """;

    private final PrintStream out;
    private final PrintStream err;

    CompareCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Path baseline = null;
        Path current = null;
        boolean allowBreaking = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    out.print(USAGE_TEXT);
                    return Main.OK;
                }
                case "--baseline" -> baseline = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--current" -> current = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--allow-breaking" -> allowBreaking = true;
                default -> {
                    return usage("unknown option " + args[i]);
                }
            }
        }
        if (baseline == null || current == null) {
            return usage("compare needs --baseline FILE and --current FILE");
        }
        try {
            CompatibilityReport report = CompatibilityChecker.compare(
                    Generator.load(SpecSource.read(baseline)), Generator.load(SpecSource.read(current)));
            out.print(report.render());
            return report.hasBreakingChanges() && !allowBreaking ? Main.FAILED : Main.OK;
        } catch (SpecException e) {
            e.problems().stream().sorted(Problem.BY_POSITION).forEach(err::println);
            return Main.FAILED;
        }
    }

    private int usage(String problem) {
        err.println("tcgen: " + problem);
        err.print(USAGE_TEXT);
        return Main.USAGE;
    }
}
