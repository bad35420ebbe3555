package dev.tcgen.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import dev.tcgen.generator.testing.SpecFixtures;
import dev.tcgen.runtime.Idempotency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model of the kitchen-sink spec: every Java name decided, types resolved, collisions settled, order fixed. */
class ModelBuilderTest {

    private static final String PACKAGE = "dev.tcgen.client.kitchen.v20240506";

    private static ServiceModel model;

    @TempDir
    Path directory;

    @BeforeAll
    static void build() throws Exception {
        model = ModelBuilder.build(SpecFixtures.load(SpecFixtures.spec("kitchen-sink.json")), "dev.tcgen.client",
                "dev.tcgen.client.core");
    }

    @Test
    void packagesAndServiceClassesAreNamedFromServiceAndVersion() {
        assertEquals(PACKAGE, model.packageName());
        assertEquals("dev.tcgen.client.core", model.runtimePackage());
        assertEquals(ClassName.get(PACKAGE, "KitchenClient"), model.client());
        assertEquals(ClassName.get(PACKAGE, "KitchenException"), model.exception());
        assertEquals(ClassName.get(PACKAGE, "KitchenErrorCode"), model.errorCodeEnum());
        assertEquals(ClassName.get(PACKAGE, "Region"), model.regionClass());
    }

    @Test
    void keywordMembersGetTheSuffixValue() {
        Map<String, String> names = javaNames(structure("Keywords").members());
        assertEquals("switchValue", names.get("Switch"));
        assertEquals("defaultValue", names.get("Default"));
        assertEquals("enumValue", names.get("Enum"));
        assertEquals("nativeValue", names.get("Native"));
        assertEquals("forValue", names.get("For"));
        assertEquals("classValue", names.get("Class"));
        assertEquals("extendsValue", names.get("Extends"));
        assertEquals("record", names.get("Record"), "record is a contextual keyword, legal as a member name");
        Map<String, String> everything = javaNames(structure("Everything").members());
        assertEquals("intValue", everything.get("Int"));
        assertEquals("floatValue", everything.get("Float"));
        assertEquals("bool", everything.get("Bool"));
    }

    @Test
    void namesDifferingOnlyInCaseOrUnderscoresStayApart() {
        Map<String, String> names = javaNames(structure("Keywords").members());
        assertEquals("runid", names.get("Runid"));
        assertEquals("runId", names.get("RunId"));
        assertEquals("fooBar", names.get("Foo_Bar"));
        assertEquals("fooBar2", names.get("FooBar"));
        assertEquals(names.size(), Set.copyOf(names.values()).size(), names.toString());
    }

    @Test
    void theRegionStructureIsRenamedBecauseTheRegionEnumHasTheName() {
        StructureModel region = structure("Region");
        assertEquals(ClassName.get(PACKAGE, "RegionModel"), region.className());
        TypeModel reference = member(action("DescribeEverything").output(), "Region").type();
        assertEquals(new TypeModel.StructureRef("Region", ClassName.get(PACKAGE, "RegionModel")), reference);
    }

    @Test
    void otherStructuresKeepTheirNames() {
        for (StructureModel structure : model.structures()) {
            if (!structure.wireName().equals("Region")) {
                assertEquals(structure.wireName(), structure.className().simpleName());
            }
        }
    }

    @Test
    void selfReferencesAndCyclesResolveToTheStructureClasses() {
        assertEquals(new TypeModel.ListOf(new TypeModel.StructureRef("Node", ClassName.get(PACKAGE, "Node"))),
                member(structure("Node").members(), "Children").type());
        assertEquals(new TypeModel.StructureRef("Beta", ClassName.get(PACKAGE, "Beta")),
                member(structure("Alpha").members(), "Beta").type());
        assertEquals(new TypeModel.StructureRef("Alpha", ClassName.get(PACKAGE, "Alpha")),
                member(structure("Beta").members(), "Alpha").type());
    }

    @Test
    void scalarsMapToTheirKinds() {
        Map<String, TypeModel> types = structure("Everything").members().stream()
                .collect(Collectors.toMap(MemberModel::wireName, MemberModel::type));
        assertEquals(new TypeModel.Scalar(ScalarKind.UINT64), types.get("Uint"));
        assertEquals(new TypeModel.Scalar(ScalarKind.DATETIME_ISO), types.get("DateTimeIso"));
        assertEquals(new TypeModel.ListOf(new TypeModel.Scalar(ScalarKind.UINT64)), types.get("Uints"));
        assertEquals(new TypeModel.ListOf(new TypeModel.Scalar(ScalarKind.INT64)), types.get("Ints"));
        assertEquals(ClassName.get(Long.class), types.get("Uint").javaType());
        assertEquals(ClassName.get(Double.class), types.get("Float").javaType());
        assertEquals(ClassName.get(String.class), types.get("Binary").javaType());
        assertEquals("java.util.List<java.lang.Long>", types.get("Uints").javaType().toString());
    }

    @Test
    void requestIdIsAddedToOutputsThatLackIt() {
        List<MemberModel> output = action("DescribeEverything").output();
        MemberModel requestId = output.get(output.size() - 1);
        assertEquals("RequestId", requestId.wireName());
        assertEquals("requestId", requestId.javaName());
        assertEquals(new TypeModel.Scalar(ScalarKind.STRING), requestId.type());
        assertEquals(List.of("RequestId"), action("Ping").output().stream().map(MemberModel::wireName).toList());
    }

    @Test
    void aListedRequestIdIsKeptOnceWithItsDescription() {
        List<MemberModel> output = action("CreateSession").output();
        assertEquals(List.of("SessionId", "RequestId"), output.stream().map(MemberModel::wireName).toList());
        assertEquals("The request id, listed explicitly.", member(output, "RequestId").description());
    }

    @Test
    void requestIdKeepsItsJavaNameWhenAnotherMemberWouldTakeIt() throws Exception {
        ServiceModel clash = ModelBuilder.build(SpecFixtures.load(write("""
                {"service": "demo", "version": "2024-01-01",
                 "endpoints": {"china": "demo.tencentcloudapi.com", "international": "demo.intl.tencentcloudapi.com"},
                 "regions": [],
                 "actions": [
                   {"name": "Absent", "input": [], "output": [{"name": "Request_Id", "type": "int64"}]},
                   {"name": "Listed", "input": [], "output": [
                     {"name": "Request_Id", "type": "int64"}, {"name": "RequestId", "type": "string"}]}
                 ]}
                """)), "dev.tcgen.client", "dev.tcgen.client.core");

        for (ActionModel action : clash.actions()) {
            Map<String, String> names = javaNames(action.output());
            assertEquals("requestId", names.get("RequestId"), action.wireName());
            assertEquals("requestId2", names.get("Request_Id"), action.wireName());
        }
    }

    @Test
    void aStructureNamedBuilderIsRenamedBecauseEveryValueClassNestsABuilder() throws Exception {
        ServiceModel builder = ModelBuilder.build(SpecFixtures.load(write("""
                {"service": "demo", "version": "2024-01-01",
                 "endpoints": {"china": "demo.tencentcloudapi.com", "international": "demo.intl.tencentcloudapi.com"},
                 "regions": [{"id": "ap-guangzhou"}],
                 "actions": [{"name": "Get", "input": [{"name": "B", "type": "Builder"}], "output": []}],
                 "structures": [{"name": "Builder", "members": []}]}
                """)), "dev.tcgen.client", "dev.tcgen.client.core");

        assertEquals("BuilderModel", builder.structures().get(0).className().simpleName());
    }

    @Test
    void sensitiveMembersAreMarked() {
        Map<String, Boolean> secret = structure("Secret").members().stream()
                .collect(Collectors.toMap(MemberModel::wireName, MemberModel::sensitive));
        assertEquals(Map.of("User", false, "Password", true, "UserSig", true), secret);
        assertTrue(member(action("CreateSession").input(), "Password").sensitive());
        assertFalse(member(action("CreateSession").input(), "UserId").sensitive());
    }

    @Test
    void errorCodesBecomeConstantsSortedByCode() {
        Map<String, String> constants = model.errorCodes().stream()
                .collect(Collectors.toMap(ErrorCodeModel::code, ErrorCodeModel::constantName));
        assertEquals("AUTH_FAILURE_UN_REAL_NAME_AUTHENTICATED", constants.get("AuthFailure.UnRealNameAuthenticated"));
        assertEquals("FAILED_OPERATION_CR_UNSUPPORT_METHOD", constants.get("FailedOperation.CRUnsupportMethod"));
        assertEquals("AUTH_FAILURE", constants.get("AuthFailure"));
        List<String> codes = model.errorCodes().stream().map(ErrorCodeModel::code).toList();
        assertEquals(codes.stream().sorted().toList(), codes);
        assertEquals(7, codes.size());
        assertTrue(model.errorCodes().stream().filter(ErrorCodeModel::common).map(ErrorCodeModel::code).toList()
                .containsAll(List.of("AuthFailure", "InternalError", "ResourceNotFound")));
        assertEquals(List.of("AuthFailure", "AuthFailure.UnRealNameAuthenticated", "FailedOperation.CRUnsupportMethod",
                        "InvalidParameter", "UnsupportedRegion"),
                action("CreateSession").errorCodes().stream().map(ErrorCodeModel::code).toList());
    }

    @Test
    void idempotencyIsTheSpecsWordElseAClientTokenElseTheName() {
        assertEquals(Idempotency.NOT_IDEMPOTENT, action("DescribeEverything").idempotency(), "the spec says false");
        assertEquals(Idempotency.IDEMPOTENT, action("LegacyThing").idempotency(), "the spec says true");
        assertEquals(Idempotency.CLIENT_TOKEN, action("CreateSession").idempotency(), "it has a ClientToken");
        assertEquals(Idempotency.NOT_IDEMPOTENT, action("Ping").idempotency(), "by name");
    }

    @Test
    void anActionTheSpecCallsIdempotentStillHasItsClientTokenFilledButOneItCallsNotIdempotentIsNeverRetried()
            throws Exception {
        Path spec = directory.resolve("tokens.json");
        Files.writeString(spec, """
                {"service": "tokens", "version": "2024-01-01", "regions": [],
                 "endpoints": {"china": "tokens.tencentcloudapi.com",
                               "international": "tokens.intl.tencentcloudapi.com"},
                 "actions": [
                   {"name": "CreateThing", "idempotent": true, "description": "Creates a thing.",
                    "input": [{"name": "ClientToken", "type": "string"}], "output": []},
                   {"name": "RunThing", "idempotent": false, "description": "Runs a thing.",
                    "input": [{"name": "ClientToken", "type": "string"}], "output": []}]}
                """);
        ServiceModel tokens = ModelBuilder.build(SpecFixtures.load(spec), "dev.tcgen.client", "dev.tcgen.client.core");

        assertEquals(List.of("CreateThing CLIENT_TOKEN", "RunThing NOT_IDEMPOTENT"), tokens.actions().stream()
                .map(action -> action.wireName() + " " + action.idempotency()).toList());
    }

    @Test
    void actionsAndStructuresAreSortedByWireName() {
        assertEquals(List.of("CreateSession", "DescribeEverything", "LegacyThing", "Ping"),
                model.actions().stream().map(ActionModel::wireName).toList());
        assertEquals(List.of("Alpha", "Beta", "Empty", "Everything", "Keywords", "Node", "Obsolete", "Region", "Secret"),
                model.structures().stream().map(StructureModel::wireName).toList());
    }

    @Test
    void membersKeepSpecOrder() {
        assertEquals(List.of("Switch", "Default", "Enum", "Native", "Record", "For", "Class", "Extends", "Runid", "RunId",
                        "Foo_Bar", "FooBar", "Legacy"),
                structure("Keywords").members().stream().map(MemberModel::wireName).toList());
    }

    @Test
    void actionsCarryRegionsRateLimitAndDeprecation() {
        ActionModel create = action("CreateSession");
        assertEquals("createSession", create.methodName());
        assertEquals(ClassName.get(PACKAGE, "CreateSessionRequest"), create.request());
        assertEquals(List.of("AP_GUANGZHOU", "AP_SINGAPORE"),
                create.supportedRegions().stream().map(RegionModel::constantName).toList());
        assertEquals(OptionalInt.of(5), create.rateLimitPerSecond());
        assertEquals(List.of(), action("DescribeEverything").supportedRegions());
        assertEquals(OptionalInt.empty(), action("DescribeEverything").rateLimitPerSecond());
        assertTrue(action("LegacyThing").deprecated());
        assertFalse(create.deprecated());
        assertTrue(member(action("LegacyThing").input(), "OldId").deprecated());
        assertTrue(structure("Obsolete").deprecated());
    }

    @Test
    void theDescriptionFallsBackToTheTitle() throws Exception {
        ServiceModel titled = ModelBuilder.build(SpecFixtures.load(write("""
                {"service": "demo", "version": "2024-01-01",
                 "endpoints": {"china": "demo.tencentcloudapi.com", "international": "demo.intl.tencentcloudapi.com"},
                 "regions": [],
                 "actions": [{"name": "Get", "title": "Gets it", "input": [], "output": []}]}
                """)), "dev.tcgen.client", "dev.tcgen.client.core");
        assertEquals("Gets it", titled.actions().get(0).description());
    }

    @Test
    void regionsKeepSpecOrderWithConstantNames() {
        assertEquals(List.of("AP_GUANGZHOU", "AP_SINGAPORE", "NA_ASHBURN"),
                model.regions().stream().map(RegionModel::constantName).toList());
        assertEquals("", model.regions().get(2).description());
    }

    private Path write(String spec) throws Exception {
        Path file = directory.resolve("demo-2024-01-01.json");
        Files.writeString(file, spec);
        return file;
    }

    private static StructureModel structure(String wireName) {
        return model.structures().stream().filter(s -> s.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new AssertionError("no structure " + wireName));
    }

    private static ActionModel action(String wireName) {
        return model.actions().stream().filter(a -> a.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new AssertionError("no action " + wireName));
    }

    private static MemberModel member(List<MemberModel> members, String wireName) {
        return members.stream().filter(m -> m.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new AssertionError("no member " + wireName));
    }

    private static Map<String, String> javaNames(List<MemberModel> members) {
        return members.stream().collect(Collectors.toMap(MemberModel::wireName, MemberModel::javaName));
    }
}
