package dev.tcgen.generator.hardening;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Mutates a valid spec, the way a careless importer, a hostile document or a bad merge would: members deleted,
 * duplicated, retyped or renamed (to keywords, {@code java.lang} names, names that collide after conversion or differ
 * only in case, huge and Unicode names), dangling references, cycles through several structures, deep chains,
 * thousands of members, actions and error codes, hostile documentation, JSON values of the wrong kind, and broken
 * text or bytes. Every choice comes from one {@link Random}, so a seed replays a case exactly.
 */
final class SpecMutator {

    /**
     * A mutated spec.
     *
     * @param bytes the spec file's bytes (usually UTF-8 JSON; some mutations break either)
     * @param mutations what was done, in order, for the report of a failing case
     */
    record Mutated(byte[] bytes, List<String> mutations) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Writes nesting deeper than Jackson's default limit, which the reader under test must refuse. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(10_000).build())
            .build())
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> SCALARS =
            List.of("string", "int64", "uint64", "float", "bool", "date", "datetime", "datetime_iso", "binary");
    private static final List<String> INVALID_TYPES = List.of("int", "integer", "Int32", "list", "", "string ",
            "String[]", "list<string>", "node", "Ghost", "object", "map", "null", "LIST", "Bool");
    /** Valid wire names that fight the generator's naming, locals, parameters and packages. */
    private static final List<String> HOSTILE_MEMBER_NAMES = List.of("Java", "java", "JAVA", "Javax", "Other", "That",
            "Joiner", "Missing", "Source", "Builder", "builder", "Build", "ToBuilder", "Class", "Switch", "Default",
            "Enum", "_", "__", "_1", "Value", "value", "RequestId", "Request_Id", "requestId", "REQUESTID", "ToString",
            "HashCode", "GetClass", "Equals", "Wait", "Notify", "NotifyAll", "Clone", "Finalize", "Record", "Var",
            "Yield", "Sealed", "Permits", "Assert", "Const", "Goto", "True", "Null", "URL", "Url", "url", "Foo_Bar",
            "FooBar", "fooBar", "Transport", "Region", "Close", "Unsupported", "Request", "Response", "Dev", "Com",
            "Objects", "String", "List", "Password", "SecretKey", "A", "a", "_A_", "X1", "x_1", "Ünused");
    /** Structure names that shadow or clash with types generated code uses, or with file names. */
    private static final List<String> HOSTILE_STRUCTURE_NAMES = List.of("Object", "String", "Class", "Record",
            "Override", "Throwable", "Long", "Boolean", "Double", "Integer", "Deprecated", "SuppressWarnings",
            "Exception", "RuntimeException", "IllegalStateException", "IllegalArgumentException", "AutoCloseable",
            "Math", "System", "List", "Map", "Set", "Objects", "Optional", "Arrays", "Collectors", "Function",
            "StringJoiner", "ArrayList", "CompletableFuture", "URI", "Duration", "HttpClient", "Generated",
            "JsonWriter", "JsonReader", "ReadProblem", "IOException", "JsonParser", "Json",
            "Credentials", "CredentialsProvider", "ApiTransport", "TencentCloudException", "ObjectWriter",
            "ObjectReader", "RetryPolicy", "RateLimitMode", "Scheduler", "Region", "Builder", "Con",
            "AUX", "Nul", "Com1", "Lpt1", "Prn", "Foo_Bar", "A", "Z_");
    private static final List<String> HOSTILE_ACTION_NAMES = List.of("Builder", "Close", "Transport", "Region",
            "ToString", "HashCode", "Java", "GetClass", "Wait", "Equals", "UnsupportedRegion", "Async", "A", "Con",
            "Object", "String", "Class", "Override", "BuilderAction", "Get", "Request", "Response");
    /** Names the validator must reject, each for its own reason. */
    private static final List<String> UNICODE_NAMES = List.of("名称", "Ünïcode", "Emoji😀", "Zero\u200BWidth",
            "Rtl\u202Eevil", "Ｆｕｌｌ", "Ωmega", "Tab\tName", "New\nLine", "Dash-Name", "Dot.Name", "Space Name",
            "1Digit", "\u0000Nul", "Quote\"", "Back\\slash", "$Dollar", "Slash/Name");
    static final List<String> HOSTILE_TEXTS = List.of("*/ public static void injected() {} /*", "\\u000a",
            "line\nbreak", "\\u002a/ after", "{@code x} {@link Object} {@inheritDoc}", "@param x the x",
            "@return nothing\n@throws Error always", "$L $S $T $N $$ $ $1L $>", "\\", "C:\\dir\\u0022\\\\u000a",
            "<script>alert(1)</script>", "<p>para</p><br><pre>x</pre></code>", "&amp; &lt; & <", "**md** [l](u*/)",
            "中文描述：获取所有信息。", "😀🚀 emoji", "\u0000\u0007\u001b\u007f\u0085 control", "\u2028\u2029 separators",
            "\uD800 lone high surrogate", "\uDC00 lone low surrogate", "*\u0007/", "*/*/", "/** nested", "// line",
            "\"quoted\" 'single'", "\t\r\n\r tabs", "}\n{", "<!-- comment -->", "-->", "<![CDATA[ x ]]>",
            "*", "/", "**/", "\\\\u002a\\u002f", "\u202Ereversed", "   ", "");

    private final Random random;
    private final List<String> applied = new ArrayList<>();
    private ObjectNode root;
    private int serial;

    private SpecMutator(Random random) {
        this.random = random;
    }

    /**
     * Mutates a copy of {@code base}. A spec with more than four actions is first cut to one to four of them and the
     * structures they reach, to keep compiling cheap.
     */
    static Mutated mutate(ObjectNode base, Random random) {
        return new SpecMutator(random).run(base);
    }

    private Mutated run(ObjectNode base) {
        root = base.deepCopy();
        cutToFewActions();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            applyOne();
        }
        String text;
        try {
            // half of the specs carry non-ASCII text as \\u escapes, the only way JSON bytes hold a lone surrogate
            text = random.nextBoolean() ? JSON.writeValueAsString(root)
                    : JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int roll = random.nextInt(100);
        if (roll < 8) {
            text = breakText(text);
            bytes = text.getBytes(StandardCharsets.UTF_8);
        } else if (roll < 10) {
            bytes = breakBytes(bytes);
        }
        return new Mutated(bytes, List.copyOf(applied));
    }

    // ---- the catalogue ----

    private record Mutation(String name, int weight, Supplier<String> apply) {}

    private List<Mutation> catalogue() {
        return List.of(
                // mostly still valid: these should compile
                new Mutation("hostile member name", 8, this::hostileMemberName),
                new Mutation("member twin colliding after conversion", 6, this::collidingMemberTwin),
                new Mutation("hostile structure name", 8, this::hostileStructureName),
                new Mutation("structure twin differing in case", 4, this::caseTwinStructure),
                new Mutation("hostile action name", 5, this::hostileActionName),
                new Mutation("cycle through structures", 4, this::cycle),
                new Mutation("deep chain of structures", 3, this::deepChain),
                new Mutation("thousands of members", 2, this::manyMembers),
                new Mutation("many actions", 2, this::manyActions),
                new Mutation("many error codes", 2, this::manyErrorCodes),
                new Mutation("hostile documentation", 10, this::hostileText),
                new Mutation("flags", 3, this::toggleFlags),
                new Mutation("valid type change", 5, this::validTypeChange),
                new Mutation("empty member list", 2, this::emptyMembers),
                new Mutation("regions", 3, this::regions),
                new Mutation("example", 3, this::example),
                new Mutation("valid rate limit", 2, this::validRateLimit),
                new Mutation("delete member", 4, this::deleteMember),
                new Mutation("long valid name", 2, this::longValidName),
                // mostly invalid: these should be rejected with located problems
                new Mutation("delete structure", 2, this::deleteStructure),
                new Mutation("duplicate", 3, this::duplicate),
                new Mutation("invalid type", 3, this::invalidType),
                new Mutation("empty name", 2, this::emptyName),
                new Mutation("huge name", 2, this::hugeName),
                new Mutation("Unicode name", 2, this::unicodeName),
                new Mutation("wrong kind of value", 3, this::wrongKind),
                new Mutation("unknown property", 1, this::unknownProperty),
                new Mutation("missing property", 2, this::removeRequired),
                new Mutation("dangling reference", 2, this::danglingReference),
                new Mutation("bad rate limit", 1, this::badRateLimit),
                new Mutation("bad service field", 1, this::badServiceField),
                new Mutation("action twin differing in case", 1, this::caseTwinAction),
                new Mutation("example nested too deep", 1, this::tooDeepExample));
    }

    private void applyOne() {
        List<Mutation> catalogue = catalogue();
        int total = catalogue.stream().mapToInt(Mutation::weight).sum();
        for (int attempt = 0; attempt < 10; attempt++) {
            int roll = random.nextInt(total);
            for (Mutation mutation : catalogue) {
                roll -= mutation.weight();
                if (roll < 0) {
                    String done = mutation.apply().get();
                    if (done != null) {
                        applied.add(mutation.name() + ": " + done);
                        return;
                    }
                    break;
                }
            }
        }
    }

    // ---- valid-leaning mutations ----

    private String hostileMemberName() {
        ObjectNode member = pick(members());
        if (member == null) {
            return null;
        }
        String name = pick(HOSTILE_MEMBER_NAMES);
        String old = member.path("name").asText();
        member.put("name", name);
        return old + " -> " + name;
    }

    private String collidingMemberTwin() {
        List<ArrayNode> lists = memberLists();
        ArrayNode list = pick(lists.stream().filter(l -> !l.isEmpty()).toList());
        if (list == null) {
            return null;
        }
        JsonNode original = list.get(random.nextInt(list.size()));
        if (!(original instanceof ObjectNode member) || !member.path("name").isTextual()) {
            return null;
        }
        String name = member.get("name").asText();
        String twin = variant(name);
        if (twin.equals(name) || twin.isEmpty()) {
            return null;
        }
        ObjectNode copy = member.deepCopy();
        copy.put("name", twin);
        list.insert(random.nextInt(list.size() + 1), copy);
        return name + " + " + twin;
    }

    private String hostileStructureName() {
        ObjectNode structure = pick(structures());
        if (structure == null || !structure.path("name").isTextual()) {
            return null;
        }
        String old = structure.get("name").asText();
        String name = random.nextBoolean() ? pick(HOSTILE_STRUCTURE_NAMES) : serviceClassName();
        renameStructure(old, name);
        return old + " -> " + name;
    }

    private String caseTwinStructure() {
        ObjectNode structure = pick(structures());
        if (structure == null || !structure.path("name").isTextual() || structure.get("name").asText().length() < 2) {
            return null;
        }
        String name = structure.get("name").asText();
        String twin = name.charAt(0) + toggleCase(name.substring(1));
        if (twin.equals(name)) {
            twin = name.toUpperCase(Locale.ROOT);
        }
        if (twin.equals(name)) {
            return null;
        }
        ObjectNode copy = structure.deepCopy();
        copy.put("name", twin);
        structuresArray().add(copy);
        addReference(twin);
        return name + " + " + twin;
    }

    private String hostileActionName() {
        ObjectNode action = pick(actions());
        if (action == null) {
            return null;
        }
        String name = random.nextInt(4) == 0 ? serviceClassName() : pick(HOSTILE_ACTION_NAMES);
        String old = action.path("name").asText();
        action.put("name", name);
        return old + " -> " + name;
    }

    private String cycle() {
        int length = 2 + random.nextInt(5);
        String prefix = "Cycle" + (serial++) + "S";
        for (int i = 0; i < length; i++) {
            String next = prefix + ((i + 1) % length);
            ObjectNode structure = structure(prefix + i);
            ArrayNode members = (ArrayNode) structure.get("members");
            members.add(member("Name", "string"));
            members.add(random.nextBoolean() ? member("Next", next) : listMember("Next", next));
            if (random.nextBoolean()) {
                members.add(member("Self", prefix + i));
            }
            structuresArray().add(structure);
        }
        addReference(prefix + 0);
        return length + " structures";
    }

    private String deepChain() {
        int depth = 20 + random.nextInt(120);
        String prefix = "Chain" + (serial++) + "D";
        for (int i = 0; i < depth; i++) {
            ObjectNode structure = structure(prefix + i);
            ArrayNode members = (ArrayNode) structure.get("members");
            members.add(member("Level", "int64"));
            if (i + 1 < depth) {
                members.add(random.nextBoolean() ? member("Down", prefix + (i + 1)) : listMember("Down", prefix + (i + 1)));
            }
            structuresArray().add(structure);
        }
        addReference(prefix + 0);
        return depth + " levels";
    }

    private String manyMembers() {
        int count = 500 + random.nextInt(1800);
        String name = "Wide" + (serial++);
        ObjectNode structure = structure(name);
        ArrayNode members = (ArrayNode) structure.get("members");
        for (int i = 0; i < count; i++) {
            String memberName = switch (random.nextInt(4)) {
                case 0 -> "M" + i;
                case 1 -> "m_" + i;
                case 2 -> "Member" + i + "Id";
                default -> "F" + Integer.toString(i, 36).toUpperCase(Locale.ROOT);
            };
            members.add(random.nextInt(10) == 0 ? listMember(memberName, pick(SCALARS)) : member(memberName, pick(SCALARS)));
        }
        structuresArray().add(structure);
        addReference(name);
        return count + " members in " + name;
    }

    private String manyActions() {
        ArrayNode actions = arrayAt(root, "actions");
        if (actions == null) {
            return null;
        }
        int count = 20 + random.nextInt(60);
        for (int i = 0; i < count; i++) {
            ObjectNode action = NODES.objectNode();
            action.put("name", "Generated" + (serial++) + "Action" + i);
            ArrayNode input = action.putArray("input");
            if (random.nextBoolean()) {
                input.add(member("Id", pick(SCALARS)));
            }
            action.putArray("output");
            actions.add(action);
        }
        return count + " actions";
    }

    private String manyErrorCodes() {
        ArrayNode codes = root.has("errorCodes") ? arrayAt(root, "errorCodes") : root.putArray("errorCodes");
        if (codes == null) {
            return null;
        }
        int count = 200 + random.nextInt(2000);
        for (int i = 0; i < count; i++) {
            ObjectNode code = NODES.objectNode();
            String segment = switch (random.nextInt(3)) {
                case 0 -> "Code" + i;
                case 1 -> "Code_" + i;
                default -> "CODE" + i;
            };
            code.put("code", "Fuzz" + serial + "." + segment);
            if (random.nextBoolean()) {
                code.put("description", pick(HOSTILE_TEXTS));
            }
            codes.add(code);
        }
        serial++;
        return count + " codes";
    }

    private String hostileText() {
        String text = random.nextInt(20) == 0 ? "x".repeat(30_000 + random.nextInt(10_000)) : pick(HOSTILE_TEXTS);
        switch (random.nextInt(8)) {
            case 0 -> root.put("title", text);
            case 1 -> {
                ObjectNode action = pick(actions());
                if (action == null) {
                    return null;
                }
                action.put(random.nextBoolean() ? "description" : "title", text);
            }
            case 2, 3 -> {
                ObjectNode member = pick(members());
                if (member == null) {
                    return null;
                }
                member.put(random.nextBoolean() ? "description" : "example", text);
            }
            case 4 -> {
                ObjectNode structure = pick(structures());
                if (structure == null) {
                    return null;
                }
                structure.put("description", text);
            }
            case 5 -> {
                ObjectNode code = pick(objects(arrayAt(root, "errorCodes")));
                if (code == null) {
                    return null;
                }
                code.put("description", text);
            }
            case 6 -> {
                ObjectNode region = pick(objects(arrayAt(root, "regions")));
                if (region == null) {
                    return null;
                }
                region.put("name", text);
            }
            default -> {
                ObjectNode action = pick(actions());
                if (action == null) {
                    return null;
                }
                ObjectNode example = NODES.objectNode();
                example.put("title", text);
                example.putObject("request").put("Text", text);
                example.putObject("response").putObject("Response").put("Text", text).put("RequestId", "r");
                arrayProperty(action, "examples").add(example);
            }
        }
        return abbreviate(text);
    }

    private String toggleFlags() {
        int done = 0;
        for (int i = 0; i < 3; i++) {
            ObjectNode target = switch (random.nextInt(3)) {
                case 0 -> pick(members());
                case 1 -> pick(actions());
                default -> pick(structures());
            };
            if (target != null) {
                String flag = target.has("members") || target.has("input") || random.nextBoolean()
                        ? "deprecated" : "required";
                target.put(flag, random.nextBoolean());
                done++;
            }
        }
        return done == 0 ? null : done + " flags";
    }

    private String validTypeChange() {
        ObjectNode member = pick(members());
        if (member == null) {
            return null;
        }
        List<String> structures = structureNames();
        String element = !structures.isEmpty() && random.nextInt(3) == 0 ? pick(structures) : pick(SCALARS);
        if (random.nextBoolean()) {
            member.put("type", "list");
            member.put("items", element);
        } else {
            member.put("type", element);
            member.remove("items");
        }
        return member.path("name").asText() + ": " + member.get("type").asText()
                + (member.has("items") ? " of " + member.get("items").asText() : "");
    }

    private String emptyMembers() {
        ArrayNode list = pick(memberLists());
        if (list == null) {
            return null;
        }
        list.removeAll();
        return "emptied";
    }

    private String regions() {
        ArrayNode regions = arrayAt(root, "regions");
        if (regions == null) {
            return null;
        }
        switch (random.nextInt(3)) {
            case 0 -> {
                regions.removeAll();
                actions().forEach(action -> action.remove("regions"));
                return "the service takes no region";
            }
            case 1 -> {
                for (String id : List.of("by-id", "ap-x1", "na-1-2-3")) {
                    regions.add(NODES.objectNode().put("id", id).put("name", pick(HOSTILE_TEXTS)));
                }
                return "added by-id, ap-x1, na-1-2-3";
            }
            default -> {
                ObjectNode action = pick(actions());
                List<String> ids = new ArrayList<>();
                objects(regions).forEach(r -> ids.add(r.path("id").asText()));
                if (action == null || ids.isEmpty()) {
                    return null;
                }
                ArrayNode subset = action.putArray("regions");
                ids.stream().filter(id -> random.nextBoolean()).forEach(subset::add);
                if (subset.isEmpty()) {
                    subset.add(ids.get(0));
                }
                return action.path("name").asText() + " supports " + subset;
            }
        }
    }

    private String example() {
        ObjectNode action = pick(actions());
        if (action == null) {
            return null;
        }
        int depth = random.nextInt(60);
        ObjectNode example = NODES.objectNode();
        example.put("title", pick(HOSTILE_TEXTS));
        example.set("request", nested(depth));
        example.putObject("response").set("Response", nested(depth));
        arrayProperty(action, "examples").add(example);
        return "nested " + depth;
    }

    private String validRateLimit() {
        ObjectNode action = pick(actions());
        if (action == null) {
            return null;
        }
        int limit = random.nextBoolean() ? 1 + random.nextInt(100) : Integer.MAX_VALUE - random.nextInt(3);
        action.put("rateLimit", limit);
        return String.valueOf(limit);
    }

    private String deleteMember() {
        ArrayNode list = pick(memberLists().stream().filter(l -> !l.isEmpty()).toList());
        if (list == null) {
            return null;
        }
        JsonNode removed = list.remove(random.nextInt(list.size()));
        return removed.path("name").asText();
    }

    private String longValidName() {
        int length = 120 + random.nextInt(81);
        switch (random.nextInt(3)) {
            case 0 -> {
                ObjectNode member = pick(members());
                if (member == null) {
                    return null;
                }
                member.put("name", "Long" + "a".repeat(length - 4));
            }
            case 1 -> {
                ObjectNode structure = pick(structures());
                if (structure == null || !structure.path("name").isTextual()) {
                    return null;
                }
                renameStructure(structure.get("name").asText(), "L" + "o".repeat(length - 1));
            }
            default -> {
                ObjectNode action = pick(actions());
                if (action == null) {
                    return null;
                }
                action.put("name", "A" + "b".repeat(length - 1));
            }
        }
        return length + " characters";
    }

    // ---- invalid-leaning mutations ----

    private String deleteStructure() {
        ArrayNode structures = arrayAt(root, "structures");
        if (structures == null || structures.isEmpty()) {
            return null;
        }
        return structures.remove(random.nextInt(structures.size())).path("name").asText();
    }

    private String duplicate() {
        ArrayNode array = switch (random.nextInt(5)) {
            case 0 -> arrayAt(root, "structures");
            case 1 -> arrayAt(root, "actions");
            case 2 -> arrayAt(root, "regions");
            case 3 -> arrayAt(root, "errorCodes");
            default -> pick(memberLists());
        };
        if (array == null || array.isEmpty()) {
            return null;
        }
        JsonNode element = array.get(random.nextInt(array.size()));
        array.add(element.deepCopy());
        return abbreviate(element.toString());
    }

    private String invalidType() {
        ObjectNode member = pick(members());
        if (member == null) {
            return null;
        }
        String type = pick(INVALID_TYPES);
        switch (random.nextInt(3)) {
            case 0 -> {
                member.put("type", type);
                member.remove("items");
            }
            case 1 -> {
                member.put("type", "list");
                member.put("items", type);
            }
            default -> member.put("items", pick(SCALARS));
        }
        return member.path("name").asText() + ": " + member.get("type") + " " + member.path("items");
    }

    private String emptyName() {
        ObjectNode target = switch (random.nextInt(5)) {
            case 0 -> pick(members());
            case 1 -> pick(actions());
            case 2 -> pick(structures());
            case 3 -> pick(objects(arrayAt(root, "regions")));
            default -> pick(objects(arrayAt(root, "errorCodes")));
        };
        if (target == null) {
            return null;
        }
        String key = target.has("id") ? "id" : target.has("code") ? "code" : "name";
        target.put(key, "");
        return key;
    }

    private String hugeName() {
        int length = 201 + random.nextInt(random.nextBoolean() ? 100 : 70_000);
        String name = "H" + "u".repeat(length - 1);
        ObjectNode target = switch (random.nextInt(5)) {
            case 0 -> pick(members());
            case 1 -> pick(actions());
            case 2 -> pick(structures());
            case 3 -> pick(objects(arrayAt(root, "regions")));
            default -> pick(objects(arrayAt(root, "errorCodes")));
        };
        if (target == null) {
            return null;
        }
        if (target.has("id")) {
            target.put("id", "ap-" + "x".repeat(length));
        } else if (target.has("code")) {
            target.put("code", name);
        } else if (target.has("members")) {
            renameStructure(target.path("name").asText(), name);
        } else {
            target.put("name", name);
        }
        return length + " characters";
    }

    private String unicodeName() {
        String name = pick(UNICODE_NAMES);
        ObjectNode target = switch (random.nextInt(3)) {
            case 0 -> pick(members());
            case 1 -> pick(actions());
            default -> pick(structures());
        };
        if (target == null) {
            return null;
        }
        if (target.has("members")) {
            renameStructure(target.path("name").asText(), name);
        } else {
            target.put("name", name);
        }
        return name;
    }

    private String wrongKind() {
        List<String> paths = new ArrayList<>();
        List<JsonNode> parents = new ArrayList<>();
        collect(root, "", paths, parents);
        if (paths.isEmpty()) {
            return null;
        }
        int index = random.nextInt(paths.size());
        String path = paths.get(index);
        JsonNode parent = parents.get(index);
        String last = path.substring(path.lastIndexOf('/') + 1);
        JsonNode replacement = switch (random.nextInt(7)) {
            case 0 -> NODES.numberNode(random.nextInt(1000) - 500);
            case 1 -> NODES.textNode(pick(HOSTILE_TEXTS));
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> NODES.arrayNode().add(1).add("x");
            case 5 -> NODES.objectNode().put("name", "X");
            default -> NODES.numberNode(1.5);
        };
        if (parent instanceof ObjectNode object) {
            object.set(last, replacement);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), replacement);
        }
        return path + " = " + abbreviate(replacement.toString());
    }

    private String unknownProperty() {
        List<String> paths = new ArrayList<>();
        List<JsonNode> parents = new ArrayList<>();
        collect(root, "", paths, parents);
        List<ObjectNode> objects = parents.stream().filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast)
                .distinct().toList();
        ObjectNode target = random.nextInt(5) == 0 ? root : pick(objects);
        if (target == null) {
            return null;
        }
        String key = pick(List.of("descripton", "Extra", "$ref", "items2", "", "name ", "\u0000"));
        target.put(key, "x");
        return "\"" + key + "\"";
    }

    private String removeRequired() {
        ObjectNode target;
        String key;
        switch (random.nextInt(5)) {
            case 0 -> {
                target = pick(members());
                key = random.nextBoolean() ? "name" : "type";
            }
            case 1 -> {
                target = pick(actions());
                key = pick(List.of("name", "input", "output"));
            }
            case 2 -> {
                target = pick(structures());
                key = random.nextBoolean() ? "name" : "members";
            }
            case 3 -> {
                target = root;
                key = pick(List.of("service", "version", "endpoints", "regions", "actions"));
            }
            default -> {
                target = pick(objects(arrayAt(root, "regions")));
                key = "id";
            }
        }
        if (target == null) {
            return null;
        }
        target.remove(key);
        return key;
    }

    private String danglingReference() {
        switch (random.nextInt(3)) {
            case 0 -> {
                ObjectNode action = pick(actions());
                if (action == null) {
                    return null;
                }
                arrayProperty(action, "regions").add("xx-nowhere-" + random.nextInt(9));
                return "region";
            }
            case 1 -> {
                ObjectNode action = pick(actions());
                if (action == null) {
                    return null;
                }
                arrayProperty(action, "errorCodes").add("NoSuch.Code" + random.nextInt(9));
                return "error code";
            }
            default -> {
                ObjectNode member = pick(members());
                if (member == null) {
                    return null;
                }
                member.put("type", "Ghost" + random.nextInt(9));
                member.remove("items");
                return "structure";
            }
        }
    }

    private String badRateLimit() {
        ObjectNode action = pick(actions());
        if (action == null) {
            return null;
        }
        switch (random.nextInt(6)) {
            case 0 -> action.put("rateLimit", 0);
            case 1 -> action.put("rateLimit", -1);
            case 2 -> action.put("rateLimit", new BigInteger("1" + "0".repeat(40)));
            case 3 -> action.put("rateLimit", 1.5);
            case 4 -> action.put("rateLimit", "5");
            default -> action.put("rateLimit", 2_147_483_648L);
        }
        return action.get("rateLimit").toString();
    }

    private String badServiceField() {
        switch (random.nextInt(5)) {
            case 0 -> root.put("service", pick(List.of("Trtc", "trtc-x", "", "class", "1abc", "tr tc")));
            case 1 -> root.put("version", pick(List.of("2019/07/22", "", "v1", "2019-7-22", "20190722")));
            case 2 -> objectProperty(root, "endpoints").put("china", pick(List.of("https://x.com/", "", "x", "a..b")));
            case 3 -> objectProperty(root, "endpoints").remove("international");
            default -> root.put("service", "s" + "x".repeat(200 + random.nextInt(300)));
        }
        return "service fields";
    }

    private String caseTwinAction() {
        ObjectNode action = pick(actions());
        if (action == null || action.path("name").asText().length() < 2) {
            return null;
        }
        String name = action.get("name").asText();
        String twin = name.charAt(0) + toggleCase(name.substring(1));
        if (twin.equals(name)) {
            return null;
        }
        ObjectNode copy = action.deepCopy();
        copy.put("name", twin);
        arrayAt(root, "actions").add(copy);
        return name + " + " + twin;
    }

    private String tooDeepExample() {
        ObjectNode action = pick(actions());
        if (action == null) {
            return null;
        }
        ObjectNode example = NODES.objectNode();
        example.put("title", "deep");
        example.set("request", nested(1_100));
        example.putObject("response");
        arrayProperty(action, "examples").add(example);
        return "1100 levels";
    }

    // ---- text and bytes ----

    private String breakText(String text) {
        int at = random.nextInt(text.length() + 1);
        switch (random.nextInt(5)) {
            case 0 -> {
                applied.add("text: truncated at " + at);
                return text.substring(0, at);
            }
            case 1 -> {
                String garbage = pick(List.of("}", ",", "\"", ":", "x", "\u0000", "]", "{", "\\", "//", "/*"));
                applied.add("text: inserted " + garbage.replace("\u0000", "NUL") + " at " + at);
                return text.substring(0, at) + garbage + text.substring(at);
            }
            case 2 -> {
                int brace = text.indexOf('{', at);
                if (brace < 0) {
                    brace = text.indexOf('{');
                }
                applied.add("text: duplicate key after offset " + brace);
                return text.substring(0, brace + 1) + "\"description\": \"a\", \"description\": \"b\", "
                        + text.substring(brace + 1);
            }
            case 3 -> {
                applied.add("text: byte order mark");
                return "\uFEFF" + text;
            }
            default -> {
                applied.add("text: empty");
                return random.nextBoolean() ? "" : "  \n ";
            }
        }
    }

    private byte[] breakBytes(byte[] bytes) {
        int at = random.nextInt(bytes.length + 1);
        byte[] bad = random.nextBoolean() ? new byte[] {(byte) 0xFF} : new byte[] {(byte) 0xC3, 0x28};
        applied.add("bytes: invalid UTF-8 at " + at);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.write(bad, 0, bad.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    // ---- the cut ----

    /** Keeps one to four actions and the structures they reach, so that a case compiles in about a second. */
    private void cutToFewActions() {
        ArrayNode actions = arrayAt(root, "actions");
        if (actions == null || actions.size() <= 4) {
            return;
        }
        int keep = 1 + random.nextInt(4);
        List<JsonNode> all = new ArrayList<>();
        actions.forEach(all::add);
        List<JsonNode> kept = new ArrayList<>();
        for (int i = 0; i < keep; i++) {
            kept.add(all.remove(random.nextInt(all.size())));
        }
        actions.removeAll();
        kept.forEach(actions::add);
        Set<String> reached = new LinkedHashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>(kept);
        Map<String, JsonNode> byName = new HashMap<>();
        objects(arrayAt(root, "structures")).forEach(s -> byName.put(s.path("name").asText(), s));
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            for (JsonNode list : List.of(node.path("input"), node.path("output"), node.path("members"))) {
                for (JsonNode member : list) {
                    for (String type : List.of(member.path("type").asText(), member.path("items").asText())) {
                        if (byName.containsKey(type) && reached.add(type)) {
                            pending.push(byName.get(type));
                        }
                    }
                }
            }
        }
        ArrayNode structures = arrayAt(root, "structures");
        if (structures != null) {
            Iterator<JsonNode> it = structures.elements();
            while (it.hasNext()) {
                if (!reached.contains(it.next().path("name").asText())) {
                    it.remove();
                }
            }
        }
        List<String> names = new ArrayList<>();
        kept.forEach(a -> names.add(a.path("name").asText()));
        applied.add("cut to " + names + " and " + reached.size() + " structures");
    }

    // ---- helpers ----

    private String serviceClassName() {
        String service = root.path("service").asText("x");
        String prefix = service.isEmpty() ? "X" : Character.toUpperCase(service.charAt(0)) + service.substring(1);
        List<String> names = new ArrayList<>(List.of(prefix + "Client", prefix + "Exception", prefix + "ErrorCode",
                "Region", "Builder"));
        for (ObjectNode action : actions()) {
            names.add(action.path("name").asText() + "Request");
            names.add(action.path("name").asText() + "Response");
        }
        for (String structure : structureNames()) {
            names.add(toggleCase(structure));
        }
        return pick(names);
    }

    /** A name that collides with {@code name} after conversion or differs from it only in case. */
    private String variant(String name) {
        return switch (random.nextInt(5)) {
            case 0 -> toggleCase(name);
            case 1 -> name.toUpperCase(Locale.ROOT);
            case 2 -> name.length() < 2 ? name + "_" : name.substring(0, 1) + "_" + name.substring(1);
            case 3 -> name.replace("_", "");
            default -> name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
        };
    }

    /** {@code name} with the case of one random letter (not the first) switched. */
    private String toggleCase(String name) {
        if (name.length() < 2) {
            return name;
        }
        int at = 1 + random.nextInt(name.length() - 1);
        char c = name.charAt(at);
        char toggled = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        return name.substring(0, at) + toggled + name.substring(at + 1);
    }

    private void renameStructure(String old, String name) {
        for (ObjectNode structure : structures()) {
            if (structure.path("name").asText().equals(old)) {
                structure.put("name", name);
            }
        }
        for (ObjectNode member : members()) {
            if (member.path("type").asText().equals(old)) {
                member.put("type", name);
            }
            if (member.path("items").asText().equals(old)) {
                member.put("items", name);
            }
        }
    }

    /** Makes the structure reachable: a new member of some action's output or input refers to it. */
    private void addReference(String structure) {
        List<ArrayNode> lists = new ArrayList<>();
        for (ObjectNode action : actions()) {
            for (String key : List.of("input", "output")) {
                if (action.get(key) instanceof ArrayNode list) {
                    lists.add(list);
                }
            }
        }
        ArrayNode list = pick(lists);
        if (list != null) {
            list.add(random.nextBoolean() ? member("Ref" + (serial++), structure)
                    : listMember("Refs" + (serial++), structure));
        }
    }

    private static ObjectNode structure(String name) {
        ObjectNode structure = NODES.objectNode();
        structure.put("name", name);
        structure.putArray("members");
        return structure;
    }

    private static ObjectNode member(String name, String type) {
        return NODES.objectNode().put("name", name).put("type", type);
    }

    private static ObjectNode listMember(String name, String items) {
        return NODES.objectNode().put("name", name).put("type", "list").put("items", items);
    }

    private JsonNode nested(int depth) {
        JsonNode node = NODES.textNode(pick(HOSTILE_TEXTS));
        for (int i = 0; i < depth; i++) {
            node = random.nextBoolean() ? NODES.objectNode().set("K" + i, node) : NODES.arrayNode().add(node);
        }
        return node;
    }

    private void collect(JsonNode node, String path, List<String> paths, List<JsonNode> parents) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                paths.add(path + "/" + name);
                parents.add(object);
                collect(object.get(name), path + "/" + name, paths, parents);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                paths.add(path + "/" + i);
                parents.add(array);
                collect(array.get(i), path + "/" + i, paths, parents);
            }
        }
    }

    private List<ObjectNode> actions() {
        return objects(arrayAt(root, "actions"));
    }

    private List<ObjectNode> structures() {
        return objects(arrayAt(root, "structures"));
    }

    private ArrayNode structuresArray() {
        if (!(root.get("structures") instanceof ArrayNode)) {
            root.putArray("structures");
        }
        return (ArrayNode) root.get("structures");
    }

    private List<String> structureNames() {
        List<String> names = new ArrayList<>();
        structures().forEach(s -> names.add(s.path("name").asText()));
        return names;
    }

    private List<ArrayNode> memberLists() {
        List<ArrayNode> lists = new ArrayList<>();
        for (ObjectNode action : actions()) {
            for (String key : List.of("input", "output")) {
                if (action.get(key) instanceof ArrayNode list) {
                    lists.add(list);
                }
            }
        }
        for (ObjectNode structure : structures()) {
            if (structure.get("members") instanceof ArrayNode list) {
                lists.add(list);
            }
        }
        return lists;
    }

    private List<ObjectNode> members() {
        List<ObjectNode> members = new ArrayList<>();
        memberLists().forEach(list -> members.addAll(objects(list)));
        return members;
    }

    /** The array at {@code key}, put there (in place of whatever was there) if it is not an array. */
    private static ArrayNode arrayProperty(ObjectNode object, String key) {
        return object.get(key) instanceof ArrayNode array ? array : object.putArray(key);
    }

    /** The object at {@code key}, put there (in place of whatever was there) if it is not an object. */
    private static ObjectNode objectProperty(ObjectNode object, String key) {
        return object.get(key) instanceof ObjectNode child ? child : object.putObject(key);
    }

    private static ArrayNode arrayAt(ObjectNode object, String key) {
        return object.get(key) instanceof ArrayNode array ? array : null;
    }

    private static List<ObjectNode> objects(ArrayNode array) {
        List<ObjectNode> objects = new ArrayList<>();
        if (array != null) {
            array.forEach(node -> {
                if (node instanceof ObjectNode object) {
                    objects.add(object);
                }
            });
        }
        return objects;
    }

    private <T> T pick(List<T> items) {
        return items.isEmpty() ? null : items.get(random.nextInt(items.size()));
    }

    private static String abbreviate(String text) {
        String visible = text.replaceAll("\\p{Cntrl}", "?");
        return visible.length() <= 60 ? visible : visible.substring(0, 57) + "...";
    }
}
