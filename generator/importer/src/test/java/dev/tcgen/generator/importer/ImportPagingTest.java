package dev.tcgen.generator.importer;

import static dev.tcgen.generator.importer.ImportFixtures.action;
import static dev.tcgen.generator.importer.ImportFixtures.hasWarning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcgen.generator.model.ActionModel;
import dev.tcgen.generator.model.ModelBuilder;
import dev.tcgen.generator.model.PagingModel;
import dev.tcgen.generator.spec.SpecReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import states each action's paging in the spec: what the paging rules recognise, or what an overlay says (which
 * can add, correct or remove one); an action the rules find ambiguous gets a warning instead. The fixture
 * {@code importer/paging/api.json} has one action of each shape, two ambiguous ones, one that only takes a limit and
 * one whose items are inside a structure.
 */
class ImportPagingTest {

    private static final String API_JSON = "paging/api.json";

    @TempDir
    static Path directory;

    private static SpecImporter.Result result;
    private static JsonNode spec;

    @BeforeAll
    static void importPaging() throws Exception {
        result = run(Optional.empty());
        spec = ImportFixtures.JSON.readTree(result.specText());
    }

    private static SpecImporter.Result run(Optional<Path> overlay) throws Exception {
        return SpecImporter.run(new SpecImporter.Inputs(ImportFixtures.file(API_JSON), Optional.empty(), List.of(),
                overlay), "pages-2021-06-01.json");
    }

    private static String paging(JsonNode spec, String action) {
        return action(spec, action).path("paging").toString();
    }

    /** The paging of the client generated from an imported spec, by action. */
    private static Map<String, PagingModel> pagingModels(SpecImporter.Result imported) throws Exception {
        SpecReader.Result read = SpecReader.read("pages.json", imported.specText());
        Map<String, PagingModel> paging = new TreeMap<>();
        for (ActionModel action : ModelBuilder.build(read.spec(), "dev.tcgen.client", "dev.tcgen.client.core")
                .actions()) {
            action.paging().ifPresent(p -> paging.put(action.wireName(), p));
        }
        return paging;
    }

    /** The paginators of the client generated from an imported spec: action to shape and items. */
    private static Map<String, String> paginators(SpecImporter.Result imported) throws Exception {
        Map<String, String> paginators = new TreeMap<>();
        pagingModels(imported).forEach((action, p) -> paginators.put(action, p.shape() + " " + p.items().wireName()));
        return paginators;
    }

    @Test
    void eachShapeTheRulesRecogniseIsWrittenIntoTheSpec() {
        assertEquals("{\"offset\":\"Offset\",\"limit\":\"Limit\",\"total\":\"TotalCount\",\"items\":\"ThingSet\"}",
                paging(spec, "DescribeThings"));
        assertEquals("{\"offset\":\"Offset\",\"limit\":\"Limit\",\"items\":\"Logs\"}", paging(spec, "ListLogs"));
        assertEquals("{\"page\":\"PageNumber\",\"pageSize\":\"PageSize\",\"firstPage\":0,\"total\":\"Total\","
                + "\"items\":\"RoomList\"}", paging(spec, "DescribeRooms"), "its page number's default is 0");
        assertEquals("{\"page\":\"PageNo\",\"pageSize\":\"PageSize\",\"firstPage\":1,\"items\":\"UserList\"}",
                paging(spec, "DescribeUsers"));
        assertEquals("{\"token\":\"NextToken\",\"nextToken\":\"NextToken\",\"items\":\"Events\"}",
                paging(spec, "ListEvents"));
    }

    @Test
    void anAmbiguousActionGetsNoPagingAndAWarningThatSaysWhyAndWhatToDo() {
        assertFalse(action(spec, "DescribeCalls").has("paging"));
        assertFalse(action(spec, "DescribeJobs").has("paging"));
        assertTrue(hasWarning(result.warnings(), API_JSON, 38, "DescribeCalls takes Offset and Limit but gets no "
                + "paginator, as its output has 2 lists, Users, Data; if it pages, state how in an overlay's "
                + "\"paging\"", "\"paging\": false"), result.warnings().toString());
        assertTrue(hasWarning(result.warnings(), API_JSON, 45, "DescribeJobs takes Offset and Limit but gets no "
                + "paginator, as its total TotalCount is of type string, not an integer"), result.warnings().toString());
        assertEquals(2, result.warnings().stream().filter(w -> w.message().contains("paginator")).count(),
                result.warnings().toString());
    }

    @Test
    void aLimitAloneOrItemsInsideAStructureAreNotPagingAndNotWorthAWarning() {
        for (String name : List.of("DescribeTop", "DescribeNested")) {
            assertFalse(action(spec, name).has("paging"), name);
            assertTrue(result.warnings().stream().noneMatch(w -> w.message().contains(name)),
                    result.warnings().toString());
        }
    }

    @Test
    void theClientPagesExactlyAsTheSpecSays() throws Exception {
        assertEquals(Map.of(
                "DescribeRooms", "PAGE_NUMBER RoomList",
                "DescribeThings", "OFFSET ThingSet",
                "DescribeUsers", "PAGE_NUMBER UserList",
                "ListEvents", "TOKEN Events",
                "ListLogs", "OFFSET Logs"), paginators(result));
    }

    @Test
    void anOverlayAddsCorrectsAndRemovesPaging() throws Exception {
        Path overlay = ImportFixtures.write(directory, "paging-overlay.json", """
                {
                  "actions": [
                    {"name": "DescribeCalls", "paging": {"offset": "Offset", "limit": "Limit", "total": "Total",
                      "items": "Users"}},
                    {"name": "DescribeRooms", "paging": {"page": "PageNumber", "pageSize": "PageSize", "firstPage": 1,
                      "total": "Total", "items": "RoomList"}},
                    {"name": "ListLogs", "paging": false}
                  ]
                }
                """);

        SpecImporter.Result fixed = run(Optional.of(overlay));

        JsonNode fixedSpec = ImportFixtures.JSON.readTree(fixed.specText());
        assertEquals("{\"offset\":\"Offset\",\"limit\":\"Limit\",\"total\":\"Total\",\"items\":\"Users\"}",
                paging(fixedSpec, "DescribeCalls"));
        assertEquals(1, action(fixedSpec, "DescribeRooms").path("paging").path("firstPage").asInt());
        assertEquals("false", paging(fixedSpec, "ListLogs"));
        assertTrue(fixed.warnings().stream().noneMatch(w -> w.message().contains("DescribeCalls")),
                fixed.warnings().toString());
        Map<String, String> paginators = paginators(fixed);
        assertEquals("OFFSET Users", paginators.get("DescribeCalls"));
        assertFalse(paginators.containsKey("ListLogs"), paginators.toString());
        assertEquals(1, pagingModels(fixed).get("DescribeRooms").firstPage());
    }

    @Test
    void anOverlaysPagingIsCheckedAgainstTheMembersAsTheOverlayLeavesThem() throws Exception {
        Path overlay = ImportFixtures.write(directory, "typed-overlay.json", """
                {
                  "actions": [
                    {"name": "DescribeJobs", "output": [{"name": "TotalCount", "type": "uint64"}],
                      "paging": {"offset": "Offset", "limit": "Limit", "total": "TotalCount", "items": "Jobs"}}
                  ]
                }
                """);

        SpecImporter.Result fixed = run(Optional.of(overlay));

        assertEquals("OFFSET Jobs", paginators(fixed).get("DescribeJobs"));
    }

    @Test
    void aWrongPagingInAnOverlayFailsWithEveryProblemAtItsLine() {
        Path overlay = ImportFixtures.write(directory, "bad-paging-overlay.json", """
                {
                  "actions": [
                    {"name": "DescribeCalls",
                      "paging": {"offset": "Ofset", "total": "Users", "items": "Total"}},
                    {"name": "DescribeThings",
                      "paging": {"offset": "Offset", "token": "NextToken", "items": "ThingSet"}},
                    {"name": "ListLogs", "paging": true},
                    {"name": "DescribeRooms",
                      "paging": {"page": "PageNumber", "firstPage": 2, "pages": 1, "items": "RoomList"}},
                    {"name": "ListEvents",
                      "paging": {"token": "NextToken", "items": "Events"}}
                  ]
                }
                """);

        ImportException e = assertThrows(ImportException.class, () -> run(Optional.of(overlay)));

        List<String> problems = e.problems().stream().map(ImportMessage::toString).toList();
        String file = overlay.toString();
        assertEquals(List.of(
                file + ":4: \"offset\" names Ofset, which is not an input member of DescribeCalls; did you mean "
                        + "\"Offset\"?",
                file + ":4: \"total\" names Users, an output member of DescribeCalls of type list; the total count must "
                        + "be of type int64 or uint64",
                file + ":4: \"items\" names Total, an output member of DescribeCalls of type int64; the items must be "
                        + "of type list",
                file + ":6: paging of DescribeThings must name exactly one of \"offset\", \"page\" or \"token\", not "
                        + "offset and token: {\"offset\", \"limit\", \"total\", \"items\"}, {\"page\", \"pageSize\", "
                        + "\"firstPage\", \"total\", \"items\"} or {\"token\", \"nextToken\", \"items\"}, or be false "
                        + "for an action that does not page",
                file + ":7: \"paging\" must be an object stating how ListLogs pages, {\"offset\", \"limit\", "
                        + "\"total\", \"items\"}, {\"page\", \"pageSize\", \"firstPage\", \"total\", \"items\"} or "
                        + "{\"token\", \"nextToken\", \"items\"}, or false if it does not page",
                file + ":9: unknown property \"pages\" in paging; did you mean \"page\"?",
                file + ":9: \"firstPage\" of DescribeRooms is 2; it is 0 or 1, and belongs to paging by page only",
                file + ":11: paging by token of ListEvents needs \"nextToken\", the output member of the next page's "
                        + "token: {\"token\", \"nextToken\", \"items\"}"),
                problems);
    }
}
