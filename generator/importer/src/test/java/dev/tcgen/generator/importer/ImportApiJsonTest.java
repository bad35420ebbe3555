package dev.tcgen.generator.importer;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tcgen.generator.importer.ImportFixtures.action;
import static dev.tcgen.generator.importer.ImportFixtures.hasWarning;
import static dev.tcgen.generator.importer.ImportFixtures.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import dev.tcgen.generator.GeneratedSource;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.model.MemberModel;
import dev.tcgen.generator.model.ModelBuilder;
import dev.tcgen.generator.model.ServiceModel;
import dev.tcgen.generator.model.StructureModel;
import dev.tcgen.generator.spec.ServiceSpec;
import dev.tcgen.generator.testing.GeneratedCode;
import dev.tcgen.generator.testing.SpecFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The api.json importer on {@code importer/traps}: extracts of Tencent's real api.json files (Apache-2.0; see
 * {@code importer/README.md}) that hold every trap of the corpus, and an examples.json with every kind of broken
 * example. Run with {@code -Dtcgen.updateGolden=true} to rewrite {@code traps/expected-spec.json}.
 */
class ImportApiJsonTest {

    private static final Path GOLDEN = ImportFixtures.SOURCE.resolve("traps/expected-spec.json");

    @TempDir
    static Path directory;

    private static SpecImporter.Result result;
    private static JsonNode spec;

    @BeforeAll
    static void importTraps() throws Exception {
        result = SpecImporter.run(ImportFixtures.traps(List.of(), Optional.empty()), "traps-2020-01-01.json");
        spec = ImportFixtures.JSON.readTree(result.specText());
    }

    @Test
    void matchesTheGoldenSpec() throws Exception {
        if (Boolean.getBoolean("tcgen.updateGolden")) {
            Files.writeString(GOLDEN, result.specText(), StandardCharsets.UTF_8);
        }
        assertEquals(ImportFixtures.text("traps/expected-spec.json"), result.specText(),
                "the import differs from " + GOLDEN + "; if intended, rerun with -Dtcgen.updateGolden=true");
    }

    @Test
    void serviceEndpointsFollowTheServiceName() {
        assertEquals("traps", spec.path("service").asText());
        assertEquals("2020-01-01", spec.path("version").asText());
        assertEquals("traps.tencentcloudapi.com", spec.path("endpoints").path("china").asText());
        assertEquals("traps.intl.tencentcloudapi.com", spec.path("endpoints").path("international").asText());
        assertEquals(0, spec.path("regions").size(), "api.json has no regions");
        assertFalse(spec.has("title"), "serviceNameCN is Chinese; the English title comes from an overlay");
    }

    @Test
    void scalarTypesComeFromTypeAndMember() {
        JsonNode times = action(spec, "DescribeTimes");
        assertType(member(times.path("input"), "StartTime"), "date", null);
        assertType(member(times.path("input"), "EndTime"), "datetime", null);
        assertType(member(times.path("input"), "Ids"), "list", "uint64");
        assertType(member(times.path("input"), "Offsets"), "list", "int64");
        assertType(member(times.path("input"), "Scores"), "list", "float");
        assertType(member(times.path("input"), "Flags"), "list", "bool");
        assertType(member(times.path("output"), "UpdatedAt"), "datetime_iso", null);
        assertType(member(times.path("output"), "Trends"), "list", "SecurityTrend");
        assertType(member(times.path("output"), "Period"), "Period", null);
        assertType(member(structure("Period").path("members"), "StartTime"), "datetime_iso", null);
        assertType(member(structure("SecurityTrend").path("members"), "EventNum"), "uint64", null);
        assertType(member(action(spec, "DescribeCategories").path("input"), "BotBizId"), "string", null);
        assertType(member(action(spec, "GetSnapOverview").path("output"), "TotalNums"), "int64", null);
        assertType(member(action(spec, "GetSnapOverview").path("output"), "TotalSize"), "float", null);
    }

    @Test
    void aStructureMayReferToItself() {
        assertType(member(structure("CateInfo").path("members"), "Children"), "list", "CateInfo");
    }

    @Test
    void membersThatDifferOnlyInCaseBothSurviveWithDistinctJavaNames() throws Exception {
        List<String> names = new ArrayList<>();
        structure("InstanceClusterShard").path("members").forEach(m -> names.add(m.path("name").asText()));
        assertTrue(names.contains("Runid") && names.contains("RunId"), names.toString());

        StructureModel shard = model().structures().stream()
                .filter(s -> s.wireName().equals("InstanceClusterShard")).findFirst().orElseThrow();
        List<String> javaNames = shard.members().stream().map(MemberModel::javaName).toList();
        assertEquals(javaNames.size(), javaNames.stream().distinct().count(), javaNames.toString());
    }

    @Test
    void membersNamedLikeJavaKeywordsKeepTheirWireNames() throws Exception {
        JsonNode keywords = action(spec, "ModifyKeywords");
        for (String name : List.of("Switch", "Default", "Native", "Record")) {
            member(keywords.path("input"), name);
        }
        member(structure("ValueRange").path("members"), "Enum");
        member(structure("TcrRepositoryInfo").path("members"), "Public");
        member(structure("GuetzliAdapter").path("members"), "Switch");
        for (StructureModel structure : model().structures()) {
            for (MemberModel member : structure.members()) {
                assertFalse(SourceVersion.isKeyword(member.javaName()), member.javaName());
            }
        }
    }

    @Test
    void disabledMembersAreDeprecatedAndNeverRequired() {
        JsonNode apiKey = member(action(spec, "ModifyKeywords").path("input"), "ApiKey");
        assertTrue(apiKey.path("deprecated").asBoolean());
        assertFalse(apiKey.has("required"));
        assertTrue(hasWarning(result.warnings(), "traps/api.json", 748, "ApiKey", "disabled but marked required"),
                result.warnings().toString());
        assertTrue(member(action(spec, "CloseWan").path("input"), "InstanceGrpId").path("deprecated").asBoolean());
        assertFalse(member(action(spec, "ModifyKeywords").path("input"), "Switch").has("deprecated"));
    }

    @Test
    void deprecatedActionsAreDeprecated() {
        assertTrue(action(spec, "GetSnapOverview").path("deprecated").asBoolean());
        assertFalse(action(spec, "DescribeCategories").has("deprecated"));
        assertFalse(action(spec, "DescribeDocuments").has("deprecated"), "no status means online");
    }

    @Test
    void requiredFlagsAndTitlesAreKept() {
        JsonNode shards = action(spec, "DescribeInstanceShards");
        assertEquals("Query instance shards", shards.path("title").asText());
        assertTrue(member(shards.path("input"), "InstanceId").path("required").asBoolean());
        assertFalse(member(shards.path("input"), "FilterSlave").has("required"));
        assertEquals(3, shards.path("output").size(), "RequestId is listed as in api.json");
    }

    @Test
    void noneAndBlankExamplesAreLeftOutOthersKeptVerbatim() {
        assertFalse(member(structure("CateInfo").path("members"), "Children").has("example"), "无");
        assertFalse(member(structure("Period").path("members"), "StartTime").has("example"), "无");
        assertFalse(member(action(spec, "GetSnapOverview").path("output"), "TotalSize").has("example"), "\"\"");
        assertEquals("未分类", member(structure("CateInfo").path("members"), "Name").path("example").asText());
        assertEquals("\"[\\\"10923-16383\\\"]\"",
                member(structure("InstanceClusterShard").path("members"), "Slots").path("example").asText());
        assertEquals("[1, 18446744073709551615]",
                member(action(spec, "DescribeTimes").path("input"), "Ids").path("example").asText());
    }

    @Test
    void documentsAreKeptAsTextWhateverTheyHold() {
        JsonNode documents = action(spec, "DescribeDocuments");
        assertEquals("This API is used to show documents that are <b>not</b> plain text: $ signs, `code`, a "
                + "[link](https://example.com/a_(b)), a comment end */ and 中文.\n<p>Second paragraph.</p>",
                documents.path("description").asText());
        assertEquals("名称 (name); at most 60 characters. Must not contain */ or @param.",
                member(documents.path("input"), "Name").path("description").asText());
        assertTrue(member(structure("PipelineInfo").path("members"), "AggOp").path("example").asText()
                .startsWith("$"));
    }

    @Test
    void everySharedStructureIsKeptButOrphanRequestObjectsAreNot() {
        structure("UnusedSetting");
        for (JsonNode structure : spec.path("structures")) {
            assertFalse(structure.path("name").asText().equals("OrphanRequest"));
            assertFalse(structure.path("name").asText().endsWith("Request")
                    || structure.path("name").asText().endsWith("Response"), structure.path("name").asText());
        }
        assertTrue(hasWarning(result.warnings(), "traps/api.json", 792, "OrphanRequest", "not imported"));
        assertEquals(16, spec.path("structures").size());
        assertEquals(7, spec.path("actions").size());
    }

    @Test
    void commonErrorCodesAreDeclared() {
        assertEquals(CommonErrorCodes.all().size(), spec.path("errorCodes").size());
        spec.path("errorCodes").forEach(code -> assertTrue(code.path("common").asBoolean(), code.toString()));
    }

    @Test
    void examplesAreParsedFromTheirHttpText() throws Exception {
        JsonNode categories = action(spec, "DescribeCategories").path("examples").get(0);
        assertEquals("Querying the category tree", categories.path("title").asText());
        assertEquals(ImportFixtures.JSON.readTree("{\"BotBizId\": \"1234567890\"}"), categories.path("request"));
        assertEquals("未分类", categories.path("response").path("Response").path("List").get(0).path("Name").asText());

        JsonNode times = action(spec, "DescribeTimes").path("examples").get(0).path("request");
        assertEquals("18446744073709551615", times.path("Ids").get(1).bigIntegerValue().toString(),
                "a body right after the headers, numbers kept exactly");
        assertTrue(result.specText().matches("(?s).*\"Scores\": \\[\\s+0\\.50,\\s+1E\\+3\\s+\\].*"),
                "decimals written as they were read");
    }

    @Test
    void queryStringExamplesGetTheTypesOfTheirMembers() throws Exception {
        JsonNode keywords = action(spec, "ModifyKeywords").path("examples").get(0).path("request");
        assertEquals(ImportFixtures.JSON.readTree("""
                {"Switch": "on", "Default": "abc", "Native": true,
                 "Record": {"Record": [{"Key": "a", "Value": "1"}, {"Key": "b"}]},
                 "Subtitle": {"Id": "dYeq82"}, "Unknown": "1"}"""), keywords);
        assertTrue(hasWarning(result.warnings(), "traps/examples.json", 22, "parameter Default is of type int64",
                "kept as a string"));
        assertTrue(hasWarning(result.warnings(), "traps/examples.json", 22, "parameter Unknown is not"));
        JsonNode shards = action(spec, "DescribeInstanceShards").path("examples").get(0).path("request");
        assertEquals(ImportFixtures.JSON.readTree("{\"InstanceId\": \"crs-c1nl9rpv\", \"FilterSlave\": true}"),
                shards);
    }

    @Test
    void brokenExamplesAreKeptWhenReadableLenientlyAndLeftOutOtherwiseWithAWarning() {
        assertEquals("line one\nline two", action(spec, "DescribeInstanceShards").path("examples").get(0)
                .path("response").path("Response").path("Note").asText());
        assertTrue(hasWarning(result.warnings(), "traps/examples.json", 15, "Querying shards", "read leniently"));
        assertFalse(action(spec, "DescribeDocuments").has("examples"));
        assertTrue(hasWarning(result.warnings(), "traps/examples.json", 38, "missing comma", "left out",
                "was expecting comma", "line 9 of its input text"), result.warnings().toString());
        assertFalse(action(spec, "GetSnapOverview").has("examples"));
        assertTrue(hasWarning(result.warnings(), "traps/examples.json", 47, "streamed response", "is left out: its "
                + "answer is an event stream", "the action is marked streaming"), result.warnings().toString());
        assertTrue(action(spec, "GetSnapOverview").path("streaming").asBoolean());
        assertTrue(hasWarning(result.warnings(), "traps/examples.json", 51, "NoSuchAction", "ignored"));
        assertEquals(9, result.warnings().size(), result.warnings().toString());
    }

    @Test
    void aServiceLeftWithoutRegionsIsReportedWithHowToAddThem() throws Exception {
        assertTrue(hasWarning(result.warnings(), "traps/api.json", 52, "the service has no regions",
                "Region.of(\"ap-guangzhou\")", "an overlay with \"regions\": [{\"id\": \"ap-guangzhou\""),
                result.warnings().toString());

        SpecImporter.Result withOverlay = SpecImporter.run(
                ImportFixtures.traps(List.of(), Optional.of(ImportFixtures.file("traps/overlay.json"))), "traps.json");
        assertTrue(withOverlay.warnings().stream().noneMatch(w -> w.message().contains("no regions")),
                withOverlay.warnings().toString());
    }

    @Test
    void theImportedSpecGeneratesJavaThatCompilesWithoutWarnings() throws Exception {
        Path file = ImportFixtures.write(directory, "traps-2020-01-01.json", result.specText());
        List<GeneratedSource> sources = SpecFixtures.generate(Generator.Options.of("dev.tcgen.client"), List.of(file));

        Compilation compilation = GeneratedCode.javac().compile(SpecFixtures.javaFileObjects(sources));

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void constructsTheFormatCannotExpressFailWithEveryOneLocated() {
        Path api = ImportFixtures.write(directory, "bad-api.json", """
                {
                  "actions": {
                    "DoIt": {"document": "", "input": "DoItRequest", "name": "", "output": "Missing"}
                  },
                  "metadata": {"apiVersion": "2020-01-01", "serviceShortName": "bad"},
                  "objects": {
                    "DoItRequest": {"type": "object", "document": "", "members": [
                      {"name": "Count", "type": "int", "member": "int32", "document": ""},
                      {"name": "Item", "type": "object", "member": "NoSuchObject", "document": ""},
                      {"name": "Items", "type": "list", "member": "list", "document": ""}
                    ]}
                  }
                }
                """);
        ImportException e = assertThrows(ImportException.class, () -> SpecImporter.run(
                new SpecImporter.Inputs(api, Optional.empty(), List.of(), Optional.empty()), "bad.json"));

        List<String> problems = e.problems().stream().map(ImportMessage::toString).toList();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).matches(".*bad-api.json:3: the output of the action is \"Missing\".*"), problems.get(0));
        assertTrue(problems.get(1).matches(".*bad-api.json:8: member Count has \"type\": \"int\" with \"member\": "
                + "\"int32\", which tcgen cannot import.*"), problems.get(1));
        assertTrue(problems.get(2).contains("bad-api.json:9: member Item"), problems.get(2));
        assertTrue(problems.get(3).contains("bad-api.json:10: member Items"), problems.get(3));
    }

    private static JsonNode structure(String name) {
        for (JsonNode structure : spec.path("structures")) {
            if (structure.path("name").asText().equals(name)) {
                return structure;
            }
        }
        throw new AssertionError("no structure " + name);
    }

    private static ServiceModel model() throws Exception {
        Path file = ImportFixtures.write(directory, "model-traps-2020-01-01.json", result.specText());
        ServiceSpec loaded = SpecFixtures.load(file);
        return ModelBuilder.build(loaded, "dev.tcgen.client", "dev.tcgen.client.core");
    }

    private static void assertType(JsonNode member, String type, String items) {
        assertEquals(type, member.path("type").asText(), member.toString());
        assertEquals(items, member.has("items") ? member.path("items").asText() : null, member.toString());
    }
}
