package dev.tcgen.generator.hardening;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.tcgen.generator.GeneratedSource;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.spec.Problem;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.spec.SpecSource;
import dev.tcgen.generator.testing.Codecs;
import dev.tcgen.generator.testing.GeneratedCode;
import dev.tcgen.generator.testing.GeneratedJavadoc;
import dev.tcgen.generator.testing.InMemoryClassLoader;
import dev.tcgen.generator.testing.Reflection;
import dev.tcgen.generator.testing.SpecFixtures;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that fight the generator: structures named like {@code java.lang}, {@code java.util}, Jackson and core types
 * or like the service's own classes, actions named like the client's methods, members named like the locals and
 * parameters of generated methods or like a package, wire names that collide after conversion, names that differ
 * only in case, and Windows device names. The code compiles, its Javadoc is clean, and the JSON keeps the wire names.
 */
class NamesTest {

    private static final String BASE = "dev.tcgen.client";
    private static final String LANG = BASE + ".lang.v20240101.";

    /** Simple names generated code uses from java.lang, java.util, java.net, Jackson and core. */
    private static final List<String> SHADOWING = List.of("Object", "String", "Class", "Record", "Override",
            "Throwable", "Long", "Boolean", "Double", "Integer", "Deprecated", "SuppressWarnings", "Exception",
            "RuntimeException", "IllegalStateException", "IllegalArgumentException", "AutoCloseable", "Math",
            "System", "Thread", "List", "Map", "Set", "Objects", "Optional", "Arrays", "Collectors", "Function",
            "StringJoiner", "ArrayList", "CompletableFuture", "URI", "Duration", "HttpClient", "ProxySelector",
            "SSLContext", "Generated", "JsonWriter", "JsonReader", "ReadProblem", "IOException",
            "JsonParser", "Json", "Credentials", "CredentialsProvider", "ApiTransport", "TencentCloudException",
            "ObjectWriter", "ObjectReader", "RetryPolicy", "RateLimitMode", "Scheduler");

    /** Structures named like the classes the service generates anyway. */
    private static final List<String> TAKEN = List.of("LangClient", "LangException", "LangErrorCode", "Region",
            "Builder", "GetRequest", "GetResponse");

    private static List<GeneratedSource> sources;
    private static Compilation compilation;
    private static ClassLoader loader;
    /** Compares JSON texts as trees. */
    private static final ObjectMapper TREES = new ObjectMapper();

    @BeforeAll
    static void generateAndCompile() throws Exception {
        sources = SpecFixtures.generateFrom(Generator.Options.of(BASE), List.of(
                new SpecSource("lang-2024-01-01.json", langSpec().getBytes(StandardCharsets.UTF_8))));
        compilation = GeneratedCode.javac().compile(SpecFixtures.javaFileObjects(sources));
    }

    private static Class<?> lang(String simpleName) throws Exception {
        if (loader == null) {
            loader = InMemoryClassLoader.of(compilation);
        }
        return loader.loadClass(LANG + simpleName);
    }

    /**
     * One structure per shadowing name, each with a uint64 member (so its Javadoc links {@code Long}) and a string;
     * the taken names; members named like locals, parameters and a package; colliding wire names; structures that
     * differ only in case and Windows device names; actions named like client methods; error codes and a region
     * named like the enums' lookup tables.
     */
    private static String langSpec() {
        List<String> structures = Stream.concat(SHADOWING.stream(), TAKEN.stream())
                .map(name -> "{\"name\": \"" + name + "\", \"members\": [{\"name\": \"Id\", \"type\": \"uint64\"}, "
                        + "{\"name\": \"Text\", \"type\": \"string\", \"description\": \"Some " + name + ".\"}]}")
                .collect(Collectors.toList());
        structures.add("""
                {"name": "Locals", "members": [
                  {"name": "Other", "type": "string"}, {"name": "That", "type": "string"},
                  {"name": "Joiner", "type": "string"}, {"name": "Missing", "type": "string"},
                  {"name": "Source", "type": "string"}, {"name": "Builder", "type": "string"},
                  {"name": "Java", "type": "String"}, {"name": "Javax", "type": "string"},
                  {"name": "Dev", "type": "string"}, {"name": "Com", "type": "string"},
                  {"name": "Transport", "type": "string"}, {"name": "Region", "type": "string"}]}""");
        structures.add("""
                {"name": "Wire", "members": [
                  {"name": "Foo_Bar", "type": "string"}, {"name": "FooBar", "type": "string"},
                  {"name": "URL", "type": "string"}, {"name": "Url", "type": "string"}, {"name": "url", "type": "string"},
                  {"name": "_url", "type": "string"}, {"name": "_", "type": "string"}, {"name": "__", "type": "string"},
                  {"name": "Value", "type": "string"}, {"name": "JAVA", "type": "string"},
                  {"name": "java", "type": "string"}]}""");
        for (String name : List.of("Foo", "FOO", "FOo", "FooModel", "Con", "AUX", "Nul", "Com1", "Lpt9", "Prn")) {
            structures.add("{\"name\": \"" + name + "\", \"members\": [{\"name\": \"Name\", \"type\": \"string\"}]}");
        }
        List<String> everyStructure = Stream.concat(Stream.concat(SHADOWING.stream(), TAKEN.stream()),
                        Stream.of("Locals", "Wire", "Foo", "FOO", "FOo", "FooModel", "Con", "AUX", "Nul", "Com1",
                                "Lpt9", "Prn"))
                .toList();
        String output = everyStructure.stream()
                .map(name -> "{\"name\": \"" + name + "_\", \"type\": \"" + name + "\"}")
                .collect(Collectors.joining(",\n"));
        String actions = Stream.of("Builder", "Close", "Transport", "Region", "ToString", "HashCode", "Java",
                        "UnsupportedRegion", "LangClient", "BuilderAction")
                .map(name -> "{\"name\": \"" + name + "\", \"input\": [], \"output\": [], \"regions\": [\"by-id\"]}")
                .collect(Collectors.joining(",\n"));
        return """
                {"service": "lang", "version": "2024-01-01",
                 "endpoints": {"china": "lang.tencentcloudapi.com", "international": "lang.intl.tencentcloudapi.com"},
                 "regions": [{"id": "ap-guangzhou"}, {"id": "by-id", "name": "Named like the lookup table"}],
                 "actions": [
                   {"name": "Get", "input": [
                      {"name": "Name", "type": "string", "required": true},
                      {"name": "Missing", "type": "string", "required": true},
                      {"name": "Joiner", "type": "string", "required": true},
                      {"name": "Other", "type": "String", "required": true}],
                    "output": [%s]},
                   %s],
                 "structures": [%s],
                 "errorCodes": [{"code": "By.Code", "description": "Named like the lookup table."},
                                {"code": "ByCode"}, {"code": "Unknown"}]}
                """.formatted(output, actions, String.join(",\n", structures));
    }

    @Test
    void theTreeCompilesWithoutWarnings() {
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void javadocPassesDoclintOutsideTheClient(@TempDir Path directory) throws Exception {
        List<String> problems = GeneratedJavadoc.problems(sources, directory).stream()
                .filter(problem -> !problem.contains("/LangClient.java:"))
                .toList();
        assertEquals(List.of(), problems);
    }

    @Test
    void theClientsJavadocPassesDoclint(@TempDir Path directory) throws Exception {
        assertEquals(List.of(), GeneratedJavadoc.problems(sources, directory));
    }

    @Test
    void structuresNamedLikeForeignTypesKeepTheirNamesAndForeignTypesAreQualified() throws Exception {
        for (String name : SHADOWING) {
            assertEquals(LANG + name, lang(name).getName());
        }
        String response = content("GetResponse");
        assertTrue(response.contains("private final java.lang.String requestId;"), response);
        assertTrue(response.contains("private final String string;"), response);
        assertTrue(response.contains("public boolean equals(java.lang.Object other)"), response);
        assertTrue(response.contains("@java.lang.Override"), response);
        assertFalse(response.contains("import java.lang."), response);
    }

    @Test
    void structuresNamedLikeGeneratedClassesAreRenamed() throws Exception {
        for (String name : TAKEN) {
            assertTrue(lang(name + "Model").getName().endsWith(".v20240101." + name + "Model"));
        }
        assertEquals(lang("LangClientModel"), accessor(lang("GetResponse"), "LangClient_").getReturnType());
        assertEquals(lang("Region"), lang("Region").getMethod("of", String.class).getReturnType());
    }

    @Test
    void noTwoFilesDifferOnlyInCaseAndNoneIsAWindowsDevice() {
        Set<String> lowerCase = new HashSet<>();
        for (GeneratedSource source : sources) {
            assertTrue(lowerCase.add(source.relativePath().toLowerCase(Locale.ROOT)), source.relativePath());
            String simpleName = source.relativePath().replaceAll(".*/|\\.java$", "");
            assertFalse(simpleName.matches("(?i)con|prn|aux|nul|com[0-9]|lpt[0-9]"), source.relativePath());
        }
    }

    @Test
    void structuresThatDifferOnlyInCaseGetDistinctClassesAndKeepTheirWireNames() throws Exception {
        Class<?> response = lang("GetResponse");
        assertEquals(LANG + "FOO", accessor(response, "FOO_").getReturnType().getName(), "first in wire order");
        assertEquals(LANG + "FOoModel2", accessor(response, "FOo_").getReturnType().getName(), "FooModel is taken");
        assertEquals(LANG + "FooModel3", accessor(response, "Foo_").getReturnType().getName());
        assertEquals(LANG + "FooModel", accessor(response, "FooModel_").getReturnType().getName());
        assertEquals(LANG + "ConModel", accessor(response, "Con_").getReturnType().getName());
        assertEquals(LANG + "AUXModel", accessor(response, "AUX_").getReturnType().getName());

        String json = "{\"Foo_\":{\"Name\":\"a\"},\"FOO_\":{\"Name\":\"b\"},\"FOo_\":{\"Name\":\"c\"},"
                + "\"FooModel_\":{\"Name\":\"d\"},\"Con_\":{\"Name\":\"e\"},\"Nul_\":{\"Name\":\"f\"}}";
        roundTrips(json, response);
    }

    @Test
    void wireNamesThatCollideAfterConversionStayExactOnTheWire() throws Exception {
        String json = "{\"Foo_Bar\":\"1\",\"FooBar\":\"2\",\"URL\":\"3\",\"Url\":\"4\",\"url\":\"5\",\"_url\":\"6\","
                + "\"_\":\"7\",\"__\":\"8\",\"Value\":\"9\",\"JAVA\":\"10\",\"java\":\"11\"}";
        Object wire = roundTrips(json, lang("Wire"));
        assertEquals("1", Reflection.call(wire, "fooBar"));
        assertEquals("2", Reflection.call(wire, "fooBar2"));
        assertEquals("3", Reflection.call(wire, "url"));
        assertEquals("10", Reflection.call(wire, "javaValue"));
        assertEquals(11, lang("Wire").getDeclaredFields().length);
    }

    @Test
    void membersNamedLikeLocalsAndParametersMeanTheirFields() throws Exception {
        Class<?> locals = lang("Locals");
        Object a = Codecs.read("{\"Other\":\"x\",\"That\":\"y\",\"Joiner\":\"j\"}", locals);
        Object b = Codecs.read("{\"Other\":\"x\",\"That\":\"z\",\"Joiner\":\"j\"}", locals);
        assertNotEquals(a, b, "equals compares the fields, not the parameter other or the binding that");
        assertEquals(a, Codecs.read("{\"Other\":\"x\",\"That\":\"y\",\"Joiner\":\"j\"}", locals));
        assertEquals("Locals{Other=x, That=y, Joiner=j}", a.toString());
        roundTrips("{\"Java\":{\"Text\":\"t\"},\"Javax\":\"x\",\"Dev\":\"d\",\"Com\":\"c\",\"Source\":\"s\","
                + "\"Builder\":\"b\",\"Transport\":\"t\",\"Region\":\"r\"}", locals);

        Object builder = Reflection.call(lang("GetRequest"), "builder");
        Reflection.call(builder, "name", "n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Reflection.call(builder, "build"));
        assertEquals("GetRequest is missing required members: Missing (missing), Joiner (joiner), Other (other)",
                e.getMessage());
    }

    @Test
    void actionsNamedLikeClientMethodsGetTheirOwnMethods() throws Exception {
        Class<?> client = lang("LangClient");
        Set<String> methods = Stream.of(client.getMethods()).map(m -> m.getName() + "(" + Stream.of(
                m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(",")) + ")")
                .collect(Collectors.toSet());
        for (String expected : List.of("builderAction(BuilderRequest)", "builderAction(BuilderActionRequest)",
                "close(CloseRequest)", "close()", "transport(TransportRequest)", "transport()",
                "region(RegionRequest)", "region()", "toStringAction(ToStringRequest)", "builder()",
                "javaAction(JavaRequest)", "langClient(LangClientRequest)",
                "unsupportedRegion(UnsupportedRegionRequest)")) {
            assertTrue(methods.contains(expected), expected + " in " + methods);
        }
    }

    @Test
    void enumConstantsNamedLikeTheLookupTablesAreRenamed() throws Exception {
        Class<?> codes = lang("LangErrorCode");
        assertEquals("BY_CODE2", ((Enum<?>) Reflection.call(codes, "fromCode", "By.Code")).name());
        assertEquals("BY_CODE3", ((Enum<?>) Reflection.call(codes, "fromCode", "ByCode")).name());
        assertEquals("UNKNOWN2", ((Enum<?>) Reflection.call(codes, "fromCode", "Unknown")).name());
        assertEquals("UNKNOWN", ((Enum<?>) Reflection.call(codes, "fromCode", "Nope")).name());
        Object byId = Reflection.constant(lang("Region"), "BY_ID_");
        assertSame(byId, Reflection.call(lang("Region"), "of", "by-id"));
    }

    @Test
    void actionsThatDifferOnlyInCaseAreRejectedWhereTheSecondIsNamed() {
        String spec = """
                {"service": "demo", "version": "2024-01-01",
                 "endpoints": {"china": "demo.tencentcloudapi.com", "international": "demo.intl.tencentcloudapi.com"},
                 "regions": [],
                 "actions": [
                   {"name": "GetURL", "input": [], "output": []},
                   {"name": "GetUrl", "input": [], "output": []}]}
                """;
        SpecException e = assertThrows(SpecException.class, () -> SpecFixtures.generateFrom(Generator.Options.of(BASE),
                List.of(new SpecSource("demo.json", spec.getBytes(StandardCharsets.UTF_8)))));
        assertEquals(1, e.problems().size(), e.getMessage());
        Problem problem = e.problems().get(0);
        assertEquals("demo.json:6:13", problem.location().toString());
        assertEquals("/actions/1/name", problem.pointer());
        assertEquals("action \"GetUrl\" differs from action \"GetURL\" (at demo.json:5:13) only in case; their classes "
                + "(GetUrlRequest.java, GetURLRequest.java) would be one file on file systems that ignore case, such "
                + "as those of macOS and Windows", problem.message());
    }

    private static Object roundTrips(String json, Class<?> type) throws Exception {
        Object value = Codecs.read(json, type);
        JsonNode written = TREES.readTree(Codecs.write(value));
        assertEquals(TREES.readTree(json), written);
        return value;
    }

    /** The accessor of the member with this wire name: the method named like the field its {@code writeJson} writes. */
    private static Method accessor(Class<?> type, String wireName) {
        Matcher write = Pattern.compile("out\\.write\\w*\\(\"" + Pattern.quote(wireName) + "\", this\\.(\\w+)")
                .matcher(content(type.getSimpleName()));
        String field = write.find() ? write.group(1) : "";
        return Stream.of(type.getMethods())
                .filter(m -> m.getParameterCount() == 0 && m.getName().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError(type + " has no accessor of " + wireName));
    }

    private static String content(String simpleName) {
        String path = LANG.replace('.', '/') + simpleName + ".java";
        return sources.stream().filter(s -> s.relativePath().equals(path)).findFirst().orElseThrow().content();
    }
}
