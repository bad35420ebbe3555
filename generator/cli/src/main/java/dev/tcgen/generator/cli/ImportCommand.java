package dev.tcgen.generator.cli;

import dev.tcgen.generator.importer.ImportException;
import dev.tcgen.generator.importer.ImportMessage;
import dev.tcgen.generator.importer.SpecImporter;
import dev.tcgen.generator.spec.Problem;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.write.SourceWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code tcgen import --api-json API.json [--examples EXAMPLES.json] [--doc-page PAGE.txt...]
 * [--overlay OVERLAY.json] --out SPEC.json}: imports Tencent's descriptions of a service version into a tcgen spec.
 * Warnings are printed as {@code source:line: message}; the spec is written only if it passes the generator's
 * validation, and left untouched when it has not changed.
 */
final class ImportCommand {

    static final String USAGE_TEXT = """
            Usage: tcgen import --api-json API.json [--examples EXAMPLES.json] [--doc-page PAGE.txt...]
                                [--overlay OVERLAY.json] --out SPEC.json [--check]

            Imports a Tencent Cloud API 3.0 service version into a tcgen spec: Tencent's api.json (and
            examples.json), merged with the text of API documentation pages (regions, rate limit, error
            codes, examples), Tencent Cloud's common error codes and a hand-written overlay (title, regions,
            corrections). Disagreements between the inputs are printed as warnings, source:line: message.

              --api-json FILE      Tencent's api.json of the service version (required)
              --examples FILE      its examples.json
              --doc-page FILE...   text of API documentation pages; one or more, option repeatable
              --overlay FILE       a partial spec applied last (see README, "Importing Tencent's specs")
              --out FILE           the spec file to write; left untouched when unchanged
              --check              write nothing; exit 1 if --out differs from what the import produces

            Exit status: 0 imported (warnings or not), 1 an input or the resulting spec has problems (nothing
            is written) or --check found a difference, 2 usage error.
            """;

    private final PrintStream out;
    private final PrintStream err;

    ImportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    private record Options(SpecImporter.Inputs inputs, Path out, boolean check) {}

    int run(String[] args) {
        Options options;
        try {
            Optional<Options> parsed = parse(args);
            if (parsed.isEmpty()) {
                out.print(USAGE_TEXT);
                return Main.OK;
            }
            options = parsed.get();
        } catch (IllegalArgumentException e) {
            err.println("tcgen import: " + e.getMessage());
            err.print(USAGE_TEXT);
            return Main.USAGE;
        }
        SpecImporter.Result result;
        try {
            result = SpecImporter.run(options.inputs(), options.out().getFileName().toString());
        } catch (ImportException e) {
            e.problems().forEach(err::println);
            err.printf("tcgen import: %d problem(s); nothing was written%n", e.problems().size());
            return Main.FAILED;
        } catch (SpecException e) {
            e.problems().stream().sorted(Problem.BY_POSITION).forEach(err::println);
            err.printf("tcgen import: the imported spec would have %d problem(s); nothing was written%n",
                    e.problems().size());
            return Main.FAILED;
        }
        result.warnings().forEach(err::println);
        return finish(options, result);
    }

    private int finish(Options options, SpecImporter.Result result) {
        String summary = String.format("%s %s: %d actions, %d structures, %d error codes, %d warning(s)",
                result.service().service(), result.service().version(), result.service().actions().size(),
                result.service().structures().size(), result.service().errorCodes().size(),
                result.warnings().size());
        try {
            boolean same = Files.isRegularFile(options.out())
                    && Files.readString(options.out(), StandardCharsets.UTF_8).equals(result.specText());
            if (options.check()) {
                out.printf("tcgen import: %s; %s %s%n", summary, options.out(),
                        same ? "is up to date" : "differs from the import");
                return same ? Main.OK : Main.FAILED;
            }
            if (!same) {
                Files.createDirectories(options.out().toAbsolutePath().getParent());
                if (!SourceWriter.writeFile(options.out(), result.specText().getBytes(StandardCharsets.UTF_8))) {
                    err.println("tcgen import: warning: the file system could not rename " + options.out()
                            + " into place atomically; a reader could have seen it half-written");
                }
            }
            out.printf("tcgen import: %s; %s %s%n", summary, same ? "unchanged" : "wrote", options.out());
            return Main.OK;
        } catch (IOException e) {
            err.println("tcgen import: cannot write " + options.out() + ": " + e);
            return Main.FAILED;
        }
    }

    /** The options, or empty if help was asked for. */
    private static Optional<Options> parse(String[] args) {
        Path apiJson = null;
        Path examples = null;
        Path overlay = null;
        Path target = null;
        boolean check = false;
        List<Path> pages = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    return Optional.empty();
                }
                case "--api-json" -> apiJson = Path.of(value(args, ++i, "--api-json"));
                case "--examples" -> examples = Path.of(value(args, ++i, "--examples"));
                case "--overlay" -> overlay = Path.of(value(args, ++i, "--overlay"));
                case "--out" -> target = Path.of(value(args, ++i, "--out"));
                case "--check" -> check = true;
                case "--doc-page" -> {
                    int first = i + 1;
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        pages.add(Path.of(args[++i]));
                    }
                    if (i < first) {
                        throw new IllegalArgumentException("--doc-page needs at least one file");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (apiJson == null) {
            throw new IllegalArgumentException("missing --api-json");
        }
        if (target == null) {
            throw new IllegalArgumentException("missing --out");
        }
        return Optional.of(new Options(new SpecImporter.Inputs(apiJson, Optional.ofNullable(examples), pages,
                Optional.ofNullable(overlay)), target, check));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
