package dev.tcgen.generator.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tcgen.generator.spec.LocatedJson;
import dev.tcgen.generator.spec.PagingSpec;
import dev.tcgen.generator.spec.SpecFormat;
import dev.tcgen.generator.spec.Suggestions;
import dev.tcgen.generator.validate.PagingCheck;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A hand-written overlay: what neither {@code api.json} nor the doc pages say (the service's title, its regions,
 * other endpoints...), or a correction of what they say. It is applied last, so it wins.
 *
 * <p>An overlay has the shape of a spec, every part optional:
 * <pre>{@code
 * {
 *   "$schema": "../schema/tcgen-spec.schema.json",       written to the spec as is
 *   "title": "Tencent Real-Time Communication",
 *   "endpoints": {"china": "...", "international": "..."},   replace the derived host names
 *   "regions": [{"id": "ap-guangzhou", "name": "South China (Guangzhou)"}],   the service's regions
 *   "errorCodes": [{"code": "...", "description": "...", "common": false}],  added, or replacing by code
 *   "actions": [{"name": "X", "title": "...", "regions": [...], "rateLimit": 20, "idempotent": true, ...,
 *                "paging": {"offset": "Offset", "limit": "Limit", "items": "Things"},   or false: not paged
 *                "input": [{"name": "SdkAppId", "description": "..."}]}],
 *   "structures": [{"name": "S", "description": "...", "members": [{"name": "M", "deprecated": true}]}]
 * }
 * }</pre>
 * An action or structure entry changes the values it names (title, description, regions, rateLimit, idempotent,
 * paging, errorCodes, examples, deprecated, streaming; members by name: type, items, required, description, example,
 * deprecated). An action's paging replaces what the paging rules would state, and is checked against its members as
 * the overlay leaves them. Naming an action, structure or member the import does not have, or a property that does
 * not exist, is a problem, naming the closest name if one is close: an overlay is written by hand, and a typo must
 * not go unnoticed.
 */
public final class Overlay {

    /** A spec's properties but the service's name and version, which the import always knows. */
    private static final List<String> OVERLAY_KEYS = SpecFormat.SERVICE.keys().stream()
            .filter(key -> !key.equals("service") && !key.equals("version")).toList();

    private final LocatedJson overlay;
    private final List<ImportMessage> problems = new ArrayList<>();

    private Overlay(LocatedJson overlay) {
        this.overlay = overlay;
    }

    /**
     * Applies an overlay to a draft.
     *
     * @throws ImportException naming every problem of the overlay, each at its line
     */
    public static SpecDraft.Service apply(LocatedJson overlay, SpecDraft.Service service) throws ImportException {
        Overlay applier = new Overlay(overlay);
        SpecDraft.Service result = applier.applyTo(service);
        if (!applier.problems.isEmpty()) {
            throw new ImportException(applier.problems);
        }
        return result;
    }

    private SpecDraft.Service applyTo(SpecDraft.Service service) {
        JsonNode root = overlay.root();
        if (!object(root, "", "an overlay", OVERLAY_KEYS)) {
            return service;
        }
        String chinaEndpoint = service.chinaEndpoint();
        String internationalEndpoint = service.internationalEndpoint();
        JsonNode endpoints = root.get("endpoints");
        if (endpoints != null && object(endpoints, "/endpoints", "endpoints", SpecFormat.ENDPOINTS.keys())) {
            chinaEndpoint = text(endpoints, "/endpoints", "china").orElse(chinaEndpoint);
            internationalEndpoint = text(endpoints, "/endpoints", "international").orElse(internationalEndpoint);
        }
        List<SpecDraft.Region> regions = service.regions();
        if (root.has("regions")) {
            regions = elements(root, "", "regions", "a region", SpecFormat.REGION, (pointer, region) ->
                    new SpecDraft.Region(required(region, pointer, "id"), text(region, pointer, "name").orElse("")));
        }
        SpecDraft.Service result = service.withHeader(
                text(root, "", "$schema").orElse(service.schema()),
                text(root, "", "title").orElse(service.title()),
                chinaEndpoint, internationalEndpoint, regions);
        result = result.withErrorCodes(errorCodes(root, result.errorCodes()));
        result = result.withActions(patchAll(root, "actions", "an action", SpecFormat.ACTION, result.actions(),
                SpecDraft.Action::name, this::patchAction));
        return result.withStructures(patchAll(root, "structures", "a structure", SpecFormat.STRUCTURE,
                result.structures(), SpecDraft.Structure::name, this::patchStructure));
    }

    private List<SpecDraft.ErrorCode> errorCodes(JsonNode root, List<SpecDraft.ErrorCode> codes) {
        Map<String, SpecDraft.ErrorCode> byCode = new TreeMap<>();
        codes.forEach(code -> byCode.put(code.code(), code));
        if (root.has("errorCodes")) {
            elements(root, "", "errorCodes", "an error code", SpecFormat.ERROR_CODE, (pointer, node) -> {
                String code = required(node, pointer, "code");
                SpecDraft.ErrorCode known = byCode.get(code);
                byCode.put(code, new SpecDraft.ErrorCode(code,
                        text(node, pointer, "description").orElse(known == null ? "" : known.description()),
                        bool(node, pointer, "common").orElse(known != null && known.common())));
                return code;
            });
        }
        return List.copyOf(byCode.values());
    }

    private interface Patcher<T> {
        T patch(T value, JsonNode node, String pointer);
    }

    /** Applies each entry of the array {@code key} to the value of the same name. */
    private <T> List<T> patchAll(JsonNode root, String key, String what, SpecFormat kind, List<T> values,
            Function<T, String> name, Patcher<T> patcher) {
        if (!root.has(key)) {
            return values;
        }
        Map<String, T> byName = new LinkedHashMap<>();
        values.forEach(value -> byName.put(name.apply(value), value));
        elements(root, "", key, what, kind, (pointer, node) -> {
            String wanted = required(node, pointer, "name");
            T value = byName.get(wanted);
            if (value == null) {
                if (!wanted.isEmpty()) {
                    problem(pointer + "/name", "the overlay changes " + what.substring(what.indexOf(' ') + 1) + " "
                            + wanted + ", which the import does not have"
                            + Suggestions.didYouMean(wanted, byName.keySet()));
                }
            } else {
                byName.put(wanted, patcher.patch(value, node, pointer));
            }
            return wanted;
        });
        return List.copyOf(byName.values());
    }

    private SpecDraft.Action patchAction(SpecDraft.Action action, JsonNode node, String pointer) {
        SpecDraft.Action.Builder builder = action.toBuilder();
        text(node, pointer, "title").ifPresent(builder::title);
        text(node, pointer, "description").ifPresent(builder::description);
        if (node.has("regions")) {
            builder.regions(Optional.of(strings(node, pointer, "regions")));
        }
        if (node.has("rateLimit")) {
            JsonNode limit = node.get("rateLimit");
            if (limit.canConvertToInt() && limit.isIntegralNumber() && limit.intValue() >= 1) {
                builder.rateLimit(OptionalInt.of(limit.intValue()));
            } else {
                problem(pointer + "/rateLimit", "\"rateLimit\" must be a whole number of at least 1");
            }
        }
        if (node.has("errorCodes")) {
            builder.errorCodes(strings(node, pointer, "errorCodes"));
        }
        if (node.has("examples")) {
            builder.examples(elements(node, pointer, "examples", "an example", SpecFormat.EXAMPLE, (p, example) ->
                    new SpecDraft.Example(required(example, p, "title"), jsonObject(example, p, "request"),
                            jsonObject(example, p, "response"), origin(p))));
        }
        bool(node, pointer, "deprecated").ifPresent(builder::deprecated);
        bool(node, pointer, "idempotent").ifPresent(idempotent -> builder.idempotent(Optional.of(idempotent)));
        bool(node, pointer, "streaming").ifPresent(builder::streaming);
        List<SpecDraft.Member> input = node.has("input")
                ? patchMembers(node, pointer, "input", action.input(), action.name())
                : action.input();
        List<SpecDraft.Member> output = node.has("output")
                ? patchMembers(node, pointer, "output", action.output(), action.name())
                : action.output();
        builder.input(input).output(output);
        if (node.has("paging")) {
            paging(node.get("paging"), LocatedJson.child(pointer, "paging"), action.name(), input, output)
                    .ifPresent(paging -> builder.paging(Optional.of(paging)));
        }
        return builder.build();
    }

    /**
     * An action's paging as the overlay states it, checked against the action's members (as the overlay leaves
     * them) like a spec's: an object of one form, or {@code false} for an action that does not page.
     */
    private Optional<PagingSpec> paging(JsonNode node, String pointer, String action, List<SpecDraft.Member> input,
            List<SpecDraft.Member> output) {
        if (node.isBoolean() && !node.booleanValue()) {
            return Optional.of(PagingSpec.notPaged(""));
        }
        if (!node.isObject()) {
            problem(pointer, "\"paging\" must be an object stating how " + action + " pages, " + PagingCheck.FORMS
                    + ", or false if it does not page");
            return Optional.empty();
        }
        object(node, pointer, "paging", SpecFormat.PAGING.keys());
        PagingSpec paging = new PagingSpec("", true, text(node, pointer, "offset").orElse(""),
                text(node, pointer, "limit").orElse(""), text(node, pointer, "page").orElse(""),
                text(node, pointer, "pageSize").orElse(""), wholeNumber(node, pointer, "firstPage"),
                text(node, pointer, "token").orElse(""), text(node, pointer, "nextToken").orElse(""),
                text(node, pointer, "total").orElse(""), required(node, pointer, "items"));
        int before = problems.size();
        PagingCheck.check(action, paging, DraftPaging.members(input), DraftPaging.members(output), (key, message) ->
                problem(key.isEmpty() ? pointer : LocatedJson.child(pointer, key), message));
        return problems.size() == before ? Optional.of(paging) : Optional.empty();
    }

    private SpecDraft.Structure patchStructure(SpecDraft.Structure structure, JsonNode node, String pointer) {
        SpecDraft.Structure patched = structure.withDescription(
                text(node, pointer, "description").orElse(structure.description()),
                bool(node, pointer, "deprecated").orElse(structure.deprecated()));
        return node.has("members")
                ? patched.withMembers(patchMembers(node, pointer, "members", structure.members(), structure.name()))
                : patched;
    }

    private List<SpecDraft.Member> patchMembers(JsonNode node, String pointer, String key,
            List<SpecDraft.Member> members, String owner) {
        Map<String, SpecDraft.Member> byName = new LinkedHashMap<>();
        members.forEach(member -> byName.put(member.name(), member));
        elements(node, pointer, key, "a member", SpecFormat.MEMBER, (p, patch) -> {
            String name = required(patch, p, "name");
            SpecDraft.Member member = byName.get(name);
            if (member == null) {
                if (!name.isEmpty()) {
                    problem(p + "/name", "the overlay changes member " + name + " of " + owner + " (" + key
                            + "), which the import does not have" + Suggestions.didYouMean(name, byName.keySet()));
                }
                return name;
            }
            Optional<String> type = text(patch, p, "type");
            if (type.isPresent() || patch.has("items")) {
                Optional<String> items = text(patch, p, "items");
                member = member.withType(type.orElse(member.type()),
                        items.isPresent() || type.isPresent() ? items : member.items());
            }
            member = member.withRequired(bool(patch, p, "required").orElse(member.required()))
                    .withDescription(text(patch, p, "description").orElse(member.description()))
                    .withExample(text(patch, p, "example").orElse(member.example()))
                    .withDeprecated(bool(patch, p, "deprecated").orElse(member.deprecated()));
            byName.put(name, member);
            return name;
        });
        return List.copyOf(byName.values());
    }

    // ---- typed access, recording problems

    private interface Element<T> {
        T read(String pointer, JsonNode node);
    }

    private <T> List<T> elements(JsonNode parent, String pointer, String key, String what, SpecFormat kind,
            Element<T> element) {
        String arrayPointer = LocatedJson.child(pointer, key);
        JsonNode array = parent.get(key);
        if (!array.isArray()) {
            problem(arrayPointer, "\"" + key + "\" must be an array");
            return List.of();
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String elementPointer = LocatedJson.child(arrayPointer, i);
            if (object(array.get(i), elementPointer, what, kind.keys())) {
                values.add(element.read(elementPointer, array.get(i)));
            }
        }
        return values;
    }

    private boolean object(JsonNode node, String pointer, String what, Collection<String> keys) {
        if (!node.isObject()) {
            problem(pointer, "expected " + what + " (a JSON object)");
            return false;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!keys.contains(key)) {
                problem(LocatedJson.child(pointer, key), Suggestions.unknownProperty(key, what, keys));
            }
        });
        return true;
    }

    private Optional<String> text(JsonNode node, String pointer, String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problem(LocatedJson.child(pointer, key), "\"" + key + "\" must be a string");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    private String required(JsonNode node, String pointer, String key) {
        Optional<String> value = text(node, pointer, key);
        if (value.isEmpty() && !node.has(key)) {
            problem(pointer, "missing \"" + key + "\"");
        }
        return value.orElse("");
    }

    private Optional<Boolean> bool(JsonNode node, String pointer, String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            problem(LocatedJson.child(pointer, key), "\"" + key + "\" must be true or false");
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    private OptionalLong wholeNumber(JsonNode node, String pointer, String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(LocatedJson.child(pointer, key), "\"" + key + "\" must be a whole number");
            return OptionalLong.empty();
        }
        return OptionalLong.of(value.longValue());
    }

    private List<String> strings(JsonNode node, String pointer, String key) {
        JsonNode array = node.get(key);
        List<String> values = new ArrayList<>();
        if (!array.isArray()) {
            problem(LocatedJson.child(pointer, key), "\"" + key + "\" must be an array of strings");
            return values;
        }
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isTextual()) {
                values.add(array.get(i).textValue());
            } else {
                problem(LocatedJson.child(LocatedJson.child(pointer, key), i), "expected a string");
            }
        }
        return values;
    }

    private JsonNode jsonObject(JsonNode node, String pointer, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isObject()) {
            problem(value == null ? pointer : LocatedJson.child(pointer, key), "\"" + key + "\" must be a JSON object");
            return JsonNodeFactory.instance.objectNode();
        }
        return value;
    }

    private Origin origin(String pointer) {
        return new Origin(overlay.file(), overlay.locate(pointer).line());
    }

    private void problem(String pointer, String message) {
        problems.add(new ImportMessage(origin(pointer), message));
    }
}
