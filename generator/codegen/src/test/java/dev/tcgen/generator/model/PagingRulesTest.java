package dev.tcgen.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.generator.spec.MemberSpec;
import dev.tcgen.generator.spec.PagingSpec;
import dev.tcgen.generator.spec.SpecReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PagingRules}: each shape of the corpus recognised, each doubtful one left alone with its reason, and the
 * spec's own {@code paging} (an object, or {@code false}) taken over the rules.
 */
class PagingRulesTest {

    private static final String POINTER = "/actions/0/paging";

    private static MemberSpec member(String name, String type) {
        return member(name, type, "");
    }

    private static MemberSpec member(String name, String type, String description) {
        return new MemberSpec("", name, type, type.equals("list") ? Optional.of("string") : Optional.empty(), false,
                description, "", false);
    }

    private static PagingRules.Verdict judge(List<MemberSpec> input, List<MemberSpec> output) {
        return PagingRules.judge(POINTER, input, output);
    }

    private static Optional<PagingSpec> recognised(List<MemberSpec> input, List<MemberSpec> output) {
        PagingRules.Verdict verdict = judge(input, output);
        assertFalse(verdict.isAmbiguous(), verdict.toString());
        return verdict.paging();
    }

    /** The reason an action whose inputs make a form of paging is left alone. */
    private static String ambiguity(List<MemberSpec> input, List<MemberSpec> output) {
        PagingRules.Verdict verdict = judge(input, output);
        assertEquals(PagingRules.Verdict.Kind.AMBIGUOUS, verdict.kind(), verdict.toString());
        assertEquals(Optional.empty(), verdict.paging());
        return verdict.inputs() + ": " + verdict.reason();
    }

    private static final List<MemberSpec> OFFSET_LIMIT = List.of(member("Offset", "int64"), member("Limit", "uint64"));

    // ---- each shape ----

    @Test
    void offsetAndLimitWithATotalCountAndOneList() {
        assertEquals(Optional.of(PagingSpec.offset(POINTER, "Offset", "Limit", "TotalCount", "InstanceSet")),
                recognised(OFFSET_LIMIT, List.of(member("TotalCount", "uint64"), member("InstanceSet", "list"),
                        member("RequestId", "string"))));
    }

    @Test
    void offsetAndLimitWithoutATotal() {
        assertEquals(Optional.of(PagingSpec.offset(POINTER, "Offset", "Limit", "", "Logs")),
                recognised(OFFSET_LIMIT, List.of(member("Logs", "list"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TotalCount", "Total", "TotalNum", "TotalCounts", "TotalCnt", "TotalNumber"})
    void everyNameOfATotal(String total) {
        assertEquals(total, recognised(OFFSET_LIMIT, List.of(member(total, "int64"), member("Items", "list")))
                .orElseThrow().total());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PageNumber", "PageNum", "PageNo", "PageIndex", "Page"})
    void aPageNumberAndPageSizeCountFromOneUnlessTheDocumentationSaysZero(String page) {
        List<MemberSpec> output = List.of(member("Total", "int64"), member("RoomList", "list"));

        assertEquals(Optional.of(PagingSpec.pageNumber(POINTER, page, "PageSize", 1, "Total", "RoomList")),
                recognised(List.of(member(page, "uint64", "The page number."), member("PageSize", "uint64")),
                        output));
        assertEquals(0, recognised(List.of(member(page, "int64", "The page number. The default is 0."),
                member("PageSize", "int64")), output).orElseThrow().firstPage().getAsLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Default: 0.", "Default value: `0`", "The default is 0.", "Starts from 0.",
        "starting at 0", "Pages start with 0"})
    void theFirstPageIsZeroWhereTheDocumentationSaysItsDefaultOrStartIsZero(String description) {
        assertEquals(0, firstPage(description), description);
    }

    @ParameterizedTest
    @ValueSource(strings = {"The page number.", "Default: 1.", "Default: 0.5", "Default: 10", "Starts from 1."})
    void otherwiseTheFirstPageIsOne(String description) {
        assertEquals(1, firstPage(description), description);
    }

    private static long firstPage(String pageDescription) {
        return recognised(List.of(member("PageNo", "int64", pageDescription), member("PageSize", "int64")),
                List.of(member("Items", "list"))).orElseThrow().firstPage().getAsLong();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NextToken", "PaginationToken", "ScrollToken", "PageToken"})
    void aStringTokenInAndOutOfTheSameName(String token) {
        assertEquals(Optional.of(PagingSpec.token(POINTER, token, token, "Events")),
                recognised(List.of(member(token, "string"), member("MaxResults", "int64")),
                        List.of(member("Events", "list"), member(token, "string"), member("TotalCount", "string"))));
    }

    // ---- ambiguous: left alone, with the reason ----

    @Test
    void twoListsInTheOutput() {
        assertEquals("Offset and Limit: its output has 2 lists, UserList, Data",
                ambiguity(OFFSET_LIMIT, List.of(member("Total", "int64"), member("UserList", "list"),
                        member("Data", "list"))));
    }

    @Test
    void noListInTheOutputIsNoPagingAStateCouldGive() {
        PagingRules.Verdict verdict = judge(List.of(member("PageNumber", "int64"), member("PageSize", "int64")),
                List.of(member("Total", "int64"), member("Result", "Rooms")));

        assertEquals(new PagingRules.Verdict(PagingRules.Verdict.Kind.NO_LIST, Optional.empty(),
                "PageNumber and PageSize", "its output has no list"), verdict);
        assertFalse(verdict.isAmbiguous(), "its items are inside Result, where no paging can name them");
    }

    @Test
    void aTotalThatIsNotAnInteger() {
        assertEquals("Offset and Limit: its total TotalCount is of type string, not an integer",
                ambiguity(OFFSET_LIMIT, List.of(member("TotalCount", "string"), member("Items", "list"))));
    }

    @Test
    void twoTotals() {
        assertEquals("Offset and Limit: its output has 2 totals, TotalCount, Total",
                ambiguity(OFFSET_LIMIT, List.of(member("Total", "int64"), member("TotalCount", "int64"),
                        member("Items", "list"))));
    }

    @Test
    void twoFormsOfPaging() {
        assertEquals("Offset and Limit and PageNumber and PageSize: it takes two forms of paging",
                ambiguity(List.of(member("Offset", "int64"), member("Limit", "int64"), member("PageNumber", "int64"),
                        member("PageSize", "int64")), List.of(member("Items", "list"))));
    }

    @Test
    void twoPageNumbers() {
        assertEquals("PageNo, PageIndex and PageSize: it has 2 page numbers, PageNo, PageIndex",
                ambiguity(List.of(member("PageNo", "int64"), member("PageIndex", "int64"), member("PageSize", "int64")),
                        List.of(member("Items", "list"))));
    }

    @Test
    void twoTokens() {
        assertEquals("NextToken, ScrollToken: it has 2 tokens, NextToken, ScrollToken", ambiguity(
                List.of(member("NextToken", "string"), member("ScrollToken", "string")),
                List.of(member("NextToken", "string"), member("ScrollToken", "string"), member("Items", "list"))));
    }

    // ---- no form of paging at all: nothing recognised, nothing to report ----

    @Test
    void incompleteFormsAreNotPaging() {
        List<MemberSpec> items = List.of(member("TotalCount", "int64"), member("Items", "list"));
        for (List<MemberSpec> input : List.<List<MemberSpec>>of(
                List.of(member("Limit", "int64")),
                List.of(member("Offset", "int64")),
                List.of(member("Offset", "string"), member("Limit", "int64")),
                List.of(member("PageNumber", "int64")),
                List.of(member("PageSize", "int64")),
                List.of(member("PageNumber", "float"), member("PageSize", "int64")),
                List.of(member("NextToken", "string")),
                List.of(member("Marker", "string"), member("MaxItems", "int64")),
                List.of())) {
            PagingRules.Verdict verdict = judge(input, items);
            assertEquals(new PagingRules.Verdict(PagingRules.Verdict.Kind.NOT_PAGED, Optional.empty(), "", ""),
                    verdict, input.toString());
        }
        assertEquals(Optional.empty(), recognised(List.of(member("NextToken", "string")),
                List.of(member("NextToken", "int64"), member("Items", "list"))), "a token that changes type");
    }

    // ---- the spec's own paging wins ----

    private static final String SPEC = """
            {
              "service": "demo",
              "version": "2024-01-01",
              "endpoints": {"china": "demo.tencentcloudapi.com", "international": "demo.intl.tencentcloudapi.com"},
              "regions": [],
              "actions": [
                {
                  "name": "DescribeThings",
                  "input": [{"name": "Offset", "type": "int64"}, {"name": "Limit", "type": "int64"}],
                  "output": [{"name": "TotalCount", "type": "int64"}, {"name": "Things", "type": "list", "items": "string"}
                    OTHERS]
                  PAGING
                }
              ]
            }
            """;

    private static final String OTHERS = ", {\"name\": \"Others\", \"type\": \"list\", \"items\": \"string\"}";

    private static Optional<PagingModel> modelPaging(String paging) throws Exception {
        SpecReader.Result read = SpecReader.read("demo.json", SPEC.replace("OTHERS", OTHERS).replace("PAGING", paging));
        assertEquals(List.of(), read.problems());
        return ModelBuilder.build(read.spec(), "dev.tcgen.client", "dev.tcgen.client.core").actions().get(0).paging();
    }

    @Test
    void theSpecsPagingIsTakenAsGivenWhereTheRulesWouldLeaveTheActionAlone() throws Exception {
        assertEquals(Optional.empty(), modelPaging(""), "two lists: the rules leave it alone");

        PagingModel paging = modelPaging(", \"paging\": {\"offset\": \"Offset\", \"items\": \"Others\"}").orElseThrow();

        assertEquals(PagingModel.Shape.OFFSET, paging.shape());
        assertEquals("Offset", paging.position().wireName());
        assertEquals(null, paging.size(), "the spec names no limit");
        assertEquals(null, paging.total(), "nor a total");
        assertEquals("Others", paging.items().wireName());
    }

    @Test
    void pagingFalseLeavesAnActionTheRulesWouldPageWithoutAPaginator() throws Exception {
        String oneList = SPEC.replace("OTHERS", "");
        SpecReader.Result silent = SpecReader.read("demo.json", oneList.replace("PAGING", ""));
        SpecReader.Result notPaged = SpecReader.read("demo.json", oneList.replace("PAGING", ", \"paging\": false"));

        assertTrue(ModelBuilder.build(silent.spec(), "p", "p.core").actions().get(0).paging().isPresent(),
                "the rules page it");
        assertEquals(Optional.empty(), ModelBuilder.build(notPaged.spec(), "p", "p.core").actions().get(0).paging());
        assertFalse(notPaged.spec().actions().get(0).paging().orElseThrow().paged());
    }
}
