package dev.tcgen.apispec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schema itself, the specs against it, and what it must reject. */
class SpecSchemaTest {

  private static Schema schema;

  @BeforeAll
  static void loadSchema() {
    schema = SpecFiles.specSchema();
  }

  @Test
  void schemaIsValidDraft202012() {
    Schema metaSchema = SpecFiles.registry()
        .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    List<Error> errors = metaSchema.validate(SpecFiles.schemaNode());
    assertTrue(errors.isEmpty(), () -> "the schema breaks the 2020-12 meta-schema:\n" + SpecFiles.describe(errors));
  }

  @Test
  void everyPropertyAndDefinitionIsDescribed() {
    List<String> undescribed = new ArrayList<>();
    collectUndescribed(SpecFiles.schemaNode(), "", undescribed);
    assertTrue(undescribed.isEmpty(), () -> "no description at " + undescribed);
  }

  private static void collectUndescribed(JsonNode node, String pointer, List<String> out) {
    if (!node.isObject()) {
      return;
    }
    for (String group : List.of("properties", "$defs")) {
      JsonNode children = node.path(group);
      for (Map.Entry<String, JsonNode> child : children.properties()) {
        if (child.getValue().path("description").asText().isBlank()) {
          out.add(pointer + "/" + group + "/" + child.getKey());
        }
      }
    }
    for (Map.Entry<String, JsonNode> child : node.properties()) {
      collectUndescribed(child.getValue(), pointer + "/" + child.getKey(), out);
    }
  }

  @Test
  void thereAreSpecs() {
    assertFalse(SpecFiles.specFiles().isEmpty(), "no spec in " + SpecFiles.specsDir());
  }

  static Stream<Path> specFiles() {
    return SpecFiles.specFiles().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specFiles")
  void specIsValid(Path spec) {
    List<Error> errors = schema.validate(SpecFiles.read(spec));
    assertTrue(errors.isEmpty(), () -> spec.getFileName() + " is invalid:\n" + SpecFiles.describe(errors));
  }

  @Test
  void minimalSpecWithListsAndStructuresIsValid() throws IOException {
    List<Error> errors = schema.validate(minimalSpec());
    assertTrue(errors.isEmpty(), () -> SpecFiles.describe(errors));
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        invalid("unknown lowercase scalar type 'int'", "/actions/0/input/0/type",
            spec -> member(spec, 0).put("type", "int")),
        invalid("unknown lowercase scalar type 'integer'", "/actions/0/input/0/type",
            spec -> member(spec, 0).put("type", "integer")),
        invalid("missing service", "",
            spec -> spec.remove("service")),
        invalid("list member without items", "/actions/0/input/1",
            spec -> member(spec, 1).remove("items")),
        invalid("items on a member that is not a list", "/actions/0/input/0",
            spec -> member(spec, 0).put("items", "string")),
        invalid("list of lists", "/actions/0/input/1/items",
            spec -> member(spec, 1).put("items", "list")),
        invalid("unknown property", "/actions/0",
            spec -> action(spec).put("httpMethod", "POST")),
        invalid("missing international endpoint", "/endpoints",
            spec -> ((ObjectNode) spec.get("endpoints")).remove("international")),
        invalid("rate limit below 1", "/actions/0/rateLimit",
            spec -> action(spec).put("rateLimit", 0)),
        invalid("paging true (it is an object, or false)", "/actions/0/paging",
            spec -> action(spec).put("paging", true)),
        invalid("paging by offset and by token at once", "/actions/0/paging",
            spec -> action(spec).putObject("paging").put("offset", "Offset").put("token", "T")
                .put("nextToken", "T").put("items", "L")));
  }

  private static Arguments invalid(String name, String pointer, Consumer<ObjectNode> breakIt) {
    return Arguments.of(name, pointer, breakIt);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSpecs")
  void schemaRejects(String name, String expectedPointer, Consumer<ObjectNode> breakIt) throws IOException {
    ObjectNode spec = minimalSpec();
    breakIt.accept(spec);
    List<Error> errors = schema.validate(spec);
    assertFalse(errors.isEmpty(), name + ": accepted");
    assertTrue(errors.stream().anyMatch(e -> e.getInstanceLocation().toString().equals(expectedPointer)),
        () -> name + ": no error at '" + expectedPointer + "':\n" + SpecFiles.describe(errors));
  }

  @Test
  void pagingFalseSaysTheActionDoesNotPage() throws IOException {
    ObjectNode spec = minimalSpec();
    action(spec).put("paging", false);
    List<Error> errors = schema.validate(spec);
    assertTrue(errors.isEmpty(), () -> SpecFiles.describe(errors));
  }

  @Test
  void missingServiceIsReportedByName() throws IOException {
    ObjectNode spec = minimalSpec();
    spec.remove("service");
    List<Error> errors = schema.validate(spec);
    assertEquals(1, errors.size(), () -> SpecFiles.describe(errors));
    assertEquals("required", errors.get(0).getKeyword());
    assertTrue(errors.get(0).getMessage().contains("service"), errors.get(0).getMessage());
  }

  private static ObjectNode minimalSpec() throws IOException {
    return (ObjectNode) SpecFiles.MAPPER.readTree(
        SpecFiles.classpathText("dev/tcgen/apispec/minimal-valid-spec.json"));
  }

  private static ObjectNode action(ObjectNode spec) {
    return (ObjectNode) spec.get("actions").get(0);
  }

  private static ObjectNode member(ObjectNode spec, int index) {
    return (ObjectNode) ((ArrayNode) action(spec).get("input")).get(index);
  }
}
