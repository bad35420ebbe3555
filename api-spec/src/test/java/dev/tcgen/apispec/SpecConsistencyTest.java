package dev.tcgen.apispec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the JSON Schema cannot say about the specs of this module: references that resolve, unique names,
 * sorted error codes, the file name, the key order (the order of the schema's properties) and the layout of the file.
 */
class SpecConsistencyTest {

  private static final JsonNode SCHEMA = SpecFiles.schemaNode();

  /** The scalar types, as the schema lists them (the generator's SpecFormat test holds the two equal). */
  private static final Set<String> SCALARS = new HashSet<>();

  static {
    SCHEMA.path("$defs").path("scalarType").path("enum").forEach(name -> SCALARS.add(name.textValue()));
  }

  static Stream<Path> specFiles() {
    return SpecFiles.specFiles().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specFiles")
  void fileIsNamedServiceDashVersion(Path file) {
    JsonNode spec = SpecFiles.read(file);
    assertEquals(spec.path("service").asText() + "-" + spec.path("version").asText() + ".json",
        file.getFileName().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specFiles")
  void referencesResolveAndNamesAreUnique(Path file) {
    JsonNode spec = SpecFiles.read(file);
    List<String> problems = new ArrayList<>();

    Set<String> regionIds = unique(spec.path("regions"), "id", "/regions", problems);
    Set<String> codes = unique(spec.path("errorCodes"), "code", "/errorCodes", problems);
    Set<String> structures = unique(spec.path("structures"), "name", "/structures", problems);
    unique(spec.path("actions"), "name", "/actions", problems);

    for (int i = 0; i < spec.path("actions").size(); i++) {
      JsonNode action = spec.path("actions").get(i);
      String at = "/actions/" + i;
      checkMembers(action.path("input"), at + "/input", structures, problems);
      checkMembers(action.path("output"), at + "/output", structures, problems);
      for (JsonNode region : action.path("regions")) {
        if (!regionIds.contains(region.asText())) {
          problems.add(at + "/regions: " + region.asText() + " is not one of the service's regions");
        }
      }
      for (JsonNode code : action.path("errorCodes")) {
        if (!codes.contains(code.asText())) {
          problems.add(at + "/errorCodes: " + code.asText() + " is not one of the service's errorCodes");
        }
      }
    }
    for (int i = 0; i < spec.path("structures").size(); i++) {
      checkMembers(spec.path("structures").get(i).path("members"), "/structures/" + i + "/members", structures,
          problems);
    }
    assertTrue(problems.isEmpty(), () -> file.getFileName() + ":\n  " + String.join("\n  ", problems));
  }

  private static void checkMembers(JsonNode members, String at, Set<String> structures, List<String> problems) {
    unique(members, "name", at, problems);
    for (int i = 0; i < members.size(); i++) {
      JsonNode member = members.get(i);
      String type = member.path("type").asText();
      String element = "list".equals(type) ? member.path("items").asText() : type;
      if (!SCALARS.contains(element) && !structures.contains(element)) {
        problems.add(at + "/" + i + ": " + element + " is neither a scalar nor a structure of the spec");
      }
    }
  }

  private static Set<String> unique(JsonNode array, String key, String at, List<String> problems) {
    Set<String> seen = new HashSet<>();
    for (JsonNode element : array) {
      if (!seen.add(element.path(key).asText())) {
        problems.add(at + ": " + key + " " + element.path(key).asText() + " appears twice");
      }
    }
    return seen;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specFiles")
  void errorCodesAreSortedByCode(Path file) {
    JsonNode spec = SpecFiles.read(file);
    List<String> codes = new ArrayList<>();
    spec.path("errorCodes").forEach(code -> codes.add(code.path("code").asText()));
    assertEquals(codes.stream().sorted().toList(), codes, "service errorCodes");
    for (JsonNode action : spec.path("actions")) {
      List<String> actionCodes = new ArrayList<>();
      action.path("errorCodes").forEach(code -> actionCodes.add(code.asText()));
      assertEquals(actionCodes.stream().sorted().toList(), actionCodes, action.path("name").asText() + " errorCodes");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specFiles")
  void keysFollowTheFormatsOrder(Path file) {
    JsonNode spec = SpecFiles.read(file);
    List<String> problems = new ArrayList<>();
    checkOrder(spec, "spec", "", problems);
    checkOrder(spec.path("endpoints"), "endpoints", "/endpoints", problems);
    eachOf(spec.path("regions"), "region", "/regions", problems);
    eachOf(spec.path("errorCodes"), "errorCode", "/errorCodes", problems);
    for (int i = 0; i < spec.path("actions").size(); i++) {
      JsonNode action = spec.path("actions").get(i);
      String at = "/actions/" + i;
      checkOrder(action, "action", at, problems);
      eachOf(action.path("input"), "member", at + "/input", problems);
      eachOf(action.path("output"), "member", at + "/output", problems);
      eachOf(action.path("examples"), "example", at + "/examples", problems);
    }
    for (int i = 0; i < spec.path("structures").size(); i++) {
      JsonNode structure = spec.path("structures").get(i);
      checkOrder(structure, "structure", "/structures/" + i, problems);
      eachOf(structure.path("members"), "member", "/structures/" + i + "/members", problems);
    }
    assertTrue(problems.isEmpty(), () -> file.getFileName() + ":\n  " + String.join("\n  ", problems));
  }

  private static void eachOf(JsonNode array, String kind, String at, List<String> problems) {
    for (int i = 0; i < array.size(); i++) {
      checkOrder(array.get(i), kind, at + "/" + i, problems);
    }
  }

  /** Checks the keys follow the order of the schema's properties for {@code kind}, a definition or "spec". */
  private static void checkOrder(JsonNode object, String kind, String at, List<String> problems) {
    List<String> order = new ArrayList<>();
    (kind.equals("spec") ? SCHEMA : SCHEMA.path("$defs").path(kind)).path("properties").fieldNames()
        .forEachRemaining(order::add);
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    List<String> expected = order.stream().filter(keys::contains).toList();
    if (!expected.equals(keys)) {
      problems.add(at + ": keys " + keys + ", expected in the order " + expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specFiles")
  void fileIsUtf8WithTwoSpaceIndentationAndFinalNewline(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError(file.getFileName() + " is not UTF-8", e);
    }
    assertTrue(text.endsWith("}\n") && !text.endsWith("\n\n"), "one final newline");
    assertTrue(!text.startsWith("\uFEFF"), "no byte order mark");
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int indent = line.length() - line.stripLeading().length();
      String where = file.getFileName() + ":" + (i + 1);
      assertTrue(!line.contains("\r") && !line.contains("\t"), where + ": carriage return or tab");
      assertTrue(!line.endsWith(" "), where + ": trailing space");
      assertEquals(0, indent % 2, where + ": indentation is not a multiple of 2");
    }
  }
}
