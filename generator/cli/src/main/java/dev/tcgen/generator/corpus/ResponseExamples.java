package dev.tcgen.generator.corpus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.RuntimeMode;
import dev.tcgen.generator.importer.ExampleText;
import dev.tcgen.generator.model.ActionModel;
import dev.tcgen.generator.model.MemberModel;
import dev.tcgen.generator.model.ModelBuilder;
import dev.tcgen.generator.model.Naming;
import dev.tcgen.generator.model.ScalarKind;
import dev.tcgen.generator.model.ServiceModel;
import dev.tcgen.generator.model.StructureModel;
import dev.tcgen.generator.model.TypeModel;
import dev.tcgen.generator.spec.ServiceSpec;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.spec.SpecSource;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs every documented response example of the corpus through its generated response class, after a corpus run
 * compiled them: each example answer ({@code {"Response": {...}}} without an {@code Error}) is read as the fake client
 * reads it ({@code FakeCalls.example}, the class's {@code readJson}), written back with {@code writeJson}, and compared
 * with the example. It fails where reading throws, where a value read is written back as another JSON value (an exact
 * conversion, {@code "123"} for {@code 123}, counts as the same value), or where a value the example has for a member
 * the class knows is missing without a recorded problem. The recorded problems are counted by kind and by service.
 * An example that is JSON only when read leniently (raw control characters, trailing commas, comments) is read as the
 * importer reads it and the fake client embeds it: leniently, then as compact JSON.
 */
public final class ResponseExamples {

    /**
     * What the examples gave.
     *
     * @param read examples read through their response class
     * @param lenient how many of those were JSON only when read leniently
     * @param skipped examples not read, by why: not JSON (event streams, broken JSON), no {@code Response} object, an
     *     error answer, an action the spec lacks
     * @param problems recorded problems, all examples together
     * @param byKind recorded problems by kind ({@link #kind})
     * @param byService recorded problems by service version
     * @param failures every failure, one line each
     * @param time how long it took
     */
    public record Report(int read, int lenient, Map<String, Integer> skipped, int problems, Map<String, Integer> byKind,
            Map<String, Integer> byService, List<String> failures, Duration time) {}

    /** Reads numbers exactly, so that a comparison never rounds. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private final ClassLoader classes;
    private final String runtimePackage;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> byKind = new TreeMap<>();
    private final Map<String, Integer> byService = new TreeMap<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private int read;
    private int lenient;
    private int problems;

    private ResponseExamples(ClassLoader classes, String runtimePackage) {
        this.classes = classes;
        this.runtimePackage = runtimePackage;
    }

    /**
     * Runs the examples.
     *
     * @param corpus the corpus the run read ({@code api.json} files), for the folder of each service
     * @param out the corpus run's output: {@code specs/} and {@code classes/}
     * @param basePackage the base package the corpus was generated with
     * @param examples {@code all-services-examples-json.tgz}, or a directory of
     *     {@code <service>/<version>/examples.json}
     * @throws IOException if the examples or the specs cannot be read
     */
    public static Report run(Path corpus, Path out, String basePackage, Path examples) throws IOException {
        long start = System.nanoTime();
        Path root = CorpusArchive.unpacked(examples, out.resolve("examples"));
        String runtimePackage = new Generator.Options(basePackage, RuntimeMode.EMBEDDED).runtimePackage();
        Path classes = out.resolve("classes");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.resolve(CorpusRun.CORE).toUri().toURL(),
                classes.resolve(CorpusRun.SERVICES).toUri().toURL()}, ResponseExamples.class.getClassLoader());
                Stream<Path> specs = Files.list(out.resolve("specs"))) {
            ResponseExamples run = new ResponseExamples(loader, runtimePackage);
            Map<String, String> directories = directories(CorpusArchive.entries(corpus, out));
            for (Path spec : specs.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                run.service(spec, basePackage, root, directories);
            }
            return new Report(run.read, run.lenient, run.skipped, run.problems, run.byKind, run.byService, run.failures,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * The corpus folder ({@code <service>/<version>}) of each service version, by its {@code api.json}'s
     * {@code metadata}: {@code serviceShortName apiVersion}, as the spec names it ({@code autoscaling/v20180419} is
     * {@code as 2018-04-19}).
     */
    private static Map<String, String> directories(List<CorpusArchive.Entry> entries) throws IOException {
        Map<String, String> directories = new TreeMap<>();
        for (CorpusArchive.Entry entry : entries) {
            JsonNode metadata = JSON.readTree(entry.apiJson().toFile()).path("metadata");
            directories.put(metadata.path("serviceShortName").asText() + " " + metadata.path("apiVersion").asText(),
                    entry.id());
        }
        return directories;
    }

    private void service(Path specFile, String basePackage, Path root, Map<String, String> directories)
            throws IOException {
        ServiceSpec spec;
        try {
            spec = Generator.load(SpecSource.read(specFile));
        } catch (SpecException e) {
            failures.add(specFile.getFileName() + ": " + e.getMessage());
            return;
        }
        ServiceModel model = ModelBuilder.build(spec, basePackage, runtimePackage);
        String service = directories.getOrDefault(spec.service() + " " + spec.version(),
                spec.service() + "/" + Naming.versionPackage(spec.version()));
        Path file = root.resolve(service).resolve("examples.json");
        if (!Files.isRegularFile(file)) {
            return;
        }
        Map<String, ActionModel> actions = model.actions().stream()
                .collect(Collectors.toMap(ActionModel::wireName, a -> a));
        Map<String, StructureModel> structures = model.structures().stream()
                .collect(Collectors.toMap(s -> s.className().simpleName(), s -> s));
        JsonNode all = JSON.readTree(file.toFile()).path("actions");
        for (Map.Entry<String, JsonNode> entry : all.properties()) {
            for (JsonNode example : entry.getValue()) {
                example(service, actions.get(entry.getKey()), entry.getKey(), example.path("output").asText(""),
                        structures);
            }
        }
    }

    private void example(String service, ActionModel action, String actionName, String text,
            Map<String, StructureModel> structures) {
        JsonNode answer;
        String output = text;
        boolean strict = true;
        try {
            answer = JSON.readTree(text);
        } catch (IOException notStrictJson) {
            try {
                answer = ExampleText.readLeniently(text);
                output = JSON.writeValueAsString(answer);
                strict = false;
            } catch (IOException notJson) {
                skipped.merge("not JSON", 1, Integer::sum);
                return;
            }
        }
        JsonNode response = answer == null ? null : answer.get("Response");
        String skip = response == null || !response.isObject() ? "no Response object"
                : response.has("Error") ? "an error answer" : action == null ? "an action the spec lacks" : null;
        if (skip != null) {
            skipped.merge(skip, 1, Integer::sum);
            return;
        }
        read++;
        lenient += strict ? 0 : 1;
        String where = service + " " + actionName;
        try {
            Class<?> type = classes.loadClass(action.response().canonicalName());
            Object value = core("FakeCalls").getMethod("example", String.class, core("JsonReader$ObjectReader"),
                    String.class).invoke(null, actionName, reader(type), output);
            List<?> recorded = (List<?>) type.getMethod("problems").invoke(value);
            Set<String> paths = new HashSet<>();
            for (Object problem : recorded) {
                paths.add((String) problem.getClass().getMethod("path").invoke(problem));
                byKind.merge((String) problem.getClass().getMethod("kind").invoke(problem), 1, Integer::sum);
                byService.merge(service, 1, Integer::sum);
                problems++;
            }
            JsonNode written = JSON.readTree((String) core("Json").getMethod("text", Object.class,
                    core("JsonWriter$ObjectWriter")).invoke(null, value, writer(type)));
            List<String> differences = new ArrayList<>();
            compareObject("Response", response, written, action.output(), structures, paths, differences);
            differences.forEach(difference -> failures.add(where + ": " + difference));
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            failures.add(where + ": " + cause);
        }
    }

    /**
     * Compares the members of an object the class knows: each value written back must be the example's (or its
     * exact conversion); each value the example has must be written back, or recorded as a problem.
     */
    private static void compareObject(String path, JsonNode original, JsonNode written, List<MemberModel> members,
            Map<String, StructureModel> structures, Set<String> problems, List<String> differences) {
        for (MemberModel member : members) {
            String at = path + "." + member.wireName();
            JsonNode from = original.get(member.wireName());
            JsonNode back = written.get(member.wireName());
            if (from == null || from.isNull()) {
                if (back != null) {
                    differences.add(at + " is absent but written back as " + back);
                }
            } else if (back == null) {
                if (!problems.contains(at)) {
                    differences.add(at + " is " + kind(from) + " but left out without a problem");
                }
            } else if (problems.contains(at)) {
                differences.add(at + " has a problem but is written back as " + back);
            } else {
                compare(at, from, back, member.type(), structures, problems, differences);
            }
        }
    }

    private static void compare(String path, JsonNode original, JsonNode written, TypeModel type,
            Map<String, StructureModel> structures, Set<String> problems, List<String> differences) {
        if (type instanceof TypeModel.ListOf list) {
            List<JsonNode> kept = new ArrayList<>();
            for (int i = 0; i < original.size(); i++) {
                if (!problems.contains(path + "[" + i + "]")) {
                    kept.add(original.get(i));
                }
            }
            if (!original.isArray() || kept.size() != written.size()) {
                differences.add(path + " has " + kept.size() + " readable elements but " + written.size()
                        + " are written back");
                return;
            }
            for (int i = 0, j = 0; i < original.size(); i++) {
                if (!problems.contains(path + "[" + i + "]")) {
                    compare(path + "[" + i + "]", original.get(i), written.get(j++), list.element(), structures,
                            problems, differences);
                }
            }
        } else if (type instanceof TypeModel.StructureRef structure) {
            compareObject(path, original, written,
                    structures.get(structure.className().simpleName()).members(), structures, problems, differences);
        } else if (!sameScalar(original, written, ((TypeModel.Scalar) type).kind())) {
            differences.add(path + " is " + original + " but written back as " + written);
        }
    }

    /** Whether a scalar written back is the example's value, or its exact conversion to the declared type. */
    static boolean sameScalar(JsonNode original, JsonNode written, ScalarKind kind) {
        return switch (kind) {
            case BOOL -> written.isBoolean() && written.asText().equals(original.asText());
            case INT64, UINT64, FLOAT -> written.isNumber() && (original.isNumber() || original.isTextual())
                    && sameNumber(original.asText(), written.asText());
            default -> written.isTextual() && (original.isTextual() ? written.textValue().equals(original.textValue())
                    : original.isNumber() ? sameNumber(original.asText(), written.textValue())
                    : written.textValue().equals(original.asText()));
        };
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String kind(JsonNode node) {
        return node.isObject() ? "an object" : node.isArray() ? "an array" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private Class<?> core(String simpleName) throws ClassNotFoundException {
        return classes.loadClass(runtimePackage + "." + simpleName);
    }

    /** The class's package-private {@code readJson}, as the runtime's {@code ObjectReader}. */
    private Object reader(Class<?> type) throws ReflectiveOperationException {
        Class<?> reader = core("JsonReader$ObjectReader");
        Method readJson = type.getDeclaredMethod("readJson", core("JsonReader"));
        readJson.setAccessible(true);
        return Proxy.newProxyInstance(classes, new Class<?>[] {reader}, (proxy, method, args) -> call(readJson, null,
                args[0]));
    }

    /** The class's package-private {@code writeJson}, as the runtime's {@code ObjectWriter}. */
    private Object writer(Class<?> type) throws ReflectiveOperationException {
        Class<?> writer = core("JsonWriter$ObjectWriter");
        Method writeJson = type.getDeclaredMethod("writeJson", core("JsonWriter"));
        writeJson.setAccessible(true);
        return Proxy.newProxyInstance(classes, new Class<?>[] {writer}, (proxy, method, args) -> call(writeJson,
                args[0], args[1]));
    }

    /** Calls a method of the generated code, unwrapping what it throws. */
    private static Object call(Method method, Object target, Object... args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
