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
import dev.tcgen.generator.write.SourceWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The generator's one entry point: {@link #generate(GenerationRequest)} reads each spec, validates it, models it,
 * emits the Java files and, when the request says where, writes them. Output is a pure function of (specs, options,
 * generator version): sorted, without timestamps.
 *
 * <pre>{@code
 * GenerationResult result = Generator.generate(GenerationRequest
 *         .ofFiles(Generator.Options.of("dev.tcgen.client"), List.of(Path.of("trtc-2019-07-22.json")))
 *         .writingTo(Path.of("target/generated-sources/tcgen")));
 * }</pre>
 */
public final class Generator {

    static {
        // Before anything is generated, in whichever thread comes first: JavaPoet's classes are initialised once,
        // here, so that threads generating at the same time (mvn -T, an IDE) never race in their initialisers
        // (square/javapoet#799).
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
     * @param generatorVersion the version written into {@code @Generated} and the User-Agent; tests pin it
     */
    public record Options(String basePackage, RuntimeMode runtime, List<String> includes, String generatorVersion) {

        private static final Pattern INCLUDE = Pattern.compile("[a-z0-9*]+(:[A-Za-z0-9*]+)?");

        public Options {
            if (!PACKAGE.matcher(basePackage).matches()) {
                throw new IllegalArgumentException("invalid base package \"" + basePackage
                        + "\"; expected lower-case dot-separated Java identifiers, e.g. dev.tcgen.client");
            }
            Objects.requireNonNull(runtime, "runtime");
            Objects.requireNonNull(generatorVersion, "generatorVersion");
            includes = List.copyOf(includes);
            for (String include : includes) {
                if (!INCLUDE.matcher(include).matches()) {
                    throw new IllegalArgumentException("invalid include \"" + include
                            + "\"; expected a service or service:Action, with * as a wildcard, e.g. trtc:*CdnStream");
                }
            }
        }

        /** Options generating the given services and actions with this generator's version. */
        public Options(String basePackage, RuntimeMode runtime, List<String> includes) {
            this(basePackage, runtime, includes, GeneratorVersion.get());
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

    private Generator() {}

    /**
     * Generates the request's specs and writes them where it says.
     *
     * @return the sources, sorted by path, and what writing them changed
     * @throws SpecException listing every problem in every spec; nothing is generated or written then
     * @throws IllegalArgumentException if an {@code includes} entry matches no action
     * @throws IOException if the output cannot be written
     */
    public static GenerationResult generate(GenerationRequest request) throws SpecException, IOException {
        List<ServiceSpec> loaded = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (SpecSource source : request.specs()) {
            try {
                loaded.add(load(source));
            } catch (SpecException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        List<GeneratedSource> sources = generate(loaded, request);
        Optional<SourceWriter.Result> written = Optional.empty();
        if (request.output().isPresent()) {
            GenerationRequest.Output output = request.output().get();
            written = Optional.of(SourceWriter.write(output.directory(), sources, output.manifest()));
        }
        return new GenerationResult(sources, written);
    }

    /**
     * Reads and validates one spec, without generating: for tools that compare or inspect specs.
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
     * One task per service version (and one for an embedded runtime) models the service, on the request's threads;
     * then the services' files are emitted and rendered to text, one task a file, so that a service much larger than
     * the others (or the only one) still keeps every thread busy. Each service is reported once its last file is
     * rendered.
     */
    private static List<GeneratedSource> generate(List<ServiceSpec> loaded, GenerationRequest request)
            throws SpecException {
        Options options = request.options();
        SpecFilter filter = new SpecFilter(options.includes());
        filter.checkEveryPatternMatches(loaded);
        List<ServiceSpec> specs = loaded.stream().map(filter::apply).flatMap(Optional::stream).toList();
        checkDistinct(specs);
        List<Supplier<Emitted>> emitting = new ArrayList<>();
        if (options.runtime() == RuntimeMode.EMBEDDED) {
            emitting.add(() -> new Emitted("core", reported("core", runtimeSources(options), request), List.of()));
        }
        for (ServiceSpec spec : specs) {
            emitting.add(() -> new Emitted(spec.service() + " " + spec.version(), List.of(),
                    serviceFiles(spec, options)));
        }
        List<GeneratedSource> all = new ArrayList<>();
        List<Supplier<GeneratedSource>> rendering = new ArrayList<>();
        for (Emitted emitted : ParallelTasks.run(emitting, request.threads())) {
            all.addAll(emitted.rendered());
            AtomicInteger left = new AtomicInteger(emitted.files().size());
            for (Supplier<JavaFile> file : emitted.files()) {
                rendering.add(() -> {
                    GeneratedSource source = GeneratedSource.of(file.get());
                    if (left.decrementAndGet() == 0) {
                        request.progress().accept(emitted.name(), emitted.files().size());
                    }
                    return source;
                });
            }
        }
        all.addAll(ParallelTasks.run(rendering, request.threads()));
        all.sort(Comparator.comparing(GeneratedSource::relativePath));
        return List.copyOf(all);
    }

    /**
     * What one task of {@link #generate} made: the runtime's files, already text, or a service's, still to emit.
     *
     * @param name the service version, e.g. {@code trtc 2019-07-22}, or {@code core}
     */
    private record Emitted(String name, List<GeneratedSource> rendered, List<Supplier<JavaFile>> files) {}

    /**
     * The files of the embedded runtime under {@code options}' base package (none if the runtime is a dependency):
     * what {@link #generate} adds beside the services. For bulk runs that generate many services one at a time
     * ({@link #serviceSources}) and the runtime once.
     */
    public static List<GeneratedSource> runtimeSources(Options options) {
        if (options.runtime() != RuntimeMode.EMBEDDED) {
            return List.of();
        }
        return new RuntimeEmbedder(options.runtimePackage(), new GeneratedFiles(options.generatorVersion())).embed();
    }

    /**
     * The files of one service version's package, without the runtime, rendered in the calling thread, sorted by
     * path: for bulk runs that have read and validated the spec already (as {@link #load} or the importer do) and
     * generate the runtime once ({@link #runtimeSources}). The options' includes apply, but an include that matches
     * nothing here is not an error (it may match another service of the run).
     *
     * @param spec a spec that {@link #load} would return: read and validated
     */
    public static List<GeneratedSource> serviceSources(ServiceSpec spec, Options options) {
        return new SpecFilter(options.includes()).apply(spec)
                .map(filtered -> serviceFiles(filtered, options).stream().map(file -> GeneratedSource.of(file.get()))
                        .sorted(Comparator.comparing(GeneratedSource::relativePath)).toList())
                .orElse(List.of());
    }

    private static List<Supplier<JavaFile>> serviceFiles(ServiceSpec spec, Options options) {
        JavaPoetInit.ensureInitialized();
        ServiceModel model = ModelBuilder.build(spec, options.basePackage(), options.runtimePackage());
        return new ServiceEmitter(model, new GeneratedFiles(options.generatorVersion())).files();
    }

    private static List<GeneratedSource> reported(String name, List<GeneratedSource> sources,
            GenerationRequest request) {
        request.progress().accept(name, sources.size());
        return sources;
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
