package dev.tcgen.generator.cli;

import dev.tcgen.generator.GenerationRequest;
import dev.tcgen.generator.GenerationResult;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.GeneratorVersion;
import dev.tcgen.generator.SpecFiles;
import dev.tcgen.generator.corpus.CorpusRun;
import dev.tcgen.generator.spec.Problem;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.write.ForeignFileException;
import dev.tcgen.generator.write.SourceWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code java -jar tcgen-generator-cli.jar --spec FILE... --out DIR --package P}.
 *
 * <p>Exit status: 0 when the sources were generated, 1 when a spec has problems (each printed as
 * {@code file:line:column: message}) or the output cannot be written, 2 when the command line is wrong.
 */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            Usage: tcgen --spec FILE... --out DIR [--package PACKAGE] [--runtime embedded|dependency]
                   tcgen compare --baseline OLD.json --current NEW.json [--allow-breaking]
                   tcgen import --api-json API.json [--examples EXAMPLES.json] [--doc-page PAGE.txt...]
                                [--overlay OVERLAY.json] --out SPEC.json
                   tcgen corpus --corpus PATH --out DIR [--threads N] [--no-compile]

            Generates a typed, signed Java client from tcgen spec files.
            "tcgen compare --help" explains the compatibility report.
            "tcgen import --help" explains importing Tencent's api.json and doc pages.
            "tcgen corpus --help" explains the whole-cloud run (import, generate, compile every service).

              --spec FILE...     spec files (JSON), or directories of them; one or more
              --out DIR          where to write the sources; files tcgen wrote there before and no
                                 longer produces are deleted, unchanged files are left untouched
              --package PACKAGE  base package (default: dev.tcgen.client); services go to
                                 PACKAGE.<service>.<version>
              --runtime MODE     where the client's runtime (signer, transport, credentials) comes from:
                                 embedded   its sources are written to PACKAGE.core (the default;
                                            the client needs only Jackson)
                                 dependency nothing is written; the client imports dev.tcgen.runtime
                                            from the jar dev.tcgen:tcgen-runtime
              --help             print this message
              --version          print the version

            Exit status: 0 generated, 1 spec problems or write failure, 2 usage error.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    Main(PrintStream out, PrintStream err) {
        this(out, err, false);
    }

    /** @param terminal whether {@code out} is a terminal, where long runs show their progress in place */
    Main(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err, System.console() != null).run(args));
    }

    /** Runs the command and returns its exit status. */
    int run(String[] args) {
        if (args.length > 0 && args[0].equals("compare")) {
            return new CompareCommand(out, err).run(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0 && args[0].equals("corpus")) {
            return new CorpusCommand(out, err, terminal).run(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0 && args[0].equals("import")) {
            return new ImportCommand(out, err).run(Arrays.copyOfRange(args, 1, args.length));
        }
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("tcgen: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        if (arguments.help()) {
            out.print(USAGE_TEXT);
            return OK;
        }
        if (arguments.version()) {
            out.println("tcgen " + GeneratorVersion.get());
            return OK;
        }
        return generate(arguments);
    }

    /** On a terminal, one status line while the services are generated (the summary line follows as usual). */
    private GenerationResult generateShowingProgress(GenerationRequest request) throws SpecException, IOException {
        Progress progress = new Progress(out, true, "tcgen", System::nanoTime);
        long start = System.nanoTime();
        progress.phaseStarted(CorpusRun.Phase.GENERATE, request.specs().size() + 1);
        GenerationResult generated = Generator.generate(request.withProgress(
                (service, files) -> progress.serviceDone(CorpusRun.Phase.GENERATE, service, files)));
        progress.phaseFinished(CorpusRun.Phase.GENERATE, Duration.ofNanos(System.nanoTime() - start));
        return generated;
    }

    private int generate(Arguments arguments) {
        try {
            List<Path> specs = SpecFiles.expand(arguments.specs());
            GenerationRequest request = GenerationRequest
                    .ofFiles(new Generator.Options(arguments.basePackage(), arguments.runtime()), specs)
                    .writingTo(arguments.out());
            GenerationResult generated = terminal
                    ? generateShowingProgress(request)
                    : Generator.generate(request);
            SourceWriter.Result result = generated.written().orElseThrow();
            out.printf("tcgen: %d files from %d spec(s) in %s: %d written, %d unchanged, %d deleted%n",
                    generated.sources().size(), specs.size(), arguments.out(), result.written().size(),
                    result.unchanged().size(), result.deleted().size());
            result.warning().ifPresent(warning -> err.println("tcgen: warning: " + warning));
            return OK;
        } catch (SpecException e) {
            e.problems().stream().sorted(Problem.BY_POSITION).forEach(err::println);
            err.printf("tcgen: %d problem(s); nothing was generated%n", e.problems().size());
            return FAILED;
        } catch (IllegalArgumentException e) {
            err.println("tcgen: " + e.getMessage());
            return USAGE;
        } catch (ForeignFileException e) {
            err.println("tcgen: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("tcgen: cannot write the sources: " + e);
            return FAILED;
        }
    }
}
