package dev.tcgen.generator.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcgen.generator.spec.LocatedJson;
import dev.tcgen.generator.spec.SpecFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Imports Tencent's machine-readable description of a service version ({@code api.json}, and optionally
 * {@code examples.json}) as a {@link SpecDraft}.
 *
 * <ul>
 *   <li>Each action's {@code input} and {@code output} objects become its request and response members; the objects
 *       with a {@code usage} (and any other object a member refers to) become shared structures, all of them, even
 *       one that no action reaches (the corpus has none; keeping them loses nothing).
 *   <li>Member types: {@code int} + {@code int64|uint64}, {@code string} + {@code string|date|datetime|datetime_iso|
 *       binary}, {@code float}, {@code bool}, {@code binary} become that scalar; {@code list} + a scalar or an object
 *       becomes a list of it; {@code object} + an object becomes a reference to that structure.
 *   <li>{@code disabled: true} members and {@code status: deprecated} actions become deprecated; a disabled member is
 *       never required (with a warning if the file says it is).
 *   <li>{@code required} is kept as written. {@code output_required} and {@code value_allowed_null} have no place in
 *       the format: every response member may be absent or null, and the generated classes treat them so.
 *   <li>{@code example} strings are kept, except "无" (none) and blanks. Documents are kept as text, HTML, Markdown,
 *       {@code $} and Chinese included (the generator escapes them), trimmed of surrounding white space.
 *   <li>The action's {@code name} field, a short title, becomes the action's title unless it only repeats the name.
 *   <li>The endpoints follow from the service name: {@code <service>.tencentcloudapi.com} and
 *       {@code <service>.intl.tencentcloudapi.com}. Regions and error codes are not in these files: they come from
 *       doc pages or an overlay (see {@link SpecMerger}).
 * </ul>
 *
 * <p>A construct the format cannot express (an unknown member type, a reference to a missing object) is a problem:
 * the import fails, naming every one with its file and line.
 */
public final class ApiJsonImporter {

    /** The example value Tencent writes for "no example". */
    static final String NO_EXAMPLE = "无";

    private static final Set<String> STRING_MEMBERS = Set.of("string", "date", "datetime", "datetime_iso", "binary");
    private static final Set<String> INT_MEMBERS = Set.of("int64", "uint64");

    /**
     * The imported draft and what the import noticed on the way.
     *
     * @param service the draft, with no regions and no error codes yet
     * @param warnings located warnings
     */
    public record Result(SpecDraft.Service service, List<ImportMessage> warnings) {}

    private final LocatedJson api;
    private final JsonNode objects;
    private final List<ImportMessage> problems = new ArrayList<>();
    private final List<ImportMessage> warnings = new ArrayList<>();
    private final Map<String, SpecDraft.Structure> structures = new TreeMap<>();

    private ApiJsonImporter(LocatedJson api) {
        this.api = api;
        this.objects = api.root().path("objects");
    }

    /**
     * Imports an {@code api.json} document and, if given, its {@code examples.json}.
     *
     * @throws ImportException naming every construct that cannot be imported
     */
    public static Result importApiJson(LocatedJson apiJson, Optional<LocatedJson> examplesJson) throws ImportException {
        ApiJsonImporter importer = new ApiJsonImporter(apiJson);
        SpecDraft.Service service = importer.service();
        if (!importer.problems.isEmpty()) {
            throw new ImportException(importer.problems.stream().sorted(ImportMessage.BY_ORIGIN).toList());
        }
        if (examplesJson.isPresent()) {
            service = importer.withExamples(service, examplesJson.get());
        }
        return new Result(service, List.copyOf(importer.warnings));
    }

    private SpecDraft.Service service() {
        JsonNode root = api.root();
        String service = requiredText(root.path("metadata"), "/metadata", "serviceShortName");
        String version = requiredText(root.path("metadata"), "/metadata", "apiVersion");
        JsonNode actions = root.path("actions");
        if (!actions.isObject()) {
            problem("", "expected \"actions\", an object of actions by name");
        }
        if (!objects.isObject()) {
            problem("", "expected \"objects\", an object of request, response and shared objects by name");
        }
        if (!problems.isEmpty()) {
            return new SpecDraft.Service("", service, version, "", "", "", List.of(), List.of(), List.of(), List.of());
        }
        Set<String> actionObjects = new TreeSet<>();
        actions.forEach(action -> {
            actionObjects.add(action.path("input").asText());
            actionObjects.add(action.path("output").asText());
        });
        Set<String> referenced = referencedObjects();
        for (Map.Entry<String, JsonNode> object : new TreeMap<>(objectMap()).entrySet()) {
            String name = object.getKey();
            if (object.getValue().has("usage") || referenced.contains(name)) {
                String pointer = LocatedJson.child("/objects", name);
                structures.put(name, new SpecDraft.Structure(name, text(object.getValue(), "document"),
                        members(pointer, object.getValue()), false, origin(pointer)));
            } else if (!actionObjects.contains(name)) {
                warning(LocatedJson.child("/objects", name), "object " + name + " is neither the input or output of "
                        + "an action nor used by a member; it is not imported");
            }
        }
        List<SpecDraft.Action> imported = new ArrayList<>();
        new TreeMap<>(fields(actions)).forEach((name, action) -> imported.add(action(name, action)));
        return new SpecDraft.Service("", service, version, "", service + ".tencentcloudapi.com",
                service + ".intl.tencentcloudapi.com", List.of(), imported, List.copyOf(structures.values()),
                List.of());
    }

    private SpecDraft.Action action(String name, JsonNode action) {
        String pointer = LocatedJson.child("/actions", name);
        String title = text(action, "name");
        return new SpecDraft.Action(
                name,
                title.equals(name) ? "" : title,
                text(action, "document"),
                actionMembers(pointer, action, "input"),
                actionMembers(pointer, action, "output"),
                Optional.empty(),
                OptionalInt.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                "deprecated".equals(action.path("status").asText()),
                saysItStreams(action),
                origin(pointer));
    }

    /** Whether the action's description, or a document of its input or output members, says it streams. */
    private boolean saysItStreams(JsonNode action) {
        boolean streams = StreamingRule.saysItStreams(text(action, "document"));
        for (String which : List.of("input", "output")) {
            for (JsonNode member : objects.path(action.path(which).asText()).path("members")) {
                streams |= StreamingRule.saysItStreams(member.path("document").asText(""));
            }
        }
        return streams;
    }

    private List<SpecDraft.Member> actionMembers(String actionPointer, JsonNode action, String which) {
        String objectName = action.path(which).asText();
        JsonNode object = objects.get(objectName);
        if (objectName.isEmpty() || object == null) {
            problem(LocatedJson.child(actionPointer, which), "the " + which + " of the action is \"" + objectName
                    + "\", which is not among the \"objects\"");
            return List.of();
        }
        return members(LocatedJson.child("/objects", objectName), object);
    }

    private List<SpecDraft.Member> members(String objectPointer, JsonNode object) {
        List<SpecDraft.Member> members = new ArrayList<>();
        JsonNode list = object.path("members");
        for (int i = 0; i < list.size(); i++) {
            member(LocatedJson.child(LocatedJson.child(objectPointer, "members"), i), list.get(i))
                    .ifPresent(members::add);
        }
        return members;
    }

    private Optional<SpecDraft.Member> member(String pointer, JsonNode member) {
        String name = requiredText(member, pointer, "name");
        String kind = member.path("type").asText();
        String element = member.path("member").asText();
        String type;
        Optional<String> items = Optional.empty();
        switch (kind) {
            case "string" -> type = STRING_MEMBERS.contains(element) ? element : null;
            case "int" -> type = INT_MEMBERS.contains(element) ? element : null;
            case "float", "bool", "binary" -> type = element.equals(kind) ? kind : null;
            case "list" -> {
                type = "list";
                items = Optional.ofNullable(SpecFormat.SCALAR_TYPES.contains(element) ? element : objectName(element));
                if (items.isEmpty()) {
                    type = null;
                }
            }
            case "object" -> type = objectName(element);
            default -> type = null;
        }
        if (type == null) {
            problem(pointer, "member " + name + " has \"type\": \"" + kind + "\" with \"member\": \"" + element
                    + "\", which tcgen cannot import; expected int (int64|uint64), string (string|date|datetime|"
                    + "datetime_iso|binary), float, bool, binary, list (of a scalar or an object) or object (an "
                    + "object's name)");
            return Optional.empty();
        }
        boolean disabled = member.path("disabled").asBoolean(false);
        boolean required = member.path("required").asBoolean(false);
        if (disabled && required) {
            warning(pointer, "member " + name + " is disabled but marked required; it is imported as deprecated and "
                    + "optional");
            required = false;
        }
        return Optional.of(new SpecDraft.Member(name, type, items, required, text(member, "document"),
                example(member), disabled, origin(pointer)));
    }

    /** The object's name if it is one of the file's objects, or null. */
    private String objectName(String name) {
        return objects.has(name) ? name : null;
    }

    private static String example(JsonNode member) {
        JsonNode example = member.get("example");
        if (example == null || example.isNull()) {
            return "";
        }
        String text = example.isTextual() ? example.textValue().strip() : example.toString();
        return text.equals(NO_EXAMPLE) ? "" : text;
    }

    private Set<String> referencedObjects() {
        Set<String> referenced = new TreeSet<>();
        for (JsonNode object : objects) {
            for (JsonNode member : object.path("members")) {
                String element = member.path("member").asText();
                if (objects.has(element)) {
                    referenced.add(element);
                }
            }
        }
        return referenced;
    }

    private Map<String, JsonNode> objectMap() {
        return fields(objects);
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        object.properties().forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
        return fields;
    }

    private SpecDraft.Service withExamples(SpecDraft.Service service, LocatedJson examples) throws ImportException {
        JsonNode actions = examples.root().path("actions");
        if (!actions.isObject()) {
            throw ImportException.at(new Origin(examples.file(), 1),
                    "expected \"actions\", an object of example lists by action name");
        }
        Map<String, List<SpecDraft.Example>> byAction = new HashMap<>();
        Set<String> streamed = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : fields(actions).entrySet()) {
            String actionPointer = LocatedJson.child("/actions", entry.getKey());
            Optional<SpecDraft.Action> action = service.action(entry.getKey());
            if (action.isEmpty()) {
                warnings.add(new ImportMessage(origin(examples, actionPointer), "examples are given for action "
                        + entry.getKey() + ", which " + api.file() + " does not have; they are ignored"));
                continue;
            }
            MemberTypes types = new MemberTypes(action.get().input(), name -> Optional.ofNullable(structures.get(name)));
            List<SpecDraft.Example> list = new ArrayList<>();
            for (int i = 0; i < entry.getValue().size(); i++) {
                if (StreamingRule.isEventStream(entry.getValue().get(i).path("output").asText(""))) {
                    streamed.add(entry.getKey());
                }
                example(examples, LocatedJson.child(actionPointer, i), entry.getKey(), i, entry.getValue().get(i),
                        types).ifPresent(list::add);
            }
            byAction.put(entry.getKey(), list);
        }
        return service.withActions(service.actions().stream()
                .map(a -> byAction.containsKey(a.name()) ? a.toBuilder().examples(byAction.get(a.name()))
                        .streaming(a.streaming() || streamed.contains(a.name())).build() : a)
                .toList());
    }

    private Optional<SpecDraft.Example> example(LocatedJson examples, String pointer, String action, int index,
            JsonNode example, MemberTypes types) {
        String title = example.path("title").asText("").strip();
        if (title.isEmpty()) {
            title = action + " example " + (index + 1);
        }
        String what = "example \"" + title + "\" of " + action;
        Origin responseOrigin = origin(examples, LocatedJson.child(pointer, "output"));
        if (StreamingRule.isEventStream(example.path("output").asText(""))) {
            warnings.add(new ImportMessage(responseOrigin, what + " " + StreamingRule.EVENT_STREAM_EXAMPLE_LEFT_OUT));
            return Optional.empty();
        }
        ExampleText.Body request = ExampleText.request(example.path("input").asText(""), types);
        ExampleText.Body response = ExampleText.response(example.path("output").asText(""));
        Origin requestOrigin = origin(examples, LocatedJson.child(pointer, "input"));
        request.warnings().forEach(n -> warnings.add(new ImportMessage(requestOrigin, what + ": " + n.message())));
        response.warnings().forEach(n -> warnings.add(new ImportMessage(responseOrigin, what + ": " + n.message())));
        if (request.body().isEmpty() || response.body().isEmpty()) {
            ExampleText.Body failed = request.body().isEmpty() ? request : response;
            warnings.add(new ImportMessage(failed == request ? requestOrigin : responseOrigin, what + " is left out: "
                    + failed.failure() + " (line " + failed.failureLine() + " of its "
                    + (failed == request ? "input" : "output") + " text)"));
            return Optional.empty();
        }
        return Optional.of(new SpecDraft.Example(title, request.body().get(), response.body().get(),
                origin(examples, pointer)));
    }

    private String requiredText(JsonNode object, String pointer, String key) {
        JsonNode value = object.get(key);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            problem(pointer, "expected \"" + key + "\", a non-empty string");
            return "";
        }
        return value.textValue();
    }

    private static String text(JsonNode object, String key) {
        JsonNode value = object.get(key);
        return value != null && value.isTextual() ? value.textValue().strip() : "";
    }

    private Origin origin(String pointer) {
        return origin(api, pointer);
    }

    private static Origin origin(LocatedJson json, String pointer) {
        return new Origin(json.file(), json.locate(pointer).line());
    }

    private void problem(String pointer, String message) {
        problems.add(new ImportMessage(origin(pointer), message));
    }

    private void warning(String pointer, String message) {
        warnings.add(new ImportMessage(origin(pointer), message));
    }
}
