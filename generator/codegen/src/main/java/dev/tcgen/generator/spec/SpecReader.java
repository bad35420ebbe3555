package dev.tcgen.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a spec file into a {@link ServiceSpec}, checking its shape: every property known, of the right kind, and
 * present where required. Meaning (types, references, duplicates) is the validator's business.
 *
 * <p>Binding goes on past every problem it can, so that one run reports them all.
 */
public final class SpecReader {

    private final LocatedJson json;
    private final List<Problem> problems = new ArrayList<>();

    private SpecReader(LocatedJson json) {
        this.json = json;
    }

    /**
     * The result of reading: the spec as far as it could be bound, and the problems found on the way.
     *
     * @param spec the spec; where a problem was found, the value in question is empty
     * @param json the located document, for later stages to place their own problems
     * @param problems the problems, empty if the spec's shape is right
     */
    public record Result(ServiceSpec spec, LocatedJson json, List<Problem> problems) {}

    /**
     * Reads a spec file, which must be UTF-8.
     *
     * @param file the file; problems name it as given
     * @throws SpecException if the file cannot be read or is not well-formed JSON
     */
    public static Result read(Path file) throws SpecException {
        return read(SpecSource.read(file));
    }

    /**
     * Reads a spec from wherever it came from.
     *
     * @throws SpecException if the text is not UTF-8 or not well-formed JSON
     */
    public static Result read(SpecSource source) throws SpecException {
        return read(source.name(), source.text());
    }

    /**
     * Reads spec text.
     *
     * @param file the file name that problems name
     * @param text the JSON text
     * @throws SpecException if the text is not well-formed JSON
     */
    public static Result read(String file, String text) throws SpecException {
        LocatedJson json = JsonTreeReader.read(file, text);
        SpecReader reader = new SpecReader(json);
        ServiceSpec spec = reader.bindService();
        return new Result(spec, json, List.copyOf(reader.problems));
    }

    private ServiceSpec bindService() {
        Optional<JsonObjectView> root = JsonObjectView.of(json, "", json.root(), "a service spec", SpecFormat.SERVICE,
                problems);
        if (root.isEmpty()) {
            return new ServiceSpec(json.file(), "", "", "", new ServiceSpec.Endpoints("", ""),
                    List.of(), List.of(), List.of(), List.of());
        }
        JsonObjectView service = root.get();
        return new ServiceSpec(
                json.file(),
                service.requiredString("service"),
                service.requiredString("version"),
                service.optionalString("title"),
                service.requiredObject("endpoints", "the China and international host names", SpecFormat.ENDPOINTS)
                        .map(e -> new ServiceSpec.Endpoints(e.requiredString("china"), e.requiredString("international")))
                        .orElse(new ServiceSpec.Endpoints("", "")),
                service.requiredArray("regions", this::bindRegion),
                service.requiredArray("actions", this::bindAction),
                service.optionalArray("structures", this::bindStructure).orElse(List.of()),
                service.optionalArray("errorCodes", this::bindErrorCode).orElse(List.of()));
    }

    private Optional<RegionSpec> bindRegion(String pointer, JsonNode node) {
        return JsonObjectView.of(json, pointer, node, "a region", SpecFormat.REGION, problems)
                .map(region -> new RegionSpec(pointer, region.requiredString("id"), region.optionalString("name")));
    }

    private Optional<ActionSpec> bindAction(String pointer, JsonNode node) {
        return JsonObjectView.of(json, pointer, node, "an action", SpecFormat.ACTION, problems)
                .map(action -> new ActionSpec(
                        pointer,
                        action.requiredString("name"),
                        action.optionalString("title"),
                        action.optionalString("description"),
                        action.requiredArray("input", this::bindMember),
                        action.requiredArray("output", this::bindMember),
                        action.optionalArray("regions", (p, n) -> action.stringElement(p, n, "a region id")),
                        action.optionalPositiveInt("rateLimit"),
                        action.optionalFlag("idempotent"),
                        bindPaging(action),
                        action.optionalArray("errorCodes", (p, n) -> action.stringElement(p, n, "an error code"))
                                .orElse(List.of()),
                        action.optionalArray("examples", this::bindExample).orElse(List.of()),
                        action.optionalBoolean("deprecated"),
                        action.optionalBoolean("streaming")));
    }

    /** An action's {@code "paging"}: an object, or {@code false} for an action that does not page. */
    private Optional<PagingSpec> bindPaging(JsonObjectView action) {
        String pointer = LocatedJson.child(action.pointer(), "paging");
        Optional<JsonNode> value = action.optionalValue("paging");
        if (value.isPresent() && value.get().isBoolean()) {
            if (value.get().booleanValue()) {
                problems.add(json.problem(pointer, "\"paging\" is an object stating how the action pages, or false "
                        + "for an action that does not page; true says neither"));
                return Optional.empty();
            }
            return Optional.of(PagingSpec.notPaged(pointer));
        }
        return action.optionalObject("paging", "how the action pages", SpecFormat.PAGING)
                .map(paging -> new PagingSpec(paging.pointer(), true, paging.optionalString("offset"),
                        paging.optionalString("limit"), paging.optionalString("page"),
                        paging.optionalString("pageSize"), paging.optionalLong("firstPage"),
                        paging.optionalString("token"), paging.optionalString("nextToken"),
                        paging.optionalString("total"), paging.requiredString("items")));
    }

    private Optional<StructureSpec> bindStructure(String pointer, JsonNode node) {
        return JsonObjectView.of(json, pointer, node, "a structure", SpecFormat.STRUCTURE, problems)
                .map(structure -> new StructureSpec(
                        pointer,
                        structure.requiredString("name"),
                        structure.optionalString("description"),
                        structure.requiredArray("members", this::bindMember),
                        structure.optionalBoolean("deprecated")));
    }

    private Optional<MemberSpec> bindMember(String pointer, JsonNode node) {
        return JsonObjectView.of(json, pointer, node, "a member", SpecFormat.MEMBER, problems)
                .map(member -> new MemberSpec(
                        pointer,
                        member.requiredString("name"),
                        member.requiredString("type"),
                        member.optionalNonEmptyString("items"),
                        member.optionalBoolean("required"),
                        member.optionalString("description"),
                        member.optionalString("example"),
                        member.optionalBoolean("deprecated")));
    }

    private Optional<ErrorCodeSpec> bindErrorCode(String pointer, JsonNode node) {
        return JsonObjectView.of(json, pointer, node, "an error code", SpecFormat.ERROR_CODE, problems)
                .map(code -> new ErrorCodeSpec(
                        pointer,
                        code.requiredString("code"),
                        code.optionalString("description"),
                        code.optionalBoolean("common")));
    }

    private Optional<ExampleSpec> bindExample(String pointer, JsonNode node) {
        return JsonObjectView.of(json, pointer, node, "an example", SpecFormat.EXAMPLE, problems)
                .map(example -> new ExampleSpec(
                        pointer,
                        example.optionalString("title"),
                        example.optionalValue("request").orElse(null),
                        example.optionalValue("response").orElse(null)));
    }
}
