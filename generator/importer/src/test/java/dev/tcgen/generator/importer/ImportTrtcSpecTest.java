package dev.tcgen.generator.importer;

import static dev.tcgen.generator.importer.ImportFixtures.action;
import static dev.tcgen.generator.importer.ImportFixtures.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The TRTC spec of the api-spec module is exactly what the importers produce from the inputs committed beside it
 * ({@code api-spec/src/import/trtc/2019-07-22}), so the two cannot drift apart. After changing the inputs or the
 * importers, re-import with {@code mvn -B -Pimport -pl api-spec,generator process-classes} (see README,
 * "Importing Tencent's specs").
 */
class ImportTrtcSpecTest {

    private static final Path API_SPEC = Path.of("..", "..", "api-spec");
    private static final Path INPUTS = API_SPEC.resolve("src/import/trtc/2019-07-22");
    private static final Path COMMITTED = API_SPEC.resolve("src/main/resources/tcgen/specs/trtc-2019-07-22.json");
    private static final Path PAGE = INPUTS.resolve("StopPublishCdnStream-api-doc.txt");

    private static SpecImporter.Result result;
    private static JsonNode spec;

    @BeforeAll
    static void importTrtc() throws Exception {
        result = SpecImporter.run(new SpecImporter.Inputs(INPUTS.resolve("api.json"),
                Optional.of(INPUTS.resolve("examples.json")), List.of(PAGE),
                Optional.of(INPUTS.resolve("overlay.json"))), "trtc-2019-07-22.json");
        spec = ImportFixtures.JSON.readTree(result.specText());
    }

    @Test
    void theCommittedSpecIsExactlyWhatTheImportProduces() {
        assertEquals(ImportFixtures.read(COMMITTED), result.specText(), COMMITTED + " is not what the importers make "
                + "of " + INPUTS + "; re-import with: mvn -B -Pimport -pl api-spec,generator process-classes");
    }

    @Test
    void theSpecHasAllFiftyEightActionsOfTencentsTrtcApi() {
        assertEquals(58, spec.path("actions").size());
        assertEquals(92, spec.path("structures").size());
        JsonNode start = action(spec, "StartPublishCdnStream");
        assertEquals("AgentParams", member(start.path("input"), "AgentParams").path("type").asText());
        assertEquals("McuPublishCdnParam", member(start.path("input"), "PublishCdnParams").path("items").asText());
        List<String> structures = new ArrayList<>();
        spec.path("structures").forEach(s -> structures.add(s.path("name").asText()));
        assertTrue(structures.containsAll(List.of("AgentParams", "McuLayoutParams", "McuPublishCdnParam")));
        assertEquals("Tencent Real-Time Communication", spec.path("title").asText());
        assertEquals(12, spec.path("regions").size());
    }

    @Test
    void stopPublishCdnStreamKeepsEverythingItsPageSays() throws Exception {
        DocPage page = DocPageParser.parse(PAGE.toString(), ImportFixtures.read(PAGE));
        JsonNode action = action(spec, "StopPublishCdnStream");

        assertEquals("[\"ap-guangzhou\",\"ap-hongkong\",\"ap-singapore\"]", action.path("regions").toString());
        assertEquals(20, action.path("rateLimit").asInt());
        assertEquals(page.description(), action.path("description").asText());
        List<String> codes = new ArrayList<>();
        action.path("errorCodes").forEach(code -> codes.add(code.asText()));
        assertEquals(page.errorCodes().stream().map(DocPage.ErrorCodeRow::code).sorted().toList(), codes);
        for (DocPage.ErrorCodeRow row : page.errorCodes()) {
            JsonNode code = errorCode(row.code());
            assertEquals(row.description(), code.path("description").asText(), row.code());
            assertEquals(CommonErrorCodes.get(row.code()).isPresent(), code.path("common").asBoolean(), row.code());
        }
        assertEquals(1, action.path("examples").size());
        assertEquals(page.examples().get(0).request(), action.path("examples").get(0).path("request"));
        assertEquals(page.examples().get(0).response(), action.path("examples").get(0).path("response"));
        for (DocPage.Parameter parameter : page.input()) {
            JsonNode member = member(action.path("input"), parameter.name());
            assertEquals(parameter.description(), member.path("description").asText());
            assertEquals(parameter.required(), member.path("required").asBoolean());
        }
        assertEquals("uint64", member(action.path("input"), "SdkAppId").path("type").asText());
    }

    @Test
    void onlyTencentsBrokenExamplesCauseWarnings() {
        assertEquals(6, result.warnings().size(), result.warnings().toString());
        result.warnings().forEach(w -> assertTrue(w.origin().source().endsWith("examples.json"), w.toString()));
    }

    private static JsonNode errorCode(String code) {
        for (JsonNode errorCode : spec.path("errorCodes")) {
            if (errorCode.path("code").asText().equals(code)) {
                return errorCode;
            }
        }
        throw new AssertionError("no error code " + code);
    }
}
