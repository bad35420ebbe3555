package dev.tcgen.generator;

import com.palantir.javapoet.JavaFile;
import dev.tcgen.generator.emit.GeneratedFiles;
import dev.tcgen.generator.emit.runtime.RuntimeEmbedder;
import dev.tcgen.generator.emit.service.ServiceEmitter;
import dev.tcgen.generator.model.ModelBuilder;
import dev.tcgen.generator.model.ServiceModel;
import dev.tcgen.generator.spec.Location;
import dev.tcgen.generator.spec.Problem;
import dev.tcgen.generator.spec.ServiceSpec;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.spec.SpecReader;
import dev.tcgen.generator.spec.SpecSource;
import dev.tcgen.generator.validate.SpecValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The pipeline, one direction: read each spec, validate it, model it, emit Java files. Output is a pure function of
 * (specs, options, generator version): sorted, without timestamps. Nothing is written here; see
 * {@link dev.tcgen.generator.write.SourceWriter}.
 *
 * <pre>{@code
 * List<GeneratedSource> sources = new Generator(Generator.Options.of("dev.tcgen.client"))
 *         .generate(List.of(Path.of("trtc-2019-07-22.json")));
 * }</pre>
 */
public final class Generator {

    static {
        // Before any generator is made, in whichever thread comes first: JavaPoet's classes are initialised once,
        // here, so that threads generating at the same time (mvn -T, an IDE) never race in their initialisers
        // (square/javapoet#799). GeneratedFiles, which a constructor makes, already uses ClassName.
        JavaPoetInit.ensureInitialized();
    }

    private static final Pattern PACKAGE =
            Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");

    /**
     * How to generate.
     *
     * @param basePackage the package under which {@code <service>.<version>} and {@code core} go
     * @param runtime where the runtime comes from: embedded into {@code <basePackage>.core}, or the runtime jar
     * @param includes which services and actions to generate: {@code service} or {@code service:Action}, with
     *     {@code *} as a wildcard; empty for everything
     */
    public record Options(String basePackage, RuntimeMode runtime, List<String> includes) {

        private static final Pattern INCLUDE = Pattern.compile("[a-z0-9*]+(:[A-Za-z0-9*]+)?");

        public Options {
            if (!PACKAGE.matcher(basePackage).matches()) {
                throw new IllegalArgumentException("invalid base package \"" + basePackage
                        + "\"; expected lower-case dot-separated Java identifiers, e.g. dev.tcgen.client");
            }
            Objects.requireNonNull(runtime, "runtime");
            includes = List.copyOf(includes);
            for (String include : includes) {
                if (!INCLUDE.matcher(include).matches()) {
                    throw new IllegalArgumentException("invalid include \"" + include
                            + "\"; expected a service or service:Action, with * as a wildcard, e.g. trtc:*CdnStream");
                }
            }
        }

        /** Options generating every service and action. */
        public Options(String basePackage, RuntimeMode runtime) {
            this(basePackage, runtime, List.of());
        }

        /** Options generating every service and action, with the runtime embedded. */
        public static Options of(String basePackage) {
            return new Options(basePackage, RuntimeMode.EMBEDDED);
        }

        /** The package of the runtime that service code imports. */
        public String runtimePackage() {
            return runtime.runtimePackage(basePackage);
        }
    }

    private final Options options;
    private final GeneratedFiles files = new GeneratedFiles(GeneratorVersion.get());

    public Generator(Options options) {
        this.options = options;
    }

    /**
     * Reads and validates one spec file.
     *
     * @throws SpecException listing every problem in the file
     */
    public static ServiceSpec load(Path specFile) throws SpecException {
        return load(SpecSource.read(specFile));
    }

    /**
     * Reads and validates one spec, from a file or elsewhere.
     *
     * @throws SpecException listing every problem in the spec
     */
    public static ServiceSpec load(SpecSource source) throws SpecException {
        SpecReader.Result read = SpecReader.read(source);
        List<Problem> problems = new ArrayList<>(read.problems());
        problems.addAll(SpecValidator.validate(read.spec(), read.json()));
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return read.spec();
    }

    /**
     * Generates the sources of every spec, plus the core package if the options ask for it.
     *
     * @param specFiles the spec files
     * @return the sources, sorted by path
     * @throws SpecException listing every problem in every spec; nothing is generated then
     */
    public List<GeneratedSource> generate(List<Path> specFiles) throws SpecException {
        List<SpecSource> sources = new ArrayList<>();
        for (Path file : specFiles) {
            sources.add(SpecSource.read(file));
        }
        return generateFrom(sources);
    }

    /**
     * Generates the sources of every spec, plus the core package if the options ask for it.
     *
     * @param sources the specs' texts
     * @return the sources, sorted by path
     * @throws SpecException listing every problem in every spec; nothing is generated then
     */
    public List<GeneratedSource> generateFrom(List<SpecSource> sources) throws SpecException {
        return generateSpecs(loadAll(sources));
    }

    /**
     * Reads and validates every spec.
     *
     * @throws SpecException listing every problem in every spec
     */
    public static List<ServiceSpec> loadAll(List<SpecSource> sources) throws SpecException {
        List<ServiceSpec> specs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (SpecSource source : sources) {
            try {
                specs.add(load(source));
            } catch (SpecException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return specs;
    }

    /**
     * Generates from specs already loaded and validated, keeping the services and actions the options include.
     * Several services are generated in parallel, one task per service, on up to as many threads as there are
     * processors; the result does not depend on the number of threads.
     */
    public List<GeneratedSource> generateSpecs(List<ServiceSpec> loaded) throws SpecException {
        return generateSpecs(loaded, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Like {@link #generateSpecs(List)}, on at most {@code threads} threads (1: in the calling thread only).
     *
     * @throws IllegalArgumentException if {@code threads} is below 1
     */
    public List<GeneratedSource> generateSpecs(List<ServiceSpec> loaded, int threads) throws SpecException {
        return generateSpecs(loaded, threads, (name, files) -> { });
    }

    /**
     * Like {@link #generateSpecs(List, int)}, telling {@code done} as each service version ({@code trtc 2019-07-22})
     * or the core package ({@code core}) is generated, with its number of files, from the thread that generated it.
     */
    public List<GeneratedSource> generateSpecs(List<ServiceSpec> loaded, int threads,
            BiConsumer<String, Integer> done) throws SpecException {
        SpecFilter filter = new SpecFilter(options.includes());
        List<ServiceSpec> specs = loaded.stream().map(filter::apply).flatMap(Optional::stream).toList();
        checkDistinct(specs);
        List<Supplier<List<GeneratedSource>>> tasks = new ArrayList<>();
        if (options.runtime() == RuntimeMode.EMBEDDED) {
            tasks.add(() -> reported("core", generateRuntime(), done));
        }
        for (ServiceSpec spec : specs) {
            tasks.add(() -> reported(spec.service() + " " + spec.version(), generateService(spec), done));
        }
        List<GeneratedSource> all = new ArrayList<>();
        for (List<GeneratedSource> sources : ParallelTasks.run(tasks, threads)) {
            all.addAll(sources);
        }
        all.sort(Comparator.comparing(GeneratedSource::relativePath));
        return List.copyOf(all);
    }

    /** The sources of the embedded runtime ({@code <basePackage>.core}), whatever the options say, sorted by path. */
    public List<GeneratedSource> generateRuntime() {
        JavaPoetInit.ensureInitialized();
        return new RuntimeEmbedder(RuntimeMode.EMBEDDED.runtimePackage(options.basePackage()), files).embed();
    }

    /**
     * The sources of one service version, without the runtime and without applying the options' includes.
     * Safe to call from several threads at once.
     *
     * @param spec a loaded and validated spec
     * @return the sources, sorted by path
     */
    public List<GeneratedSource> generateService(ServiceSpec spec) {
        JavaPoetInit.ensureInitialized();
        ServiceModel model = ModelBuilder.build(spec, options.basePackage(), options.runtimePackage());
        return render(new ServiceEmitter(model, files).emitAll());
    }

    private static List<GeneratedSource> reported(String name, List<GeneratedSource> sources,
            BiConsumer<String, Integer> done) {
        done.accept(name, sources.size());
        return sources;
    }

    private static List<GeneratedSource> render(List<JavaFile> javaFiles) {
        return javaFiles.stream()
                .map(GeneratedSource::of)
                .sorted(Comparator.comparing(GeneratedSource::relativePath))
                .toList();
    }

    /** Two specs of the same service version would write the same package twice. */
    private static void checkDistinct(List<ServiceSpec> specs) throws SpecException {
        Map<String, ServiceSpec> seen = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (ServiceSpec spec : specs) {
            ServiceSpec earlier = seen.putIfAbsent(spec.service() + " " + spec.version(), spec);
            if (earlier != null) {
                problems.add(new Problem(new Location(spec.file(), 1, 1), "/service",
                        "service " + spec.service() + " version " + spec.version() + " is also described by "
                                + earlier.file() + "; generate each service version from one spec"));
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
    }
}
