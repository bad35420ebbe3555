package dev.tcgen.generator.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.generator.spec.Problem;
import dev.tcgen.generator.spec.SpecException;
import dev.tcgen.generator.testing.SpecFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation reports every problem of a spec at once, each at its file:line:column with a JSON pointer. */
class SpecValidatorTest {

    @TempDir
    Path directory;

    /** A valid spec with one action and one self-referencing structure; tests break it in one place or several. */
    private static final String VALID = """
            {
              "service": "demo",
              "version": "2024-01-01",
              "endpoints": {"china": "demo.tencentcloudapi.com", "international": "demo.intl.tencentcloudapi.com"},
              "regions": [{"id": "ap-guangzhou"}, {"id": "ap-singapore"}],
              "actions": [
                {
                  "name": "DescribeTree",
                  "input": [
                    {"name": "NodeId", "type": "int64", "required": true}
                  ],
                  "output": [
                    {"name": "Root", "type": "Node"}
                  ],
                  "regions": ["ap-guangzhou"],
                  "errorCodes": ["ResourceNotFound"]
                }
              ],
              "structures": [
                {"name": "Node", "members": [
                  {"name": "Children", "type": "list", "items": "Node"},
                  {"name": "Label", "type": "string"}
                ]}
              ],
              "errorCodes": [{"code": "ResourceNotFound", "description": "No such node.", "common": true}]
            }
            """;

    @Test
    void aValidSpecHasNoProblems() throws Exception {
        assertEquals("demo", SpecFixtures.load(write(VALID)).service());
    }

    @Test
    void threeMistakesAreReportedTogetherEachWithItsPosition() throws IOException {
        String spec = VALID
                .replace("\"type\": \"int64\"", "\"type\": \"int32\"")
                .replace("\"type\": \"Node\"}", "\"type\": \"Nod\"}")
                .replace("\"regions\": [\"ap-guangzhou\"]", "\"regions\": [\"ap-guangzou\"]");
        Path file = write(spec);

        SpecException e = assertThrows(SpecException.class, () -> SpecFixtures.load(file));

        List<String> problems = e.problems().stream().sorted(Problem.BY_POSITION).map(Problem::toString).toList();
        assertEquals(List.of(
                file + ":10:36: unknown type \"int32\"; expected one of string, int64, uint64, "
                        + "float, bool, date, datetime, datetime_iso, binary, or a structure name "
                        + "(at /actions/0/input/0/type)",
                file + ":13:34: unknown structure \"Nod\"; did you mean \"Node\"? (at /actions/0/output/0/type)",
                file + ":15:19: action DescribeTree supports region \"ap-guangzou\", which is not among the service's "
                        + "regions; did you mean \"ap-guangzhou\"? (at /actions/0/regions/0)"),
                problems);
        assertTrue(e.getMessage().startsWith("the spec has 3 problems:"), e.getMessage());
    }

    @Test
    void duplicatesAreReportedWithTheFirstDeclaration() throws IOException {
        String spec = VALID.replace("{\"name\": \"Label\", \"type\": \"string\"}",
                "{\"name\": \"Label\", \"type\": \"string\"}, {\"name\": \"Label\", \"type\": \"bool\"}");
        Path file = write(spec);

        SpecException e = assertThrows(SpecException.class, () -> SpecFixtures.load(file));

        assertEquals(1, e.problems().size(), e.getMessage());
        Problem problem = e.problems().get(0);
        assertEquals("/structures/0/members/2", problem.pointer());
        assertEquals("duplicate member \"Label\"; it is first declared at " + file + ":22:7", problem.message());
    }

    @Test
    void missingRequiredPropertiesAndWrongKindsAreNamed() throws IOException {
        String spec = VALID
                .replace("\"service\": \"demo\",", "")
                .replace("\"required\": true", "\"required\": \"yes\"")
                .replace("{\"name\": \"Label\", \"type\": \"string\"}", "{\"name\": \"Label\"}");
        Path file = write(spec);

        SpecException e = assertThrows(SpecException.class, () -> SpecFixtures.load(file));

        List<String> messages = e.problems().stream().sorted(Problem.BY_POSITION).map(Problem::message).toList();
        assertEquals(List.of(
                "missing required property \"service\"",
                "\"required\" must be true or false, not the string \"yes\"",
                "missing required property \"type\""), messages);
    }

    @Test
    void wireNamesMustBeIdentifiersAndListsNeedItems() throws IOException {
        String spec = VALID
                .replace("\"name\": \"Label\"", "\"name\": \"Label-Text\"")
                .replace("\"type\": \"list\", \"items\": \"Node\"", "\"type\": \"list\"");
        Path file = write(spec);

        SpecException e = assertThrows(SpecException.class, () -> SpecFixtures.load(file));

        List<String> pointers = e.problems().stream().sorted(Problem.BY_POSITION).map(Problem::pointer).toList();
        assertEquals(List.of("/structures/0/members/0", "/structures/0/members/1/name"), pointers);
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("has no \"items\"")), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("\"Label-Text\" is not an identifier")),
                e.getMessage());
    }

    @Test
    void undeclaredErrorCodesAndUnknownPropertiesAreReported() throws IOException {
        String spec = VALID
                .replace("\"errorCodes\": [\"ResourceNotFound\"]", "\"errorCodes\": [\"ResourceNotFund\"]")
                .replace("\"name\": \"DescribeTree\",", "\"name\": \"DescribeTree\", \"rateLimt\": 20,");
        Path file = write(spec);

        SpecException e = assertThrows(SpecException.class, () -> SpecFixtures.load(file));

        List<String> messages = e.problems().stream().sorted(Problem.BY_POSITION).map(Problem::message).toList();
        assertEquals(List.of(
                "unknown property \"rateLimt\" in an action; did you mean \"rateLimit\"?",
                "action DescribeTree lists error code \"ResourceNotFund\", which the service's \"errorCodes\" does "
                        + "not declare; did you mean \"ResourceNotFound\"?"), messages);
    }

    @Test
    void pagingNamesAreCheckedAgainstTheMembersEachAtItsPosition() throws IOException {
        Path file = write(VALID.replace("\"regions\": [\"ap-guangzhou\"],", "\"regions\": [\"ap-guangzhou\"],\n"
                + "      \"paging\": {\"offset\": \"NodeID\", \"limit\": \"Label\", \"total\": \"Root\", "
                + "\"items\": \"Root\"},"));

        SpecException e = assertThrows(SpecException.class, () -> SpecFixtures.load(file));

        assertEquals(List.of(
                file + ":16:28: \"offset\" names NodeID, which is not an input member of DescribeTree; did you mean "
                        + "\"NodeId\"? (at /actions/0/paging/offset)",
                file + ":16:47: \"limit\" names Label, which is not an input member of DescribeTree "
                        + "(at /actions/0/paging/limit)",
                file + ":16:65: \"total\" names Root, an output member of DescribeTree of type Node; the total count "
                        + "must be of type int64 or uint64 (at /actions/0/paging/total)",
                file + ":16:82: \"items\" names Root, an output member of DescribeTree of type Node; the items must "
                        + "be of type list (at /actions/0/paging/items)"),
                e.problems().stream().sorted(Problem.BY_POSITION).map(Problem::toString).toList());
    }

    @Test
    void pagingIsOneFormOrFalse() throws Exception {
        Path twoForms = write(VALID.replace("\"regions\": [\"ap-guangzhou\"],", "\"regions\": [\"ap-guangzhou\"], "
                + "\"paging\": {\"page\": \"NodeId\", \"token\": \"NodeId\", \"items\": \"Root\"},"));
        SpecException e = assertThrows(SpecException.class, () -> SpecFixtures.load(twoForms));
        assertEquals(List.of(twoForms + ":15:46: paging of DescribeTree must name exactly one of \"offset\", "
                + "\"page\" or \"token\", not page and token: {\"offset\", \"limit\", \"total\", \"items\"}, "
                + "{\"page\", \"pageSize\", \"firstPage\", \"total\", \"items\"} or {\"token\", \"nextToken\", "
                + "\"items\"}, or be false for an action that does not page (at /actions/0/paging)"),
                e.problems().stream().map(Problem::toString).toList());

        Path pagingTrue = write(VALID.replace("\"regions\": [\"ap-guangzhou\"],",
                "\"regions\": [\"ap-guangzhou\"], \"paging\": true,"));
        e = assertThrows(SpecException.class, () -> SpecFixtures.load(pagingTrue));
        assertEquals(List.of("\"paging\" is an object stating how the action pages, or false for an action that "
                + "does not page; true says neither"), e.problems().stream().map(Problem::message).toList());

        Path pagingFalse = write(VALID.replace("\"regions\": [\"ap-guangzhou\"],",
                "\"regions\": [\"ap-guangzhou\"], \"paging\": false,"));
        assertEquals(false, SpecFixtures.load(pagingFalse).actions().get(0).paging().orElseThrow().paged());
    }

    @Test
    void malformedJsonIsReportedAtTheParserPosition() throws IOException {
        Path file = write("{\n  \"service\": \"demo\",\n  \"version\" \"2024-01-01\"\n}\n");

        SpecException e = assertThrows(SpecException.class, () -> SpecFixtures.load(file));

        assertEquals(1, e.problems().size());
        Problem problem = e.problems().get(0);
        assertEquals(3, problem.location().line());
        assertEquals(13, problem.location().column());
        assertTrue(problem.message().startsWith("malformed JSON: "), problem.message());
    }

    @Test
    void duplicateKeysAreNotSilentlyCollapsed() throws IOException {
        Path file = write(VALID.replace("\"version\": \"2024-01-01\",",
                "\"version\": \"2024-01-01\",\n  \"version\": \"2024-02-02\","));

        SpecException e = assertThrows(SpecException.class, () -> SpecFixtures.load(file));

        assertEquals(List.of(file + ":4:3: duplicate key \"version\"; the first one is at " + file + ":3:14 (at /version)"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void anEmptyFileIsExplained() throws IOException {
        Path file = write("");

        SpecException e = assertThrows(SpecException.class, () -> SpecFixtures.load(file));

        assertTrue(e.problems().get(0).message().startsWith("the file is empty"), e.getMessage());
    }

    private Path write(String text) throws IOException {
        Path file = directory.resolve("spec.json");
        Files.writeString(file, text);
        return file;
    }
}
