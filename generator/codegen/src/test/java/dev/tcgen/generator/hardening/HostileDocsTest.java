package dev.tcgen.generator.hardening;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.testing.compile.Compilation;
import dev.tcgen.generator.GeneratedSource;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.emit.JavadocText;
import dev.tcgen.generator.spec.SpecSource;
import dev.tcgen.generator.testing.GeneratedCode;
import dev.tcgen.generator.testing.GeneratedJavadoc;
import dev.tcgen.generator.testing.InMemoryClassLoader;
import dev.tcgen.generator.testing.JavaSourceText;
import dev.tcgen.generator.testing.Reflection;
import dev.tcgen.generator.testing.SpecFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile text in every place a spec holds text: service title, action title and description, member
 * description and example value, structure description, example title, request and response, error-code description
 * and region name. What the kitchen-sink test does not cover: {@code \}{@code u000a}, {@code /*}, emoji and quotes
 * in example values, the Unicode line and paragraph separators and lone surrogates, and string constants read back
 * after the sources went through a UTF-8 file, as a build reads them. And the HTML Tencent's documents hold: a list
 * renders as a list, while scripts, {@code javascript:} links, images and unbalanced tags stay valid Javadoc.
 */
class HostileDocsTest {

    private static final String BASE = "dev.tcgen.client";
    private static final String PACKAGE = BASE + ".hostile.v20240101.";
    /** Words of the hostile texts that would show in code if a comment or literal were broken open. */
    private static final List<String> INJECTED = List.of("injected", "alert(1)", "<script>", "中文", "😀", "para",
            "separators", "surrogate", "nested", "reversed", "quoted", "CDATA");

    private static final String LIST = "Values:\n<li>YES: on;</li>\n<li>NO: off.</li>";

    private static final List<String> TEXTS = Stream.concat(SpecMutator.HOSTILE_TEXTS.stream(), Stream.of(
                    "example with \\u000a inside", "a /* comment start", "emoji 😀🚀 in an example",
                    "line\u2028separator and paragraph\u2029separator", "lone \uD83D high and \uDE00 low surrogates",
                    "quote \" and backslash \\ and both \\\"", "$S \"quoted\" \u0007 <b>", LIST,
                    "<a href=\"javascript:alert(1)\">injected</a> <img src=x onerror=alert(1)>",
                    "<a href=\"https://e.com/$L?a=1&b=@x*/\">$S link</a> <a href=\"https://e.com/\\u000a*/\">x</a>",
                    "<ul><li>left <b>open <p>para",
                    "</ul></li></b> stray closers <b><i>crossed</b></i> <code>x<ul><li>nested</code>"))
            .toList();

    private static List<GeneratedSource> sources;
    private static Compilation compilation;

    @BeforeAll
    static void generateAndCompile() throws Exception {
        sources = SpecFixtures.generateFrom(Generator.Options.of(BASE), List.of(
                new SpecSource("hostile-2024-01-01.json", spec().getBytes(StandardCharsets.UTF_8))));
        compilation = GeneratedCode.javac().compile(SpecFixtures.javaFileObjects(throughUtf8Files(sources)));
    }

    private static String spec() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = json.createObjectNode();
        spec.put("service", "hostile").put("version", "2024-01-01").put("title", String.join(" ", TEXTS));
        spec.putObject("endpoints").put("china", "hostile.tencentcloudapi.com")
                .put("international", "hostile.intl.tencentcloudapi.com");
        ArrayNode regions = spec.putArray("regions");
        ArrayNode codes = spec.putArray("errorCodes");
        ArrayNode structures = spec.putArray("structures");
        ObjectNode action = spec.putArray("actions").addObject().put("name", "Describe")
                .put("title", TEXTS.get(0)).put("description", String.join("\n", TEXTS));
        ArrayNode input = action.putArray("input");
        ArrayNode output = action.putArray("output");
        ArrayNode examples = action.putArray("examples");
        for (int i = 0; i < TEXTS.size(); i++) {
            String text = TEXTS.get(i);
            regions.addObject().put("id", "ap-r" + i).put("name", text);
            codes.addObject().put("code", "Hostile.Text" + i).put("description", text);
            input.addObject().put("name", "In" + i).put("type", "string").put("description", text).put("example", text);
            output.addObject().put("name", "Out" + i).put("type", "Doc" + i).put("description", text);
            structures.addObject().put("name", "Doc" + i).put("description", text).putArray("members").addObject()
                    .put("name", "Value").put("type", "list").put("items", "string").put("example", text);
            ObjectNode example = examples.addObject().put("title", text);
            example.putObject("request").put("In" + i, text);
            example.putObject("response").putObject("Response").put("RequestId", text);
        }
        // \\u escapes carry the lone surrogates, which UTF-8 bytes cannot
        return json.writerWithDefaultPrettyPrinter().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(spec);
    }

    /** The sources as a build compiles them: written to UTF-8 files and read back. */
    private static List<GeneratedSource> throughUtf8Files(List<GeneratedSource> sources) {
        return sources.stream().map(s -> new GeneratedSource(s.relativePath(),
                new String(s.content().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))).toList();
    }

    @Test
    void theTreeCompilesWithoutWarnings() {
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void javadocPassesDoclint(@TempDir Path directory) throws Exception {
        assertEquals(List.of(), GeneratedJavadoc.problems(sources, directory));
    }

    @Test
    void specTextNeverLeavesItsCommentOrLiteral() {
        for (GeneratedSource source : sources) {
            JavaSourceText text = JavaSourceText.of(source.content());
            for (String word : INJECTED) {
                assertFalse(text.code().contains(word), source.relativePath() + " has \"" + word + "\" outside "
                        + "comments and literals");
            }
            assertEquals(List.of(), JavaSourceText.unicodeEscapes(text.code()), source.relativePath());
            for (String comment : text.comments()) {
                assertFalse(comment.contains("\\u"), source.relativePath() + " comment: " + comment);
                assertFalse(comment.contains("\u2028") || comment.contains("\u2029"), source.relativePath());
            }
            for (String literal : text.literals()) {
                for (char c : JavaSourceText.unicodeEscapes(literal)) {
                    assertFalse(c == '\n' || c == '\r' || c == '"' || c == '\\',
                            source.relativePath() + " literal \"" + literal + "\" has an escape of " + (int) c);
                }
            }
        }
    }

    @Test
    void documentedListsRenderAsLists() {
        String list = JavadocText.html(LIST);
        assertEquals("Values:\n<ul><li>YES: on;</li>\n<li>NO: off.</li></ul>", list);
        String comments = sources.stream().map(GeneratedSource::content).collect(Collectors.joining())
                .replaceAll("\n\\s*\\* ?", "\n");
        assertTrue(comments.contains(list), "the list is not in any Javadoc");
    }

    @Test
    void theSourcesSurviveUtf8Files() {
        assertEquals(sources.stream().map(GeneratedSource::content).toList(),
                throughUtf8Files(sources).stream().map(GeneratedSource::content).toList(),
                "a source held a character that UTF-8 cannot encode");
    }

    @Test
    void errorCodeDescriptionsAndRegionNamesAreExactInTheCompiledConstants() throws Exception {
        ClassLoader loader = InMemoryClassLoader.of(compilation);
        Class<?> codes = loader.loadClass(PACKAGE + "HostileErrorCode");
        Class<?> regions = loader.loadClass(PACKAGE + "Region");
        List<String> descriptions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            descriptions.add((String) Reflection.call(Reflection.call(codes, "fromCode", "Hostile.Text" + i),
                    "description"));
            Object region = Reflection.call(regions, "of", "ap-r" + i);
            names.add((String) Reflection.call(region, "displayName"));
        }
        for (int i = 0; i < TEXTS.size(); i++) {
            assertEquals(TEXTS.get(i), descriptions.get(i), "error code " + i);
            assertEquals(TEXTS.get(i).isBlank() ? "ap-r" + i : TEXTS.get(i), names.get(i), "region " + i);
        }
    }
}
