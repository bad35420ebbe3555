package dev.tcgen.generator;

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
import dev.tcgen.generator.testing.GeneratedCode;
import dev.tcgen.generator.testing.GeneratedJavadoc;
import dev.tcgen.generator.testing.InMemoryClassLoader;
import dev.tcgen.generator.testing.JavaSourceText;
import dev.tcgen.generator.testing.Reflection;
import dev.tcgen.generator.testing.SpecFixtures;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kitchen-sink spec (every type, keyword and collision of Tencent's real specs, and hostile documentation) and a
 * service without regions, generated together: the tree compiles without a warning, passes doclint, keeps every
 * comment closed, and the classes behave on the wire.
 */
class KitchenSinkTest {

    private static final String BASE = "dev.tcgen.client";
    private static final String CORE = BASE + ".core.";
    private static final String KITCHEN = BASE + ".kitchen.v20240506.";
    private static final String REGIONLESS = BASE + ".regionless.v20210101.";
    private static final String UINT64_MAX = "18446744073709551615";

    /** Words of the hostile descriptions that would show in code if a comment or literal were broken open. */
    private static final List<String> INJECTED = List.of("injectedMethod", "injected", "Injected", "alert(1)",
            "<script>", "中文", "无", "😀", "para", "Markdown");

    private static List<GeneratedSource> sources;
    private static Compilation compilation;
    private static InMemoryClassLoader loader;
    private static ObjectMapper mapper;

    @BeforeAll
    static void generateAndCompile() throws Exception {
        sources = SpecFixtures.generate(Generator.Options.of(BASE), List.of(
                SpecFixtures.spec("kitchen-sink.json"), SpecFixtures.spec("no-regions.json")));
        compilation = GeneratedCode.javac().compile(SpecFixtures.javaFileObjects(sources));
    }

    private static ClassLoader loader() throws Exception {
        if (loader == null) {
            loader = InMemoryClassLoader.of(compilation);
            mapper = (ObjectMapper) Reflection.call(loader.loadClass(CORE + "Json"), "mapper");
        }
        return loader;
    }

    private static Class<?> kitchen(String simpleName) throws Exception {
        return loader().loadClass(KITCHEN + simpleName);
    }

    private static ObjectMapper mapper() throws Exception {
        loader();
        return mapper;
    }

    // ---- compiling and documenting ----

    @Test
    void theWholeTreeCompilesWithoutWarnings() {
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void theTreeHasTheExpectedFiles() {
        List<String> kitchen = filesIn(KITCHEN);
        assertEquals(List.of("Alpha.java", "Beta.java", "CreateSessionRequest.java", "CreateSessionResponse.java",
                "DefaultKitchenClient.java", "DescribeEverythingRequest.java", "DescribeEverythingResponse.java", "Empty.java", "Everything.java",
                "FakeKitchenClient.java", "Keywords.java", "KitchenClient.java", "KitchenErrorCode.java", "KitchenException.java",
                "LegacyThingRequest.java", "LegacyThingResponse.java", "Node.java", "Obsolete.java",
                "PingRequest.java", "PingResponse.java", "Region.java", "RegionModel.java", "Secret.java"), kitchen);
        assertEquals(List.of("DefaultRegionlessClient.java", "FakeRegionlessClient.java", "GetStatusRequest.java",
                "GetStatusResponse.java", "Region.java",
                "RegionlessClient.java", "RegionlessErrorCode.java", "RegionlessException.java"), filesIn(REGIONLESS));
        assertEquals(1, sources.stream().filter(s -> s.relativePath().endsWith("/core/Json.java")).count());
    }

    @Test
    void javadocPassesDoclint(@TempDir Path directory) throws Exception {
        assertEquals(List.of(), GeneratedJavadoc.problems(sources, directory));
    }

    // ---- the documentation text stays documentation ----

    @Test
    void specTextNeverLeavesItsCommentOrLiteral() {
        for (GeneratedSource source : sources) {
            JavaSourceText text = JavaSourceText.of(source.content());
            for (String word : INJECTED) {
                assertFalse(text.code().contains(word), source.relativePath() + " has \"" + word + "\" outside "
                        + "comments and literals:\n" + source.content());
            }
        }
    }

    @Test
    void commentsHoldNoRawUnicodeEscapeAndNoInjectedTag() {
        for (GeneratedSource source : sources) {
            JavaSourceText text = JavaSourceText.of(source.content());
            for (String comment : text.comments()) {
                assertFalse(comment.contains("\\u"), source.relativePath() + " comment: " + comment);
                for (String injected : List.of("{@code injected}", "@param injected", "@deprecated not really",
                        "@return nothing", "{@link Injected}", "<script>", "\u0007")) {
                    assertFalse(comment.contains(injected), source.relativePath() + " comment has \"" + injected
                            + "\": " + comment);
                }
            }
            assertEquals(List.of(), JavaSourceText.unicodeEscapes(text.code()), source.relativePath());
            for (String literal : text.literals()) {
                for (char c : JavaSourceText.unicodeEscapes(literal)) {
                    assertFalse(c == '\n' || c == '\r' || c == '"' || c == '\\',
                            source.relativePath() + " literal \"" + literal + "\" has an escape of " + (int) c);
                }
            }
        }
    }

    @Test
    void hostileTextArrivesEscapedInTheDocsAndItsSafeHtmlAsHtml() {
        String client = content(KITCHEN, "KitchenClient");
        List<String> comments = JavaSourceText.of(client).comments();
        String describe = comments.stream().filter(c -> c.contains("Describes everything.")).findFirst()
                .orElseThrow(() -> new AssertionError(client));
        for (String escaped : List.of("*&#47; public static void injectedMethod() {} /*",
                "{&#64;code injected} &#64;param injected $L $$ $S $T $N $ &#92; back&#92;slash",
                "C:&#92;dir&#92;u000a &#92;u002a/", "&lt;script&gt;alert(1)&lt;/script&gt;",
                "<p>para</p> line<br>break <br>", "[a Markdown link](https://example.com/a*&#47;b)",
                "中文描述：获取所有信息。 emoji 😀🚀 bell tab here.", "Split *&#47; splitInjected(); *&#47; /*.",
                "&#64;deprecated not really",
                "End with a star *")) {
            assertTrue(describe.contains(escaped), "missing " + escaped + " in\n" + describe);
        }
        String request = content(KITCHEN, "DescribeEverythingRequest");
        assertTrue(request.contains("Example: <code>无</code>."), request);
        assertTrue(request.contains("Example: <code>aGVsbG8=*&#47;</code>."), request);
    }

    @Test
    void hostileTextSurvivesExactlyInStringLiterals() throws Exception {
        Class<?> codes = kitchen("KitchenErrorCode");
        Object notFound = Reflection.call(codes, "fromCode", "ResourceNotFound");
        assertEquals("Not found */ \\u000a $S \"quoted\" \u0007 <b>.", Reflection.call(notFound, "description"));
        Object region = Reflection.constant(kitchen("Region"), "AP_GUANGZHOU");
        assertEquals("South China (Guangzhou) */ $L <b>", Reflection.call(region, "displayName"));
    }

    // ---- names ----

    @Test
    void errorCodesMapToConstants() throws Exception {
        Class<?> codes = kitchen("KitchenErrorCode");
        Object unRealName = Reflection.call(codes, "fromCode", "AuthFailure.UnRealNameAuthenticated");
        assertEquals("AUTH_FAILURE_UN_REAL_NAME_AUTHENTICATED", ((Enum<?>) unRealName).name());
        assertEquals(false, Reflection.call(unRealName, "isCommon"));
        assertEquals(true, Reflection.call(Reflection.call(codes, "fromCode", "AuthFailure"), "isCommon"));
        assertEquals("UNKNOWN", ((Enum<?>) Reflection.call(codes, "fromCode", "AuthFailure.Nope")).name());
    }

    @Test
    void theRegionStructureIsRenamedAndTheRegionClassKeepsItsName() throws Exception {
        assertEquals(kitchen("Region"), kitchen("KitchenClient").getMethod("region").getReturnType());
        Class<?> structure = kitchen("RegionModel");
        assertEquals(structure, kitchen("DescribeEverythingResponse").getMethod("region").getReturnType());
        Object parsed = mapper().readValue("{\"RegionId\":\"ap-guangzhou\",\"Name\":\"Guangzhou\"}", structure);
        assertEquals("ap-guangzhou", Reflection.call(parsed, "regionId"));
    }

    @Test
    void deprecationIsMarked() throws Exception {
        Class<?> client = kitchen("KitchenClient");
        assertTrue(method(client, "legacyThing").isAnnotationPresent(Deprecated.class));
        assertFalse(method(client, "describeEverything").isAnnotationPresent(Deprecated.class));
        assertTrue(kitchen("LegacyThingRequest").isAnnotationPresent(Deprecated.class));
        assertTrue(kitchen("LegacyThingRequest").getMethod("oldId").isAnnotationPresent(Deprecated.class));
        assertFalse(kitchen("LegacyThingRequest").getMethod("newId").isAnnotationPresent(Deprecated.class));
        assertTrue(kitchen("Keywords").getMethod("legacy").isAnnotationPresent(Deprecated.class));
    }

    // ---- on the wire ----

    @Test
    void wireNamesAreExact() throws Exception {
        String json = "{\"Switch\":true,\"Default\":\"d\",\"Enum\":\"e\",\"Native\":false,\"Record\":\"r\",\"For\":\"f\","
                + "\"Class\":\"c\",\"Extends\":\"x\",\"Runid\":\"a\",\"RunId\":\"b\",\"Foo_Bar\":\"u\",\"FooBar\":\"v\","
                + "\"Legacy\":\"l\"}";
        Object keywords = mapper().readValue(json, kitchen("Keywords"));

        assertEquals(true, Reflection.call(keywords, "switchValue"));
        assertEquals("d", Reflection.call(keywords, "defaultValue"));
        assertEquals("e", Reflection.call(keywords, "enumValue"));
        assertEquals(false, Reflection.call(keywords, "nativeValue"));
        assertEquals("r", Reflection.call(keywords, "record"));
        assertEquals("f", Reflection.call(keywords, "forValue"));
        assertEquals("c", Reflection.call(keywords, "classValue"));
        assertEquals("x", Reflection.call(keywords, "extendsValue"));
        assertEquals("a", Reflection.call(keywords, "runid"));
        assertEquals("b", Reflection.call(keywords, "runId"));
        assertEquals("u", Reflection.call(keywords, "fooBar"));
        assertEquals("v", Reflection.call(keywords, "fooBar2"));
        String written = mapper().writeValueAsString(keywords);
        assertEquals(mapper().readTree(json), mapper().readTree(written));
        assertTrue(written.contains("\"Switch\":true"), written);
    }

    @Test
    void absentMembersAreLeftOutOfTheJson() throws Exception {
        Object builder = Reflection.call(kitchen("Keywords"), "builder");
        Reflection.call(builder, "switchValue", false);
        assertEquals("{\"Switch\":false}", mapper().writeValueAsString(Reflection.call(builder, "build")));
    }

    @Test
    void aSelfReferencingStructureRoundTripsAThreeLevelTree() throws Exception {
        String json = "{\"Label\":\"root\",\"Children\":[{\"Label\":\"a\",\"Children\":[{\"Label\":\"a1\","
                + "\"Children\":[]}]},{\"Label\":\"b\"}]}";
        Object root = mapper().readValue(json, kitchen("Node"));

        Object a = ((List<?>) Reflection.call(root, "children")).get(0);
        Object a1 = ((List<?>) Reflection.call(a, "children")).get(0);
        assertEquals("a1", Reflection.call(a1, "label"));
        assertEquals(List.of(), Reflection.call(a1, "children"));
        assertEquals(kitchen("Node"), a1.getClass());
        assertEquals(mapper().readTree(json), mapper().readTree(mapper().writeValueAsString(root)));
        assertEquals(root, mapper().readValue(json, kitchen("Node")));
    }

    @Test
    void aCycleThroughTwoStructuresRoundTrips() throws Exception {
        String json = "{\"Name\":\"outer\",\"Beta\":{\"Alpha\":{\"Name\":\"inner\"},\"Alphas\":[{\"Name\":\"x\","
                + "\"Beta\":{}}]}}";
        Object alpha = mapper().readValue(json, kitchen("Alpha"));

        Object beta = Reflection.call(alpha, "beta");
        assertEquals("inner", Reflection.call(Reflection.call(beta, "alpha"), "name"));
        assertEquals(mapper().readTree(json), mapper().readTree(mapper().writeValueAsString(alpha)));
    }

    @Test
    void uint64ValuesAboveLongMaxValueTravelAsUnsignedNumbers() throws Exception {
        String json = "{\"Uint\":" + UINT64_MAX + ",\"Uints\":[" + UINT64_MAX + ",9223372036854775808,0,1]}";
        Object everything = mapper().readValue(json, kitchen("Everything"));

        assertEquals(-1L, Reflection.call(everything, "uint"));
        assertEquals(List.of(-1L, Long.MIN_VALUE, 0L, 1L), Reflection.call(everything, "uints"));
        String written = mapper().writeValueAsString(everything);
        assertEquals(mapper().readTree(json), mapper().readTree(written));
        assertTrue(written.contains("[" + UINT64_MAX + ",9223372036854775808,0,1]"), written);

        Object builder = Reflection.call(kitchen("DescribeEverythingRequest"), "builder");
        Reflection.call(builder, "name", "n");
        Reflection.call(builder, "uint", Long.MIN_VALUE);
        Reflection.call(builder, "ids", List.of(-1L, -2L));
        JsonNode request = mapper().readTree(mapper().writeValueAsString(Reflection.call(builder, "build")));
        assertEquals("9223372036854775808", request.get("Uint").asText());
        assertEquals(UINT64_MAX, request.get("Ids").get(0).asText());
        assertEquals("18446744073709551614", request.get("Ids").get(1).asText());
    }

    @Test
    void everyScalarTypeRoundTripsAsSent() throws Exception {
        String json = "{\"Str\":\"s\",\"Int\":-9223372036854775808,\"Uint\":1,\"Float\":0.1,\"Bool\":true,"
                + "\"Date\":\"2024-01-31\",\"DateTime\":\"0000-00-00 00:00:00\",\"DateTimeIso\":\"\","
                + "\"Binary\":\"aGVsbG8=\",\"Strs\":[\"a\"],\"Ints\":[1],\"Floats\":[1.5],\"Bools\":[false],"
                + "\"Dates\":[\"2024-02-30\"],\"DateTimes\":[\"x\"],\"DateTimeIsos\":[\"2024-01-31T23:59:59Z\"],"
                + "\"Binaries\":[\"AA==\"]}";
        Object everything = mapper().readValue(json, kitchen("Everything"));

        assertEquals(Long.MIN_VALUE, Reflection.call(everything, "intValue"));
        assertEquals(0.1, Reflection.call(everything, "floatValue"));
        assertEquals("0000-00-00 00:00:00", Reflection.call(everything, "dateTime"));
        assertEquals(mapper().readTree(json), mapper().readTree(mapper().writeValueAsString(everything)));
    }

    @Test
    void listsAreImmutableAndTheBuilderCopiesThem() throws Exception {
        List<String> names = new ArrayList<>(List.of("a", "b"));
        Object builder = Reflection.call(kitchen("Everything"), "builder");
        Reflection.call(builder, "strs", names);
        Object built = Reflection.call(builder, "build");
        names.add("c");

        @SuppressWarnings("unchecked")
        List<String> strs = (List<String>) Reflection.call(built, "strs");
        assertEquals(List.of("a", "b"), strs);
        assertThrows(UnsupportedOperationException.class, () -> strs.add("d"));

        @SuppressWarnings("unchecked")
        List<Object> parsed = (List<Object>) Reflection.call(
                mapper().readValue("{\"Strs\":[\"x\"]}", kitchen("Everything")), "strs");
        assertThrows(UnsupportedOperationException.class, () -> parsed.add("y"));
        @SuppressWarnings("unchecked")
        List<Object> children = (List<Object>) Reflection.call(
                mapper().readValue("{\"Children\":[{}]}", kitchen("Node")), "children");
        assertThrows(UnsupportedOperationException.class, () -> children.remove(0));
    }

    @Test
    void toStringMasksSecrets() throws Exception {
        Object builder = Reflection.call(kitchen("Secret"), "builder");
        Reflection.call(builder, "user", "bob");
        Reflection.call(builder, "password", "hunter2");
        Reflection.call(builder, "userSig", "eJyrVkrOzFOyUkpJTc7PS8nMS1WqBQA3KwXm");
        String text = Reflection.call(builder, "build").toString();

        assertEquals("Secret{User=bob, Password=****, UserSig=****}", text);
        Object request = Reflection.call(kitchen("CreateSessionRequest"), "builder");
        Reflection.call(request, "password", "hunter2");
        Reflection.call(request, "userSig", "sig-secret");
        String requestText = Reflection.call(request, "build").toString();
        assertFalse(requestText.contains("hunter2") || requestText.contains("sig-secret"), requestText);
        assertTrue(requestText.contains("Password=****"), requestText);
    }

    @Test
    void buildNamesEveryMissingRequiredMember() throws Exception {
        Object builder = Reflection.call(kitchen("CreateSessionRequest"), "builder");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Reflection.call(builder, "build"));
        assertTrue(e.getMessage().contains("Password (password)") && e.getMessage().contains("UserSig (userSig)"),
                e.getMessage());
    }

    @Test
    void membersOfEmptyClassesCompareByType() throws Exception {
        Object empty = Reflection.call(Reflection.call(kitchen("Empty"), "builder"), "build");
        Object other = mapper().readValue("{\"Unknown\":1}", kitchen("Empty"));
        assertEquals(empty, other);
        assertEquals("{}", mapper().writeValueAsString(empty));
        assertNotEquals(empty, Reflection.call(Reflection.call(kitchen("PingRequest"), "builder"), "build"));
    }

    // ---- regions ----

    @Test
    void anActionWithRegionsRejectsAnotherRegionBeforeSending() throws Exception {
        Object client = Reflection.call(kitchenBuilder(Reflection.constant(kitchen("Region"), "NA_ASHBURN")), "build");
        Object request = Reflection.call(kitchen("CreateSessionRequest"), "builder");
        Reflection.call(request, "password", "p");
        Reflection.call(request, "userSig", "s");
        Object built = Reflection.call(request, "build");
        try {
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> Reflection.call(client, "createSession", built));
            assertEquals(kitchen("KitchenException"), e.getClass());
            assertEquals("ClientError.UnsupportedRegion", Reflection.call(e, "code"));
            assertTrue(e.getMessage().contains("CreateSession supports ap-guangzhou, ap-singapore"), e.getMessage());
        } finally {
            ((AutoCloseable) client).close();
        }
    }

    @Test
    void aRegionIsAConstantOrAnyIdOfTheRightForm() throws Exception {
        Class<?> region = kitchen("Region");
        Object guangzhou = Reflection.constant(region, "AP_GUANGZHOU");
        assertSame(guangzhou, Reflection.call(region, "of", "ap-guangzhou"));
        assertEquals(List.of(guangzhou, Reflection.constant(region, "AP_SINGAPORE"),
                Reflection.constant(region, "NA_ASHBURN")), Reflection.call(region, "values"));

        Object jakarta = Reflection.call(region, "of", "ap-jakarta");
        assertEquals("ap-jakarta", Reflection.call(jakarta, "id"));
        assertEquals("ap-jakarta", Reflection.call(jakarta, "displayName"));
        assertEquals("ap-jakarta", jakarta.toString());
        assertEquals(jakarta, Reflection.call(region, "of", "ap-jakarta"));
        assertEquals(jakarta.hashCode(), Reflection.call(region, "of", "ap-jakarta").hashCode());
        assertNotEquals(jakarta, guangzhou);
        assertFalse(((List<?>) Reflection.call(region, "values")).contains(jakarta));

        for (String bad : List.of("AP-GUANGZHOU", "guangzhou", "ap_guangzhou", "ap-", "-ap", "ap guangzhou", "")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Reflection.call(region, "of", bad));
            assertEquals("not a region id: \"" + bad + "\"; expected lower-case words and digits joined by hyphens, "
                    + "e.g. ap-guangzhou", e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> Reflection.call(region, "of", (Object) null));
    }

    @Test
    void theRegionalEndpointIsTheBuildersRegionsUnlessAnotherEndpointComesLater() throws Exception {
        Object builder = kitchenBuilder(Reflection.call(kitchen("Region"), "of", "ap-shenzhen-fsi"));
        Reflection.call(builder, "regionalEndpoint");
        assertEquals(URI.create("https://kitchen.ap-shenzhen-fsi.tencentcloudapi.com/"), endpoint(builder));
        Reflection.call(builder, "internationalEndpoint");
        assertEquals(URI.create("https://kitchen.intl.tencentcloudapi.com/"), endpoint(builder));
    }

    @Test
    void withRegionMakesAClientInAnotherRegionOnTheSameTransport() throws Exception {
        Object client = Reflection.call(kitchenBuilder(Reflection.constant(kitchen("Region"), "AP_GUANGZHOU")),
                "build");
        try {
            Object jakarta = Reflection.call(kitchen("Region"), "of", "ap-jakarta");
            Object inJakarta = Reflection.call(client, "withRegion", jakarta);
            assertEquals(jakarta, Reflection.call(inJakarta, "region"));
            assertSame(Reflection.call(client, "transport"), Reflection.call(inJakarta, "transport"));
            assertEquals(Reflection.constant(kitchen("Region"), "AP_GUANGZHOU"), Reflection.call(client, "region"));
        } finally {
            ((AutoCloseable) client).close();
        }
    }

    @Test
    void aServiceWithoutRegionsTakesAnyRegionButNeedsNone() throws Exception {
        Class<?> region = loader().loadClass(REGIONLESS + "Region");
        assertEquals(List.of(), Reflection.call(region, "values"));
        Class<?> client = loader().loadClass(REGIONLESS + "RegionlessClient");
        Object builder = Reflection.call(client, "builder");
        assertTrue(Arrays.stream(builder.getClass().getMethods()).noneMatch(m -> m.getName().equals("checkRegions")),
                "no action lists regions, so there is nothing to check");
        Object withoutRegion = Reflection.call(builder, "build");
        try {
            assertEquals(null, Reflection.call(withoutRegion, "region"));
        } finally {
            ((AutoCloseable) withoutRegion).close();
        }
        Reflection.call(builder, "regionalEndpoint");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Reflection.call(builder, "build"));
        assertEquals("regionalEndpoint() needs a region: call region(...) on the RegionlessClient builder with a "
                + "Region constant or Region.of(\"ap-guangzhou\")", e.getMessage());
        Reflection.call(builder, "region", Reflection.call(region, "of", "eu-frankfurt"));
        assertEquals(URI.create("https://regionless.eu-frankfurt.tencentcloudapi.com/"), endpoint(builder));
    }

    /** A kitchen client builder with test credentials and a region. */
    private static Object kitchenBuilder(Object region) throws Exception {
        Object credentials = Reflection.call(loader().loadClass(CORE + "Credentials"), "of", "AKIDtest", "secret");
        Object builder = Reflection.call(kitchen("KitchenClient"), "builder");
        Reflection.call(builder, "credentials", credentials);
        return Reflection.call(builder, "region", region);
    }

    /** The endpoint of the client a builder builds. */
    private static URI endpoint(Object builder) throws Exception {
        Object client = Reflection.call(builder, "build");
        try {
            return (URI) Reflection.call(Reflection.call(client, "transport"), "endpoint");
        } finally {
            ((AutoCloseable) client).close();
        }
    }

    @Test
    void aStructureNamedLikeAJavaLangTypeCompiles(@TempDir Path directory) throws Exception {
        Path spec = directory.resolve("lang-2024-01-01.json");
        Files.writeString(spec, """
                {"service": "lang", "version": "2024-01-01",
                 "endpoints": {"china": "lang.tencentcloudapi.com", "international": "lang.intl.tencentcloudapi.com"},
                 "regions": [{"id": "ap-guangzhou"}],
                 "actions": [{"name": "Get", "input": [{"name": "Name", "type": "string"}],
                              "output": [{"name": "Value", "type": "String"}, {"name": "Any", "type": "Object"}]}],
                 "structures": [
                   {"name": "Object", "members": [{"name": "Id", "type": "string"}]},
                   {"name": "String", "members": [{"name": "Text", "type": "string"}]},
                   {"name": "Other", "members": [{"name": "Text", "type": "string"}]}
                 ]}
                """, StandardCharsets.UTF_8);

        List<GeneratedSource> lang = SpecFixtures.generate(Generator.Options.of(BASE), List.of(spec));

        assertThat(GeneratedCode.javac().compile(SpecFixtures.javaFileObjects(lang))).succeededWithoutWarnings();
    }

    // ---- helpers ----

    private static List<String> filesIn(String packagePrefix) {
        String directory = packagePrefix.replace('.', '/');
        return sources.stream()
                .map(GeneratedSource::relativePath)
                .filter(p -> p.startsWith(directory) && p.indexOf('/', directory.length()) < 0)
                .map(p -> p.substring(directory.length()))
                .toList();
    }

    private static String content(String packagePrefix, String simpleName) {
        Map<String, GeneratedSource> byPath = sources.stream()
                .collect(Collectors.toMap(GeneratedSource::relativePath, Function.identity()));
        return byPath.get(packagePrefix.replace('.', '/') + simpleName + ".java").content();
    }

    private static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(type + " has no method " + name));
    }
}
