package dev.tcgen.generator.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.generator.compat.Change.Severity;
import dev.tcgen.generator.spec.ServiceSpec;
import dev.tcgen.generator.spec.SpecReader;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** A table of spec edits and the changes the checker must report for each. */
class CompatibilityCheckerTest {

    private static final String BASELINE = """
            {
              "service": "demo", "version": "2024-01-01",
              "endpoints": {"china": "demo.tencentcloudapi.com", "international": "demo.intl.tencentcloudapi.com"},
              "regions": [{"id": "ap-guangzhou"}, {"id": "ap-singapore"}],
              "actions": [
                {"name": "DescribeWidget", "description": "Describes.",
                 "input": [{"name": "WidgetId", "type": "string", "required": true},
                           {"name": "Verbose", "type": "bool"}],
                 "output": [{"name": "Widget", "type": "Widget"}, {"name": "Count", "type": "int64"}],
                 "regions": ["ap-guangzhou", "ap-singapore"], "rateLimit": 20},
                {"name": "DeleteWidget", "input": [], "output": []}
              ],
              "structures": [{"name": "Widget", "members": [{"name": "Size", "type": "uint64"}]}],
              "errorCodes": [{"code": "ResourceNotFound"}]
            }
            """;

    static Stream<Arguments> edits() {
        return Stream.of(
                edit("no change", s -> s, List.of()),
                edit("action removed",
                        s -> s.replaceAll(",\\s*\\{\"name\": \"DeleteWidget\", \"input\": \\[], \"output\": \\[]}", ""),
                        List.of("BREAKING DeleteWidget: action removed")),
                edit("action added",
                        s -> s.replace("{\"name\": \"DeleteWidget\",", "{\"name\": \"CreateWidget\", \"input\": [], "
                                + "\"output\": []},\n    {\"name\": \"DeleteWidget\","),
                        List.of("COMPATIBLE CreateWidget: action added")),
                edit("input member removed",
                        s -> s.replaceAll(",\\s*\\{\"name\": \"Verbose\", \"type\": \"bool\"}", ""),
                        List.of("BREAKING DescribeWidget input Verbose: member removed")),
                edit("input member renamed",
                        s -> s.replace("\"Verbose\"", "\"Detailed\""),
                        List.of("BREAKING DescribeWidget input Verbose: member removed",
                                "COMPATIBLE DescribeWidget input Detailed: member added")),
                edit("required input member added",
                        s -> s.replace("{\"name\": \"Verbose\", \"type\": \"bool\"}",
                                "{\"name\": \"Verbose\", \"type\": \"bool\"}, {\"name\": \"Owner\", \"type\": \"string\", "
                                        + "\"required\": true}"),
                        List.of("BREAKING DescribeWidget input Owner: member added as required")),
                edit("optional input member added",
                        s -> s.replace("{\"name\": \"Verbose\", \"type\": \"bool\"}",
                                "{\"name\": \"Verbose\", \"type\": \"bool\"}, {\"name\": \"Owner\", \"type\": \"string\"}"),
                        List.of("COMPATIBLE DescribeWidget input Owner: member added")),
                edit("optional becomes required",
                        s -> s.replace("{\"name\": \"Verbose\", \"type\": \"bool\"}",
                                "{\"name\": \"Verbose\", \"type\": \"bool\", \"required\": true}"),
                        List.of("BREAKING DescribeWidget input Verbose: now required")),
                edit("required becomes optional",
                        s -> s.replace("\"type\": \"string\", \"required\": true}", "\"type\": \"string\"}"),
                        List.of("COMPATIBLE DescribeWidget input WidgetId: now optional")),
                edit("type changed",
                        s -> s.replace("{\"name\": \"Count\", \"type\": \"int64\"}", "{\"name\": \"Count\", \"type\": \"string\"}"),
                        List.of("BREAKING DescribeWidget output Count: type changed from int64 to string")),
                edit("output member removed",
                        s -> s.replace(", {\"name\": \"Count\", \"type\": \"int64\"}", ""),
                        List.of("BREAKING DescribeWidget output Count: member removed")),
                edit("output member added, even required",
                        s -> s.replace("{\"name\": \"Count\", \"type\": \"int64\"}",
                                "{\"name\": \"Count\", \"type\": \"int64\"}, {\"name\": \"Total\", \"type\": \"int64\", "
                                        + "\"required\": true}"),
                        List.of("COMPATIBLE DescribeWidget output Total: member added")),
                edit("supported region removed",
                        s -> s.replace("\"regions\": [\"ap-guangzhou\", \"ap-singapore\"]", "\"regions\": [\"ap-guangzhou\"]"),
                        List.of("BREAKING DescribeWidget: region ap-singapore no longer supported")),
                edit("description changed",
                        s -> s.replace("\"Describes.\"", "\"Describes a widget.\""),
                        List.of("COMPATIBLE DescribeWidget: description changed")),
                edit("structure member type changed",
                        s -> s.replace("{\"name\": \"Size\", \"type\": \"uint64\"}", "{\"name\": \"Size\", \"type\": \"int64\"}"),
                        List.of("BREAKING structure Widget Size: type changed from uint64 to int64")),
                edit("required structure member added",
                        s -> s.replace("{\"name\": \"Size\", \"type\": \"uint64\"}",
                                "{\"name\": \"Size\", \"type\": \"uint64\"}, {\"name\": \"Name\", \"type\": \"string\", "
                                        + "\"required\": true}"),
                        List.of("BREAKING structure Widget Name: member added as required")),
                edit("error code removed",
                        s -> s.replace("[{\"code\": \"ResourceNotFound\"}]", "[]"),
                        List.of("BREAKING error code ResourceNotFound: removed (its enum constant disappears)")),
                edit("rate limit changed",
                        s -> s.replace("\"rateLimit\": 20", "\"rateLimit\": 10"),
                        List.of("COMPATIBLE DescribeWidget: rate limit changed from 20/s to 10/s")));
    }

    private static Arguments edit(String name, UnaryOperator<String> change, List<String> expected) {
        return Arguments.of(name, change, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void classifiesEachChange(String name, UnaryOperator<String> change, List<String> expected) throws Exception {
        String edited = change.apply(BASELINE);
        assertTrue(name.equals("no change") || !edited.equals(BASELINE), "the edit must change the spec: " + name);

        CompatibilityReport report = CompatibilityChecker.compare(spec("old.json", BASELINE), spec("new.json", edited));

        assertEquals(expected, report.changes().stream().map(c -> c.severity() + " " + c).toList());
    }

    @Test
    void theReportSaysWhatBrokeFirst() throws Exception {
        String edited = BASELINE.replace("{\"name\": \"Verbose\", \"type\": \"bool\"}",
                "{\"name\": \"Verbose\", \"type\": \"bool\"}, {\"name\": \"Owner\", \"type\": \"string\", \"required\": true}")
                .replace("\"Describes.\"", "\"Describes a widget.\"");

        CompatibilityReport report = CompatibilityChecker.compare(spec("old.json", BASELINE), spec("new.json", edited));

        assertTrue(report.hasBreakingChanges());
        assertEquals(Severity.BREAKING, report.changes().get(0).severity());
        assertEquals("""
                new.json against old.json: 1 breaking, 1 compatible change(s)
                Breaking:
                  - DescribeWidget input Owner: member added as required
                Compatible:
                  - DescribeWidget: description changed
                """, report.render());
    }

    @Test
    void identicalSpecsHaveNothingToReport() throws Exception {
        CompatibilityReport report = CompatibilityChecker.compare(spec("a.json", BASELINE), spec("b.json", BASELINE));

        assertFalse(report.hasBreakingChanges());
        assertEquals("b.json against a.json: 0 breaking, 0 compatible change(s)\n", report.render());
    }

    private static ServiceSpec spec(String name, String text) throws Exception {
        SpecReader.Result result = SpecReader.read(name, text);
        assertEquals(List.of(), result.problems());
        return result.spec();
    }
}
