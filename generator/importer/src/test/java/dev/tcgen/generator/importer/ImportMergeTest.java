package dev.tcgen.generator.importer;

import static dev.tcgen.generator.importer.ImportFixtures.action;
import static dev.tcgen.generator.importer.ImportFixtures.hasWarning;
import static dev.tcgen.generator.importer.ImportFixtures.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcgen.generator.spec.SpecException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merging: the traps api.json + examples.json, the doc page {@code traps/DescribeInstanceShards-api-doc.txt} (which
 * disagrees with api.json on purpose), the common error codes and {@code traps/overlay.json}.
 */
class ImportMergeTest {

    private static final String PAGE = "traps/DescribeInstanceShards-api-doc.txt";
    private static final String API = "traps/api.json";

    @TempDir
    static Path directory;

    private static SpecImporter.Result result;
    private static JsonNode spec;
    private static JsonNode shards;

    @BeforeAll
    static void importWithPageAndOverlay() throws Exception {
        result = SpecImporter.run(ImportFixtures.traps(List.of(ImportFixtures.file(PAGE)),
                Optional.of(ImportFixtures.file("traps/overlay.json"))), "traps-2020-01-01.json");
        spec = ImportFixtures.JSON.readTree(result.specText());
        shards = action(spec, "DescribeInstanceShards");
    }

    @Test
    void factsOnlyThePageHasAreAddedToTheAction() {
        assertEquals("[\"ap-guangzhou\",\"ap-shanghai\"]", shards.path("regions").toString());
        assertEquals(20, shards.path("rateLimit").asInt());
        assertEquals("[\"InternalError\",\"InvalidParameterValue.InstanceNotExists\",\"ResourceNotFound\"]",
                shards.path("errorCodes").toString());
        assertEquals(2, shards.path("examples").size());
        assertEquals("Querying the first shard", shards.path("examples").get(1).path("title").asText());
    }

    @Test
    void thePagesProseReplacesApiJsonsAndItsExampleRequestGivesMemberExamples() {
        assertEquals("This API is used to query the shards of a Redis instance.", shards.path("description").asText());
        assertEquals("Whether to leave out replica nodes.\nValid values: true, false.",
                member(shards.path("input"), "FilterSlave").path("description").asText());
        assertEquals("false", member(shards.path("input"), "FilterSlave").path("example").asText());
        assertEquals("Query instance shards", shards.path("title").asText(), "the title only api.json has");
        assertTrue(hasWarning(result.warnings(), PAGE, 10, "description of action DescribeInstanceShards differs",
                "traps/api.json:23", "the page's is used"));
    }

    @Test
    void aDifferentRequiredFlagIsAWarningNamingBothPlacesAndApiJsonWins() {
        assertFalse(member(shards.path("input"), "FilterSlave").has("required"));
        assertTrue(hasWarning(result.warnings(), PAGE, 28, "parameter FilterSlave of DescribeInstanceShards is "
                + "required on the page but optional at ", API + ":293", "it is kept optional"),
                result.warnings().toString());
    }

    @Test
    void aDifferentTypeIsAWarningNamingBothPlacesAndApiJsonWins() {
        assertEquals("uint64", member(shards.path("output"), "TotalCount").path("type").asText());
        assertTrue(hasWarning(result.warnings(), PAGE, 36, "output parameter TotalCount of DescribeInstanceShards is "
                + "of type String on the page but uint64 at ", API + ":318", "the type uint64 is kept"));
        assertFalse(result.warnings().stream().anyMatch(w -> w.message().contains("parameter InstanceShards ")),
                "Array of InstanceClusterShard agrees with a list of InstanceClusterShard");
    }

    @Test
    void aParameterApiJsonLacksIsAddedWithAWarning() {
        JsonNode limit = member(shards.path("input"), "Limit");
        assertEquals("int64", limit.path("type").asText());
        assertEquals("10", limit.path("example").asText());
        assertTrue(hasWarning(result.warnings(), PAGE, 30, "input parameter Limit of DescribeInstanceShards is on the "
                + "page but not among the action's members at ", API + ":23", "added as int64"));
    }

    @Test
    void anExampleTheSameTitleButAnotherCallIsReplacedWithAWarning() {
        assertEquals(10, shards.path("examples").get(0).path("request").path("Limit").asInt());
        assertTrue(hasWarning(result.warnings(), PAGE, 41, "example \"Querying shards\" of DescribeInstanceShards "
                + "differs from the one at ", "traps/examples.json:12"));
    }

    @Test
    void errorCodesArePageDescribedCommonOnesStayCommonAndTheOverlayWins() {
        assertEquals(CommonErrorCodes.all().size() + 1, spec.path("errorCodes").size());
        JsonNode internal = errorCode("InternalError");
        assertTrue(internal.path("common").asBoolean());
        assertEquals("Internal error: please try again later.", internal.path("description").asText());
        JsonNode notExists = errorCode("InvalidParameterValue.InstanceNotExists");
        assertFalse(notExists.path("common").asBoolean());
        assertEquals("The instance does not exist.", notExists.path("description").asText(), "from the overlay");
        assertEquals(CommonErrorCodes.get("ResourceNotFound").orElseThrow().description(),
                errorCode("ResourceNotFound").path("description").asText());
    }

    @Test
    void theOverlaySetsWhatNoImportSays() {
        assertEquals("../schema/tcgen-spec.schema.json", spec.path("$schema").asText());
        assertEquals("Traps of Tencent's api.json files", spec.path("title").asText());
        assertEquals("[{\"id\":\"ap-guangzhou\",\"name\":\"South China (Guangzhou)\"},"
                + "{\"id\":\"ap-shanghai\",\"name\":\"East China (Shanghai)\"}]", spec.path("regions").toString());
        JsonNode categories = action(spec, "DescribeCategories");
        assertEquals(5, categories.path("rateLimit").asInt());
        assertTrue(categories.path("idempotent").isMissingNode(), "left to the name rule");
        assertTrue(action(spec, "ModifyKeywords").path("idempotent").asBoolean(), "marked by the overlay");
        assertEquals("The application's ID.", member(categories.path("input"), "BotBizId").path("description").asText());
        assertTrue(member(categories.path("input"), "BotBizId").path("required").asBoolean(), "unchanged");
        JsonNode unused = structure("UnusedSetting");
        assertTrue(unused.path("deprecated").asBoolean());
        assertEquals("int64", member(unused.path("members"), "Value").path("type").asText());
        assertEquals("1", member(unused.path("members"), "Value").path("example").asText());
    }

    @Test
    void aServiceWithoutRegionsGetsThoseItsPagesNameWithAWarning() throws Exception {
        SpecImporter.Result withoutOverlay = SpecImporter.run(
                ImportFixtures.traps(List.of(ImportFixtures.file(PAGE)), Optional.empty()), "traps.json");

        assertEquals(List.of(new SpecDraft.Region("ap-guangzhou", ""), new SpecDraft.Region("ap-shanghai", "")),
                withoutOverlay.service().regions());
        assertTrue(hasWarning(withoutOverlay.warnings(), PAGE, 25, "the service lists no regions; region "
                + "ap-shanghai is added without a name"));
    }

    @Test
    void everyDisagreementIsReportedOnceAndNothingElse() {
        List<ImportMessage> fromPage = result.warnings().stream()
                .filter(w -> w.origin().source().endsWith(PAGE)).toList();
        assertEquals(7, fromPage.size(), fromPage.toString());
        assertFalse(fromPage.stream().anyMatch(w -> w.message().replaceAll("\\S*/\\S*", "").contains("region")),
                "the overlay lists them (the files' paths, which may hold the word, aside)");
    }

    @Test
    void anApiJsonMemberThePageLeavesOutIsKeptWithAWarning() throws Exception {
        String page = ImportFixtures.text(PAGE).replace("Limit No Integer Number of shards to return.\n", "")
                .replace("InstanceId Yes String Instance ID.\n", "");
        Path file = ImportFixtures.write(directory, "without-instance-id.txt", page);

        SpecImporter.Result merged = SpecImporter.run(ImportFixtures.traps(List.of(file), Optional.empty()), "t.json");

        JsonNode action = action(ImportFixtures.JSON.readTree(merged.specText()), "DescribeInstanceShards");
        assertTrue(member(action.path("input"), "InstanceId").path("required").asBoolean());
        assertTrue(hasWarning(merged.warnings(), API, 284, "input member InstanceId of DescribeInstanceShards is not "
                + "listed by the doc page ", "without-instance-id.txt; it is kept"), merged.warnings().toString());
    }

    @Test
    void aPageForAnActionApiJsonLacksAddsItAndASecondPageForAnActionIsIgnored() throws Exception {
        String page = ImportFixtures.text(PAGE).replace("DescribeInstanceShards", "DescribeShardsAgain");
        Path again = ImportFixtures.write(directory, "again.txt", page);
        Path twice = ImportFixtures.write(directory, "twice.txt", page);

        SpecImporter.Result merged = SpecImporter.run(ImportFixtures.traps(List.of(again, twice), Optional.empty()),
                "t.json");

        JsonNode action = action(ImportFixtures.JSON.readTree(merged.specText()), "DescribeShardsAgain");
        assertEquals(List.of("InstanceId", "FilterSlave", "Limit"), names(action.path("input")));
        assertTrue(member(action.path("input"), "FilterSlave").path("required").asBoolean(), "as the page says");
        assertEquals("bool", member(action.path("input"), "FilterSlave").path("type").asText());
        assertEquals("list", member(action.path("output"), "InstanceShards").path("type").asText());
        assertTrue(hasWarning(merged.warnings(), "again.txt", 3, "action DescribeShardsAgain is documented by the page "
                + "but not imported from api.json; it is added"));
        assertTrue(hasWarning(merged.warnings(), "twice.txt", 3, "action DescribeShardsAgain is already documented by ",
                "again.txt:3; this page is ignored"));
    }

    @Test
    void anOverlayThatNamesWhatDoesNotExistFailsWithEveryProblemLocated() {
        Path overlay = ImportFixtures.write(directory, "bad-overlay.json", """
                {
                  "title": 3,
                  "colour": "blue",
                  "actions": [
                    {"name": "NoSuchAction", "rateLimit": 2},
                    {"name": "DescribeCategories", "input": [{"name": "NoSuchMember"}], "rateLimit": 0}
                  ]
                }
                """);

        ImportException e = assertThrows(ImportException.class, () -> SpecImporter.run(
                ImportFixtures.traps(List.of(), Optional.of(overlay)), "t.json"));

        List<String> problems = new ArrayList<>(e.problems().stream().map(ImportMessage::toString).toList());
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("bad-overlay.json:2: \"title\" must be a string")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("bad-overlay.json:3: unknown property \"colour\" in an "
                + "overlay; expected one of $schema, actions, endpoints, errorCodes, regions, structures, title")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("bad-overlay.json:5: the overlay changes action "
                + "NoSuchAction, which the import does not have")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("bad-overlay.json:6: the overlay changes member "
                + "NoSuchMember of DescribeCategories (input), which the import does not have")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("bad-overlay.json:6: \"rateLimit\" must be")));
    }

    @Test
    void anOverlaysMisspeltNamesAreReportedWithTheNameItMeant() {
        Path overlay = ImportFixtures.write(directory, "typo-overlay.json", """
                {
                  "region": [],
                  "actions": [
                    {"name": "DescribeCategory"},
                    {"name": "DescribeCategories", "region": ["ap-guangzhou"], "input": [{"name": "BotBizID"}]}
                  ]
                }
                """);

        ImportException e = assertThrows(ImportException.class, () -> SpecImporter.run(
                ImportFixtures.traps(List.of(), Optional.of(overlay)), "t.json"));

        List<String> problems = e.problems().stream().map(ImportMessage::toString).toList();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("typo-overlay.json:2: unknown property \"region\" in an "
                + "overlay; did you mean \"regions\"?")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("typo-overlay.json:4: the overlay changes action "
                + "DescribeCategory, which the import does not have; did you mean \"DescribeCategories\"?")));
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("typo-overlay.json:5: unknown property \"region\" in an "
                + "action; did you mean \"regions\"?")));
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("typo-overlay.json:5: the overlay changes member "
                + "BotBizID of DescribeCategories (input), which the import does not have; did you mean "
                + "\"BotBizId\"?")));
    }

    @Test
    void anImportTheGeneratorWouldRejectIsRefused() {
        Path overlay = ImportFixtures.write(directory, "regions-overlay.json", """
                {"regions": [{"id": "ap-beijing"}]}
                """);

        SpecException e = assertThrows(SpecException.class, () -> SpecImporter.run(
                ImportFixtures.traps(List.of(ImportFixtures.file(PAGE)), Optional.of(overlay)), "t.json"));

        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("action DescribeInstanceShards supports region \"ap-guangzhou\", which is "
                + "not among the service's regions"), e.getMessage());
    }

    @Test
    void textsThatDifferOnlyInMarkupAreTheSame() {
        assertTrue(SpecMerger.sameText("The [SDKAppID](https://example.com/x) of the <b>room</b>.",
                "The SDKAppID of the room."));
        assertTrue(SpecMerger.sameText("First.<br>Second.", "First. Second."));
        assertTrue(SpecMerger.sameText("a\n  b", "a b"));
        assertFalse(SpecMerger.sameText("The task ID.", "The ID of the task."));
    }

    private static List<String> names(JsonNode members) {
        List<String> names = new ArrayList<>();
        members.forEach(m -> names.add(m.path("name").asText()));
        return names;
    }

    private static JsonNode errorCode(String code) {
        for (JsonNode errorCode : spec.path("errorCodes")) {
            if (errorCode.path("code").asText().equals(code)) {
                return errorCode;
            }
        }
        throw new AssertionError("no error code " + code);
    }

    private static JsonNode structure(String name) {
        for (JsonNode structure : spec.path("structures")) {
            if (structure.path("name").asText().equals(name)) {
                return structure;
            }
        }
        throw new AssertionError("no structure " + name);
    }
}
