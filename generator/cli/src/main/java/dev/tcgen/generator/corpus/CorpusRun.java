package dev.tcgen.generator.corpus;

import dev.tcgen.generator.GeneratedSource;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.RuntimeMode;
import dev.tcgen.generator.JavaPoetInit;
import dev.tcgen.generator.ParallelTasks;
import dev.tcgen.generator.importer.DraftPaging;
import dev.tcgen.generator.importer.ImportException;
import dev.tcgen.generator.importer.ImportMessage;
import dev.tcgen.generator.importer.SpecDraft;
import dev.tcgen.generator.importer.SpecImporter;
import dev.tcgen.generator.spec.PagingSpec;
import dev.tcgen.generator.spec.Problem;
import dev.tcgen.generator.spec.ServiceSpec;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.write.SourceWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * The whole-cloud run: imports every service version of Tencent's corpus, generates all of them into one source
 * tree with one shared {@code core} package (each service written as soon as it is generated, so that the run never
 * holds the text of the whole tree), and compiles it with javac. Every failure is kept with its service and phase;
 * a service that fails in one phase is left out of the next ones, and the run goes on.
 *
 * <p>Layout of the output directory: {@code specs/} the imported specs, {@code src/} the sources,
 * {@code classes/core} and {@code classes/services} the class files, {@code api-json/} the unpacked corpus (when it
 * is an archive).
 *
 * <pre>{@code
 * CorpusRun.Report report = CorpusRun.run(new CorpusRun.Options(Path.of("all-services-api-json.tgz"),
 *         Path.of("target/corpus")), CorpusRun.Listener.NONE);
 * }</pre>
 */
public final class CorpusRun {

    /** The name the shared core package goes by in reports. */
    static final String CORE = "core";

    /** {@link #pagingShape} of an action the paging rules leave alone. */
    public static final String AMBIGUOUS = "ambiguous";

    /** {@link #pagingShape} of an action that takes paging inputs but answers no list. */
    public static final String NO_LIST = "no list";

    /** {@link #pagingShape} of an action whose spec says it does not page. */
    public static final String NOT_PAGED = "not paged";

    /** The {@link #pagingShape}s that get a paginator. */
    public static final List<String> PAGINATED = List.of("offset+total", "offset", "page+total", "page", "token");

    /** The folder under {@code classes/} of the services' classes (the core's is {@link #CORE}). */
    static final String SERVICES = "services";

    /** Files of one javac run, at most (several services are compiled together up to this count). */
    public static final int DEFAULT_BATCH_FILES = 3000;

    /** javac's options: the project's own bar for generated code. */
    public static final List<String> JAVAC_OPTIONS = List.of("--release", "17", "-encoding", "UTF-8", "-Xlint:all",
            "-Werror", "-proc:none", "-implicit:none", "-Xmaxerrs", "100000", "-Xmaxwarns", "100000");

    /**
     * How to run.
     *
     * @param corpus the corpus: {@code all-services-api-json.tgz} or a directory of {@code <service>/<version>/api.json}
     * @param out the output directory (see the class comment)
     * @param basePackage the base package of the generated code
     * @param threads how many services are imported, generated, written and compiled at once
     * @param compile whether to compile the generated tree
     * @param batchFiles how many files one javac run compiles at most (a service is never split)
     */
    public record Options(Path corpus, Path out, String basePackage, int threads, boolean compile, int batchFiles) {

        public Options {
            Objects.requireNonNull(corpus, "corpus");
            Objects.requireNonNull(out, "out");
            new Generator.Options(basePackage, RuntimeMode.EMBEDDED); // checks the package name
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
            if (batchFiles < 1) {
                throw new IllegalArgumentException("batch files must be at least 1, not " + batchFiles);
            }
        }

        /** Everything: the default package, one thread per processor, compiled. */
        public Options(Path corpus, Path out) {
            this(corpus, out, "dev.tcgen.client", Runtime.getRuntime().availableProcessors(), true,
                    DEFAULT_BATCH_FILES);
        }
    }

    /** The phases of a run, in order. */
    public enum Phase {
        IMPORT("import"),
        /** Generating each service and writing its files at once. */
        GENERATE("generate"),
        COMPILE("compile");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        /** The phase's name in reports, e.g. {@code generate}. */
        public String label() {
            return label;
        }
    }

    /** Told how a run goes; called from the worker threads too, so implementations must be thread-safe. */
    public interface Listener {

        /** A listener that ignores everything. */
        Listener NONE = new Listener() {};

        /** A phase starts, over {@code services} services. */
        default void phaseStarted(Phase phase, int services) {}

        /** One service (or the core package, named {@code core}) is through a phase, with this many files. */
        default void serviceDone(Phase phase, String service, int files) {}

        /** A phase is over. */
        default void phaseFinished(Phase phase, Duration elapsed) {}
    }

    /**
     * A service that failed.
     *
     * @param service the service version as in the corpus, e.g. {@code cvm/v20170312}, or {@code core}
     * @param phase where it failed
     * @param problems what went wrong, the first few in full
     */
    public record Failure(String service, Phase phase, List<String> problems) {

        public Failure {
            problems = List.copyOf(problems);
        }
    }

    /**
     * What a run did.
     *
     * @param corpusServices service versions in the corpus
     * @param services service versions generated (and compiled, when asked) without failure
     * @param actions actions of the generated services
     * @param structures shared structures of the generated services
     * @param importWarnings warnings of the import, all services together (disagreements and oddities of the
     *     inputs; none stops a service)
     * @param paging the imported actions by how they page, as {@link #pagingShape} names it (actions that do not
     *     page are not counted)
     * @param files generated source files, the core package's included
     * @param sourceBytes their size in UTF-8
     * @param classes class files javac wrote
     * @param times wall time of each phase that ran
     * @param threads threads used
     * @param failures every failure, by service
     */
    public record Report(int corpusServices, int services, int actions, int structures, int importWarnings,
            Map<String, Integer> paging, int files, long sourceBytes, int classes, Map<Phase, Duration> times,
            int threads, List<Failure> failures) {

        public Report {
            paging = Collections.unmodifiableMap(new TreeMap<>(paging));
            times = Map.copyOf(times);
            failures = List.copyOf(failures);
        }

        /** How many actions got a paginator: those of every paging shape. */
        public int paginators() {
            return paging.entrySet().stream().filter(e -> PAGINATED.contains(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
        }

        /** The wall time of a phase, zero if it did not run. */
        public Duration time(Phase phase) {
            return times.getOrDefault(phase, Duration.ZERO);
        }
    }

    /** An imported service: its spec as the import read and validated it. */
    private record Imported(CorpusArchive.Entry entry, ServiceSpec spec, int warnings, Map<String, Integer> paging) {}

    /**
     * A service (or the core package) generated and written.
     *
     * @param paths its files, relative to {@code src/}
     * @param bytes their size in UTF-8
     */
    private record Generated(String service, List<String> paths, long bytes, int actions, int structures) {}

    private record Outcome<T>(T value, Failure failure) {}

    private final Options options;
    private final Listener listener;
    private final List<Failure> failures = new ArrayList<>();
    private final Map<Phase, Duration> times = new LinkedHashMap<>();

    private CorpusRun(Options options, Listener listener) {
        this.options = options;
        this.listener = listener;
    }

    /**
     * Runs the corpus.
     *
     * @throws IOException if the corpus cannot be read or the output directory cannot be used at all (a single
     *     service's write failure is a {@link Failure} instead)
     */
    public static Report run(Options options, Listener listener) throws IOException {
        return new CorpusRun(options, listener).run();
    }

    private Report run() throws IOException {
        Path out = options.out();
        Files.createDirectories(out);
        List<CorpusArchive.Entry> entries = CorpusArchive.entries(options.corpus(), out);
        if (entries.isEmpty()) {
            throw new IOException("no api.json in " + options.corpus());
        }
        JavaPoetInit.ensureInitialized();

        List<Imported> imported = phase(Phase.IMPORT, entries, CorpusArchive.Entry::id,
                entry -> entry.apiJson().toFile().length(), this::importOne, i -> 1);
        List<Generated> generated = generateAll(imported);

        int classes = 0;
        List<Generated> compiled = generated;
        if (options.compile()) {
            compiled = compileAll(generated);
            classes = countClasses(out.resolve("classes"));
        }
        List<Generated> services = compiled.stream().filter(g -> !g.service().equals(CORE)).toList();
        int files = generated.stream().mapToInt(g -> g.paths().size()).sum();
        long bytes = generated.stream().mapToLong(Generated::bytes).sum();
        failures.sort(Comparator.comparing(Failure::service).thenComparing(Failure::phase));
        Map<String, Integer> paging = new TreeMap<>();
        imported.forEach(i -> i.paging().forEach((shape, count) -> paging.merge(shape, count, Integer::sum)));
        return new Report(entries.size(), services.size(), services.stream().mapToInt(Generated::actions).sum(),
                services.stream().mapToInt(Generated::structures).sum(),
                imported.stream().mapToInt(Imported::warnings).sum(), paging, files, bytes, classes, times,
                options.threads(), failures);
    }

    private Imported importOne(CorpusArchive.Entry entry) throws Exception {
        SpecImporter.Result result = SpecImporter.run(
                new SpecImporter.Inputs(entry.apiJson(), entry.examples(), List.of(), Optional.empty()),
                entry.id().replace('/', '-') + ".json");
        String name = result.service().service() + "-" + result.service().version() + ".json";
        Path spec = options.out().resolve("specs").resolve(name);
        Files.createDirectories(spec.getParent());
        if (!Files.isRegularFile(spec) || !Files.readString(spec, StandardCharsets.UTF_8).equals(result.specText())) {
            Files.writeString(spec, result.specText(), StandardCharsets.UTF_8);
        }
        Map<String, Integer> paging = new TreeMap<>();
        result.service().actions().forEach(action -> pagingShape(action)
                .ifPresent(shape -> paging.merge(shape, 1, Integer::sum)));
        return new Imported(entry, result.spec(), result.warnings().size(), paging);
    }

    /**
     * How an imported action pages, for the report: {@code offset}, {@code page} (number) or {@code token}, with
     * {@code +total} where the response has a total count; {@code not paged} where the spec says so;
     * {@code ambiguous} where its inputs make a form of paging the rules leave alone, {@code no list} where they
     * make one but the response has no list; empty where it does not page.
     */
    public static Optional<String> pagingShape(SpecDraft.Action action) {
        if (action.paging().isEmpty()) {
            return switch (DraftPaging.verdict(action).kind()) {
                case AMBIGUOUS -> Optional.of(AMBIGUOUS);
                case NO_LIST -> Optional.of(NO_LIST);
                default -> Optional.empty();
            };
        }
        PagingSpec paging = action.paging().get();
        if (!paging.paged()) {
            return Optional.of(NOT_PAGED);
        }
        return Optional.of(paging.forms().get(0) + (paging.total().isEmpty() ? "" : "+total"));
    }

    /**
     * The core package once, then each service alone (so that one failure costs one service), without the core; each
     * written as soon as it is generated.
     */
    private List<Generated> generateAll(List<Imported> imported) {
        Generator.Options generation = new Generator.Options(options.basePackage(), RuntimeMode.EMBEDDED);
        List<Imported> withCore = new ArrayList<>();
        withCore.add(null); // the core package, generated alongside the services
        withCore.addAll(imported);
        Map<String, String> packages = new HashMap<>();
        return phase(Phase.GENERATE, withCore, i -> i == null ? CORE : i.entry().id(),
                i -> i == null ? Long.MAX_VALUE : i.spec().actions().size() + i.spec().structures().size(),
                i -> {
                    if (i == null) {
                        return write(CORE, Generator.runtimeSources(generation), 0, 0);
                    }
                    ServiceSpec spec = i.spec();
                    String key = spec.service() + " " + spec.version();
                    synchronized (packages) {
                        String other = packages.putIfAbsent(key, i.entry().id());
                        if (other != null) {
                            throw new IllegalStateException("service " + key + " is also in " + other);
                        }
                    }
                    return write(i.entry().id(), Generator.serviceSources(spec, generation), spec.actions().size(),
                            spec.structures().size());
                },
                g -> g.paths().size());
    }


    /**
     * Writes one service's files, unflushed (the tree is the run's own output, made again by the next run), and keeps
     * only their paths and size.
     */
    private Generated write(String service, List<GeneratedSource> sources, int actions, int structures)
            throws IOException {
        String manifest = SourceWriter.MANIFEST + "-" + service.replace('/', '-');
        SourceWriter.write(options.out().resolve("src"), sources, manifest, SourceWriter.Durability.UNFLUSHED);
        return new Generated(service, sources.stream().map(GeneratedSource::relativePath).toList(),
                sources.stream().mapToLong(source -> utf8Length(source.content())).sum(), actions, structures);
    }

    /** The length of the text in UTF-8, without encoding it. */
    private static long utf8Length(String text) {
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    private List<Generated> compileAll(List<Generated> written) throws IOException {
        Path src = options.out().resolve("src");
        Path classes = options.out().resolve("classes");
        deleteTree(classes);
        Path coreClasses = classes.resolve(CORE);
        Path serviceClasses = classes.resolve(SERVICES);
        BatchCompiler javac = BatchCompiler.create(JAVAC_OPTIONS);
        List<Path> jackson = jacksonClassPath();

        long started = System.nanoTime();
        listener.phaseStarted(Phase.COMPILE, written.size());
        Map<String, Generated> byService = new LinkedHashMap<>();
        written.forEach(g -> byService.put(g.service(), g));
        Generated core = byService.remove(CORE);
        List<Generated> compiled = new ArrayList<>();
        if (core == null) {
            byService.keySet().forEach(s -> failures.add(new Failure(s, Phase.COMPILE,
                    List.of("not compiled: the core package was not generated"))));
        } else {
            Map<String, List<String>> coreProblems =
                    javac.compile(Map.of(CORE, paths(src, core)), coreClasses, jackson);
            listener.serviceDone(Phase.COMPILE, CORE, core.paths().size());
            if (!coreProblems.isEmpty()) {
                failures.add(new Failure(CORE, Phase.COMPILE, coreProblems.get(CORE)));
                byService.keySet().forEach(s -> failures.add(new Failure(s, Phase.COMPILE,
                        List.of("not compiled: the core package does not compile"))));
            } else {
                compiled.add(core);
                compiled.addAll(compileServices(javac, src, serviceClasses, batches(byService.values()),
                        Stream.concat(Stream.of(coreClasses), jackson.stream()).toList()));
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        times.put(Phase.COMPILE, elapsed);
        listener.phaseFinished(Phase.COMPILE, elapsed);
        return compiled;
    }

    private List<Generated> compileServices(BatchCompiler javac, Path src, Path classes, List<List<Generated>> batches,
            List<Path> classPath) {
        List<Generated> compiled = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.threads(), batches.size())),
                ParallelTasks.daemonThreads("tcgen-javac"));
        try {
            List<Future<Map<String, List<String>>>> futures = new ArrayList<>();
            for (List<Generated> batch : batches) {
                futures.add(pool.submit(() -> {
                    Map<String, List<Path>> groups = new LinkedHashMap<>();
                    batch.forEach(g -> groups.put(g.service(), paths(src, g)));
                    Map<String, List<String>> problems = javac.compile(groups, classes, classPath);
                    batch.forEach(g -> listener.serviceDone(Phase.COMPILE, g.service(), g.paths().size()));
                    return problems;
                }));
            }
            for (int i = 0; i < batches.size(); i++) {
                Map<String, List<String>> problems;
                try {
                    problems = futures.get(i).get();
                } catch (ExecutionException e) {
                    problems = new HashMap<>();
                    for (Generated g : batches.get(i)) {
                        problems.put(g.service(), List.of(String.valueOf(e.getCause())));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while compiling", e);
                }
                for (Generated g : batches.get(i)) {
                    List<String> mine = problems.get(g.service());
                    if (mine == null) {
                        compiled.add(g);
                    } else {
                        failures.add(new Failure(g.service(), Phase.COMPILE, mine));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return compiled;
    }

    /** Services grouped into javac runs of at most {@code batchFiles} files, largest services first. */
    private List<List<Generated>> batches(Collection<Generated> services) {
        List<Generated> bySize = services.stream()
                .sorted(Comparator.comparingInt((Generated g) -> g.paths().size()).reversed()
                        .thenComparing(Generated::service))
                .toList();
        List<List<Generated>> batches = new ArrayList<>();
        List<Generated> current = new ArrayList<>();
        int files = 0;
        for (Generated g : bySize) {
            if (!current.isEmpty() && files + g.paths().size() > options.batchFiles()) {
                batches.add(current);
                current = new ArrayList<>();
                files = 0;
            }
            current.add(g);
            files += g.paths().size();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private static List<Path> paths(Path src, Generated generated) {
        return generated.paths().stream().map(src::resolve).toList();
    }

    /**
     * Where jackson-core is (its jar, or the shaded command-line jar): the one library the generated code compiles
     * against.
     */
    private static List<Path> jacksonClassPath() {
        try {
            return List.of(Path.of(com.fasterxml.jackson.core.JsonParser.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot find where jackson-core was loaded from", e);
        }
    }

    /**
     * Runs one phase over the items, {@code threads} at a time, largest first, and returns the results of the items
     * that succeeded, in item order. A failure is recorded under the item's service.
     */
    private <T, R> List<R> phase(Phase phase, List<T> items, Function<T, String> service,
            ToLongFunction<T> size, Work<T, R> work, ToIntFunction<R> files) {
        long started = System.nanoTime();
        listener.phaseStarted(phase, items.size());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> size.applyAsLong(items.get(i))).reversed());
        List<Supplier<Outcome<R>>> tasks = new ArrayList<>();
        for (int i : order) {
            T item = items.get(i);
            tasks.add(() -> {
                Outcome<R> outcome = attempt(phase, service.apply(item), item, work);
                listener.serviceDone(phase, service.apply(item),
                        outcome.value() == null ? 0 : files.applyAsInt(outcome.value()));
                return outcome;
            });
        }
        List<Outcome<R>> done = ParallelTasks.run(tasks, options.threads());
        Map<Integer, Outcome<R>> byItem = new TreeMap<>();
        for (int k = 0; k < order.size(); k++) {
            byItem.put(order.get(k), done.get(k));
        }
        List<R> results = new ArrayList<>();
        for (Outcome<R> outcome : byItem.values()) {
            if (outcome.failure() != null) {
                failures.add(outcome.failure());
            } else {
                results.add(outcome.value());
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        times.put(phase, elapsed);
        listener.phaseFinished(phase, elapsed);
        return results;
    }

    @FunctionalInterface
    private interface Work<T, R> {
        R apply(T item) throws Exception;
    }

    private static <T, R> Outcome<R> attempt(Phase phase, String service, T item, Work<T, R> work) {
        try {
            return new Outcome<>(work.apply(item), null);
        } catch (SpecException e) {
            return new Outcome<>(null, new Failure(service, phase,
                    shorten(e.problems().stream().sorted(Problem.BY_POSITION).map(Problem::toString).toList())));
        } catch (ImportException e) {
            return new Outcome<>(null, new Failure(service, phase,
                    shorten(e.problems().stream().map(ImportMessage::toString).toList())));
        } catch (Exception | StackOverflowError e) {
            return new Outcome<>(null, new Failure(service, phase, List.of(e.toString())));
        }
    }

    private static List<String> shorten(List<String> problems) {
        if (problems.size() <= BatchCompiler.PROBLEMS_KEPT) {
            return problems;
        }
        List<String> kept = new ArrayList<>(problems.subList(0, BatchCompiler.PROBLEMS_KEPT));
        kept.add("... and " + (problems.size() - BatchCompiler.PROBLEMS_KEPT) + " more");
        return kept;
    }

    private static int countClasses(Path classes) throws IOException {
        if (!Files.isDirectory(classes)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(classes)) {
            return (int) walk.filter(p -> p.getFileName().toString().endsWith(".class")).count();
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
