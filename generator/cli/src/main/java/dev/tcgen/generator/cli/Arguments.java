package dev.tcgen.generator.cli;

import dev.tcgen.generator.RuntimeMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line.
 *
 * @param specs spec files or directories
 * @param out the output directory
 * @param basePackage the base package
 * @param runtime where the runtime comes from: embedded into the output, or the runtime jar
 * @param help whether help was asked for
 * @param version whether the version was asked for
 */
record Arguments(List<Path> specs, Path out, String basePackage, RuntimeMode runtime, boolean help, boolean version) {

    static final String DEFAULT_PACKAGE = "dev.tcgen.client";

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static Arguments parse(String[] args) {
        List<Path> specs = new ArrayList<>();
        Path out = null;
        String basePackage = DEFAULT_PACKAGE;
        RuntimeMode runtime = RuntimeMode.EMBEDDED;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    return new Arguments(List.of(), null, basePackage, runtime, true, false);
                }
                case "--version" -> {
                    return new Arguments(List.of(), null, basePackage, runtime, false, true);
                }
                case "--spec" -> {
                    int first = i + 1;
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        specs.add(Path.of(args[++i]));
                    }
                    if (i < first) {
                        throw new IllegalArgumentException("--spec needs at least one file");
                    }
                }
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--package" -> basePackage = value(args, ++i, "--package");
                case "--runtime" -> runtime = RuntimeMode.parse(value(args, ++i, "--runtime"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("missing --spec");
        }
        if (out == null) {
            throw new IllegalArgumentException("missing --out");
        }
        return new Arguments(specs, out, basePackage, runtime, false, false);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
