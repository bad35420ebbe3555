package dev.tcgen.generator.cli;

import dev.tcgen.generator.corpus.CorpusRun;
import dev.tcgen.generator.corpus.ResponseExamples;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code tcgen corpus --corpus PATH --out DIR}: imports every service of Tencent's published corpus, generates them
 * into one tree with one shared core, compiles the tree with javac, and reports counts, times and every failure by
 * service.
 */
final class CorpusCommand {

    static final String USAGE_TEXT = """
            Usage: tcgen corpus --corpus PATH --out DIR [--package PACKAGE] [--threads N] [--no-compile]
                                [--batch-files N] [--examples PATH] [--if-present]

            The whole-cloud run: imports every service version of Tencent's api.json corpus, generates
            all of them into DIR/src with one shared core package, and compiles the tree with javac
            (--release 17 -Xlint:all -Werror) into DIR/classes. Prints services, actions, structures,
            files, the actions by paging shape, the time of each phase, and every failure by service.

              --corpus PATH      all-services-api-json.tgz, or a directory of <service>/<version>/api.json
              --out DIR          output: DIR/specs (imported specs), DIR/src, DIR/classes
              --package PACKAGE  base package (default: dev.tcgen.client)
              --threads N        services processed at once (default: the number of processors)
              --no-compile       import, generate and write only
              --batch-files N    files per javac run, at most (default: %d); services are not split
              --examples PATH    then read every documented response example (all-services-examples-json.tgz,
                                 or a directory of <service>/<version>/examples.json) with its compiled
                                 response class, write it back and compare; print the problems by kind
              --if-present       when the corpus (or the examples) does not exist, say so and exit 0

            Exit status: 0 every service generated (and compiled), 1 a service failed or the corpus
            cannot be read, 2 usage error.
            """.formatted(CorpusRun.DEFAULT_BATCH_FILES);

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    CorpusCommand(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    private record Parsed(CorpusRun.Options options, Path examples, boolean ifPresent) {}

    int run(String[] args) {
        Parsed parsed;
        try {
            parsed = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("tcgen corpus: " + e.getMessage());
            err.print(USAGE_TEXT);
            return Main.USAGE;
        }
        if (parsed == null) {
            out.print(USAGE_TEXT);
            return Main.OK;
        }
        CorpusRun.Options options = parsed.options();
        if (!Files.exists(options.corpus())) {
            String message = "no corpus at " + options.corpus().toAbsolutePath().normalize()
                    + "; pass --corpus (Maven: -Dtcgen.corpus=) all-services-api-json.tgz or the directory it was "
                    + "unpacked into";
            if (parsed.ifPresent()) {
                out.println("tcgen corpus: skipped: " + message);
                return Main.OK;
            }
            err.println("tcgen corpus: " + message);
            return Main.FAILED;
        }
        out.printf("tcgen corpus: %s -> %s, %d thread(s)%s%n", options.corpus(), options.out(), options.threads(),
                options.compile() ? "" : ", not compiling");
        CorpusRun.Report report;
        try {
            report = CorpusRun.run(options, new Progress(out, terminal, "tcgen corpus", System::nanoTime));
        } catch (IOException | RuntimeException e) {
            err.println("tcgen corpus: " + e);
            return Main.FAILED;
        }
        print(report);
        if (!report.failures().isEmpty()) {
            return Main.FAILED;
        }
        return parsed.examples() == null ? Main.OK : examples(parsed);
    }

    /** Reads every documented response example with its compiled response class. */
    private int examples(Parsed parsed) {
        if (!Files.exists(parsed.examples())) {
            String message = "no examples at " + parsed.examples().toAbsolutePath().normalize();
            if (parsed.ifPresent()) {
                out.println("tcgen corpus: response examples skipped: " + message);
                return Main.OK;
            }
            err.println("tcgen corpus: " + message);
            return Main.FAILED;
        }
        if (!parsed.options().compile()) {
            err.println("tcgen corpus: --examples needs the compiled classes; drop --no-compile");
            return Main.FAILED;
        }
        ResponseExamples.Report report;
        try {
            report = ResponseExamples.run(parsed.options().corpus(), parsed.options().out(),
                    parsed.options().basePackage(), parsed.examples());
        } catch (IOException | RuntimeException e) {
            err.println("tcgen corpus: " + e);
            return Main.FAILED;
        }
        report.failures().forEach(failure -> err.println("tcgen corpus: FAILED example " + failure));
        out.printf(Locale.ROOT, "tcgen corpus: response examples: %,d read through their response classes and written "
                + "back (%,d JSON only when read leniently), %d failure(s), %,d problem(s) recorded, in %.1f s; not "
                + "read: %s%n", report.read(), report.lenient(), report.failures().size(), report.problems(),
                seconds(report.time()), counts(report.skipped()));
        out.println("tcgen corpus:   problems by kind: " + counts(report.byKind()));
        out.println("tcgen corpus:   problems by service: " + counts(report.byService()));
        return report.failures().isEmpty() ? Main.OK : Main.FAILED;
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private void print(CorpusRun.Report report) {
        for (CorpusRun.Failure failure : report.failures()) {
            err.printf("tcgen corpus: FAILED %s (%s):%n", failure.service(), failure.phase().label());
            failure.problems().forEach(problem -> err.println("    " + problem));
        }
        Duration generation = report.time(CorpusRun.Phase.IMPORT).plus(report.time(CorpusRun.Phase.GENERATE));
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                "tcgen corpus: %d of %d services, %,d actions, %,d structures, %,d import warnings, %,d files "
                        + "(%.1f MB); import %.1f s + generate and write %.1f s = %.1f s",
                report.services(), report.corpusServices(), report.actions(), report.structures(),
                report.importWarnings(), report.files(),
                report.sourceBytes() / 1e6, seconds(report.time(CorpusRun.Phase.IMPORT)),
                seconds(report.time(CorpusRun.Phase.GENERATE)), seconds(generation)));
        if (report.times().containsKey(CorpusRun.Phase.COMPILE)) {
            Duration compile = report.time(CorpusRun.Phase.COMPILE);
            summary.append(String.format(Locale.ROOT, "; javac %.1f s (%,d classes); generate/javac %.3f",
                    seconds(compile), report.classes(),
                    seconds(report.time(CorpusRun.Phase.GENERATE)) / Math.max(1e-9, seconds(compile))));
        }
        summary.append(String.format(Locale.ROOT, "; %d thread(s); %d failure(s)", report.threads(),
                report.failures().size()));
        out.println(paging(report));
        out.println(summary);
    }

    /** {@code tcgen corpus: paging: 1,000 offset+total, 58 offset, ...: 1,211 paginators; 298 ambiguous ...}. */
    private static String paging(CorpusRun.Report report) {
        StringBuilder line = new StringBuilder("tcgen corpus: paging: ");
        line.append(CorpusRun.PAGINATED.stream()
                .map(shape -> String.format(Locale.ROOT, "%,d %s", report.paging().getOrDefault(shape, 0), shape))
                .collect(Collectors.joining(", ")));
        line.append(String.format(Locale.ROOT, ": %,d paginators", report.paginators()));
        int notPaged = report.paging().getOrDefault(CorpusRun.NOT_PAGED, 0);
        if (notPaged > 0) {
            line.append(String.format(Locale.ROOT, "; %,d stated not paged", notPaged));
        }
        return line.append(String.format(Locale.ROOT, "; %,d ambiguous (no paginator unless an overlay states "
                + "their paging); %,d take paging inputs but answer no list", report.paging().getOrDefault(
                CorpusRun.AMBIGUOUS, 0), report.paging().getOrDefault(CorpusRun.NO_LIST, 0))).toString();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    /** The options, or null if help was asked for. */
    private static Parsed parse(String[] args) {
        Path corpus = null;
        Path outDir = null;
        String basePackage = Arguments.DEFAULT_PACKAGE;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean compile = true;
        int batchFiles = CorpusRun.DEFAULT_BATCH_FILES;
        boolean ifPresent = false;
        Path examples = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--corpus" -> corpus = Path.of(value(args, ++i, "--corpus"));
                case "--out" -> outDir = Path.of(value(args, ++i, "--out"));
                case "--package" -> basePackage = value(args, ++i, "--package");
                case "--threads" -> threads = number(args, ++i, "--threads");
                case "--batch-files" -> batchFiles = number(args, ++i, "--batch-files");
                case "--no-compile" -> compile = false;
                case "--if-present" -> ifPresent = true;
                case "--examples" -> examples = Path.of(value(args, ++i, "--examples"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (corpus == null) {
            throw new IllegalArgumentException("missing --corpus");
        }
        if (outDir == null) {
            throw new IllegalArgumentException("missing --out");
        }
        return new Parsed(new CorpusRun.Options(corpus, outDir, basePackage, threads, compile, batchFiles), examples,
                ifPresent);
    }

    private static int number(String[] args, int index, String option) {
        String value = value(args, index, option);
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a positive whole number, not " + value);
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
