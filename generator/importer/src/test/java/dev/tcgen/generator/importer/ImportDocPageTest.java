package dev.tcgen.generator.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The doc-page importer on the seed page {@code StopPublishCdnStream-api-doc.txt} and on variations of it. */
class ImportDocPageTest {

    private static final String SEED = "seed/StopPublishCdnStream-api-doc.txt";
    private static final String PAGE = "StopPublishCdnStream-api-doc.txt";
    private static final String TTS = "streaming/TextToSpeechSSE-api-doc.txt";
    private static final String TTS_PAGE = "TextToSpeechSSE-api-doc.txt";
    private static final String STREAMING_RESPONSE_SENTENCE = " As a streaming response API, when the request is "
            + "successfully completed, the RequestId will be placed in the Header \"X-TC-RequestId\" of the HTTP "
            + "response.";

    private static DocPage seed;

    @BeforeAll
    static void parseSeed() throws Exception {
        seed = DocPageParser.parse(PAGE, ImportFixtures.text(SEED));
    }

    @Test
    void readsTheActionDomainVersionAndDescription() {
        assertEquals("StopPublishCdnStream", seed.action());
        assertEquals(3, seed.actionOrigin().line());
        assertEquals("trtc.intl.tencentcloudapi.com", seed.domain());
        assertEquals("trtc", seed.service());
        assertEquals("2019-07-22", seed.version());
        assertTrue(seed.description().startsWith("This API is used to stop a relaying task.\nYou can create a relay"),
                seed.description());
        assertTrue(seed.description().endsWith("set when starting the relay task."), seed.description());
    }

    @Test
    void readsRegionsAndRateLimit() {
        assertEquals(Optional.of(List.of("ap-guangzhou", "ap-hongkong", "ap-singapore")), seed.regions());
        assertEquals(28, seed.regionsOrigin().line());
        assertEquals(OptionalInt.of(20), seed.rateLimit());
        assertEquals(15, seed.rateLimitOrigin().line());
    }

    @Test
    void readsParametersWithoutTheCommonOnes() {
        assertEquals(List.of(
                new DocPage.Parameter("SdkAppId", true, "Integer",
                        "The SDKAppID of the TRTC room whose streams are relayed.", new Origin(PAGE, 29)),
                new DocPage.Parameter("TaskId", true, "String", "The task ID.", new Origin(PAGE, 30))),
                seed.input());
        assertEquals(List.of("TaskId", "RequestId"), seed.output().stream().map(DocPage.Parameter::name).toList());
        assertEquals("String", seed.output().get(1).type());
        assertFalse(seed.output().get(0).required(), "the output table has no Required column");
    }

    @Test
    void readsTheExample() throws Exception {
        assertEquals(1, seed.examples().size());
        SpecDraft.Example example = seed.examples().get(0);
        assertEquals("Stopping a relaying task", example.title());
        assertEquals(ImportFixtures.JSON.readTree("""
                {"SdkAppId": 1400188366,
                 "TaskId": "-m97l2ZU7kOlV5cTRMoU6yoGp2nDYkzbJ13EC4K-4pycoZXVv+XVrNoUXQ8++8Z2PwUlAQ.."}"""),
                example.request());
        assertEquals(ImportFixtures.JSON.readTree("""
                {"Response": {"RequestId": "71993312-6ab8-4768-9124-118e0a20c45f", "TaskId": "xx"}}"""),
                example.response());
        assertEquals(40, example.origin().line());
    }

    @Test
    void readsTheErrorCodesWithTheirDescriptionsAndIgnoresTheFooter() {
        assertEquals(9, seed.errorCodes().size());
        assertEquals(new DocPage.ErrorCodeRow("AuthFailure", "CAM signature/authentication error.",
                new Origin(PAGE, 77)), seed.errorCodes().get(0));
        assertEquals(new DocPage.ErrorCodeRow("ResourceNotFound", "The resource does not exist.",
                new Origin(PAGE, 85)), seed.errorCodes().get(8));
    }

    @Test
    void pageChromeIsIgnored() {
        for (String noise : List.of("API Explorer", "Try it", "最后更新时间", "tencent cloud", "Domain name",
                "A maximum of")) {
            assertFalse(seed.description().contains(noise), noise);
        }
        assertTrue(seed.warnings().isEmpty(), seed.warnings().toString());
    }

    /**
     * The doc-page import of the seed page yields the StopPublishCdnStream of api-spec: everything the page says is
     * there, unchanged. The page cannot say the title (only api.json has it), cannot be more precise than "Integer"
     * (api.json says uint64, which Integer covers), and has no example of the output members.
     */
    @Test
    void theSeedPageYieldsTheStopPublishCdnStreamOfApiSpec() {
        JsonNode apiSpec = ImportFixtures.apiSpecTrtc();
        ObjectNode expected = ImportFixtures.action(apiSpec, "StopPublishCdnStream").deepCopy();
        ObjectNode fromPage = SpecWriter.action(seed.toAction());

        assertEquals("Stops a relaying task", expected.remove("title").asText());
        for (JsonNode member : expected.path("input")) {
            DocPage.Parameter parameter = seed.input().stream()
                    .filter(p -> p.name().equals(member.path("name").asText())).findFirst().orElseThrow();
            assertTrue(parameter.agreesWith(new SpecDraft.Member("", member.path("type").asText(), Optional.empty(),
                    false, "", "", false, Origin.of(""))), member.toString());
            ((ObjectNode) member).put("type", parameter.specType());
        }
        expected.path("output").forEach(member -> ((ObjectNode) member).remove("example"));
        assertEquals(expected, fromPage);

        for (DocPage.ErrorCodeRow row : seed.errorCodes()) {
            JsonNode code = errorCode(apiSpec, row.code());
            assertEquals(row.description(), code.path("description").asText(), row.code());
        }
    }

    @Test
    void rowsContinueOnTheirNextLinesAndTypesMayBeArrays() throws Exception {
        DocPage page = DocPageParser.parse("shards.txt", ImportFixtures.text("traps/DescribeInstanceShards-api-doc.txt"));

        assertEquals(Optional.of(List.of("ap-guangzhou", "ap-shanghai")), page.regions(), "the list wraps a line");
        assertEquals("Whether to leave out replica nodes.\nValid values: true, false.",
                page.input().get(1).description());
        DocPage.Parameter shards = page.output().get(0);
        assertEquals("Array of InstanceClusterShard", shards.type());
        assertEquals("list", shards.specType());
        assertEquals(Optional.of("InstanceClusterShard"), shards.specItems());
        assertEquals("The instance does not exist, or it has been deleted.", page.errorCodes().get(1).description());
        assertEquals(3, page.errorCodes().size());
    }

    @Test
    void exampleRequestsMayBeUrlsAndBodiesAreReadLenientlyWithAWarning() throws Exception {
        DocPage page = DocPageParser.parse("shards.txt", ImportFixtures.text("traps/DescribeInstanceShards-api-doc.txt"));

        assertEquals(2, page.examples().size());
        assertEquals(ImportFixtures.JSON.readTree("{\"InstanceId\": \"crs-c1nl9rpv\", \"FilterSlave\": false, "
                + "\"Limit\": 10}"), page.examples().get(0).request(), "typed by the page's parameter types");
        assertEquals("Querying the first shard", page.examples().get(1).title());
        assertEquals(List.of(new ImportMessage(new Origin("shards.txt", 77), "example \"Querying the first shard\": "
                + "the example request is not valid JSON (Unexpected character ('}' (code 125)): was expecting "
                + "double-quote to start field name); it was read leniently")), page.warnings());
        assertEquals("crs-c1nl9rpv", page.exampleValue("InstanceId"));
        assertEquals("false", page.exampleValue("FilterSlave"));
    }

    @Test
    void anExampleAnsweredWithAnEventStreamMarksTheActionStreamingAndIsLeftOutWithAWarning() throws Exception {
        DocPage page = DocPageParser.parse(TTS_PAGE, ImportFixtures.text(TTS));

        assertEquals(List.of("Failed before TTS synthesis"),
                page.examples().stream().map(SpecDraft.Example::title).toList(), "the JSON answer is kept");
        assertEquals(List.of(
                new ImportMessage(new Origin(TTS_PAGE, 65), "example \"TTS synthesis error mid-way\" is left out: its "
                        + "answer is an event stream (\"data:\" lines), which a spec example cannot hold; the action "
                        + "is marked streaming"),
                new ImportMessage(new Origin(TTS_PAGE, 125), "example \"TextToSpeechSSE\" is left out: its answer is "
                        + "an event stream (\"data:\" lines), which a spec example cannot hold; the action is marked "
                        + "streaming")),
                page.warnings());
        assertTrue(page.toAction().streaming());
        assertEquals(List.of("InternalError", "InvalidParameter.VoiceId"), page.toAction().errorCodes(),
                "the sections after the examples are read");
    }

    /** Each way a page can say its answer streams is enough on its own; talk of media streams is not one of them. */
    @Test
    void aPageStreamsByItsExamplesOrByWhatItsTextSays() throws Exception {
        String text = ImportFixtures.text(TTS);
        String withoutSentence = text.replace(STREAMING_RESPONSE_SENTENCE, "");
        String withoutExamples = text.substring(0, text.indexOf("4. Example"))
                + text.substring(text.indexOf("5. Developer Resources"));
        assertTrue(text.contains(STREAMING_RESPONSE_SENTENCE));

        assertTrue(DocPageParser.parse(TTS_PAGE, withoutSentence).streaming(), "the examples alone");
        assertTrue(DocPageParser.parse(TTS_PAGE, withoutExamples).streaming(), "RequestId's description alone");
        assertTrue(DocPageParser.parse(TTS_PAGE, withoutExamples.replace(STREAMING_RESPONSE_SENTENCE, "")
                .replace("This API is used to stream text-to-speech.", "The answer is text/event-stream.")).streaming(),
                "the action's description alone");
        assertFalse(DocPageParser.parse(TTS_PAGE, withoutExamples.replace(STREAMING_RESPONSE_SENTENCE, ""))
                .streaming(), "\"stream text-to-speech\" does not say how the answer comes");
        assertFalse(seed.streaming(), "relaying a stream to CDN is not a streaming answer");
    }

    @Test
    void aPageWithoutBusinessErrorCodesHasNone() throws Exception {
        String text = ImportFixtures.text(SEED);
        String withoutCodes = text.substring(0, text.indexOf("The following only lists the error codes"))
                + "There is no error code related to the API business logic.\n";

        assertEquals(List.of(), DocPageParser.parse(PAGE, withoutCodes).errorCodes());
    }

    static Stream<Arguments> brokenPages() {
        return Stream.of(
                broken("a missing section", 32, "in section \"2. Input Parameters\": the page has no such section",
                        t -> t.replace("2. Input Parameters", "Input Parameters")),
                broken("sections out of order", 32, "in section \"2. Input Parameters\": the section comes after "
                        + "\"3. Output Parameters\"", t -> t.replace("2. Input Parameters", "@@")
                                .replace("3. Output Parameters", "2. Input Parameters")
                                .replace("@@", "3. Output Parameters")),
                broken("no action name", 8, "the page names no action",
                        t -> t.replace("\nStopPublishCdnStream\n", "\n\n")),
                broken("no request domain", 8, "in section \"1. API Description\": no line \"Domain name for API "
                        + "request: <host>\"", t -> t.replace("Domain name for API request", "Domain")),
                broken("no parameter table header", 21, "in section \"2. Input Parameters\": no table header "
                        + "\"Parameter Name Required Type Description\"",
                        t -> t.replace("Parameter Name Required Type Description", "Name Required Type")),
                broken("a line that is not a row", 26, "in section \"2. Input Parameters\": expected a row "
                        + "\"Name Required Type Description\" after the table header, but found \"| Action | Yes |\"",
                        t -> t.replace("Type Description\nAction", "Type Description\n| Action | Yes |\nAction")),
                broken("another action's Action parameter", 26, "the page documents action StopPublishCdnStream but "
                        + "its Action parameter says \"StartPublishCdnStream\"",
                        t -> t.replace("The value used for this API: StopPublishCdnStream.",
                                "The value used for this API: StartPublishCdnStream.")),
                broken("an example response that is not JSON", 60, "in section \"4. Example\": example \"Stopping a "
                        + "relaying task\": the example response is not valid JSON",
                        t -> t.replace("\"TaskId\": \"xx\"", "\"TaskId\": xx")),
                broken("an example without output", 40, "example \"Stopping a relaying task\" has no \"Output "
                        + "Example\" line", t -> t.replace("Output Example", "Output")),
                broken("text before the first example", 39, "expected an example heading such as",
                        t -> t.replace("4. Example\n", "4. Example\nSee below.\n")),
                broken("a line that is not an error code row", 77, "in section \"6. Error Code\": expected a row "
                        + "\"Code Description\"", t -> t.replace("Description\nAuthFailure ", "Description\nauth ")),
                broken("an error code listed twice", 85, "error code AuthFailure is listed twice; it first appears "
                        + "at line 77", t -> t.replace("ResourceNotFound The", "AuthFailure The")));
    }

    private static Arguments broken(String name, int line, String message, UnaryOperator<String> breakIt) {
        return Arguments.of(name, line, message, breakIt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPages")
    void aPageThatCannotBeParsedFailsWithTheSectionAndLine(String name, int line, String message,
            UnaryOperator<String> breakIt) {
        String text = breakIt.apply(ImportFixtures.text(SEED));
        ImportException e = assertThrows(ImportException.class, () -> DocPageParser.parse(PAGE, text), name);

        assertEquals(1, e.problems().size());
        ImportMessage problem = e.problems().get(0);
        assertEquals(new Origin(PAGE, line), problem.origin(), problem.toString());
        assertTrue(problem.message().contains(message), problem.toString());
    }

    private static JsonNode errorCode(JsonNode spec, String code) {
        for (JsonNode errorCode : spec.path("errorCodes")) {
            if (errorCode.path("code").asText().equals(code)) {
                return errorCode;
            }
        }
        throw new AssertionError("no error code " + code);
    }
}
