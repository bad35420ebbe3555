package dev.tcgen.generator.importer;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcgen.generator.spec.PagingSpec;
import dev.tcgen.generator.spec.SpecFormat;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link SpecDraft} as a spec file the way {@code api-spec} keeps them: keys in the order of
 * {@link SpecFormat}, 2-space indentation, {@code "key": value}, one final newline, error codes sorted by code,
 * actions and structures sorted by name, members in documentation order. Optional values at their default are left
 * out ({@code required}, {@code deprecated} when false; empty texts; absent regions, rate limit or paging);
 * {@code structures}, {@code errorCodes} and each code's {@code common} are always written. Same draft, same bytes.
 */
public final class SpecWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SpecWriter() {}

    /** The spec file's text. */
    public static String write(SpecDraft.Service service) {
        StringBuilder out = new StringBuilder();
        print(toJson(service), 0, out);
        return out.append('\n').toString();
    }

    /** The spec as a JSON tree, keys in the format's order. */
    public static ObjectNode toJson(SpecDraft.Service service) {
        ObjectNode spec = NODES.objectNode();
        putText(spec, "$schema", service.schema());
        spec.put("service", service.service());
        spec.put("version", service.version());
        putText(spec, "title", service.title());
        spec.set("endpoints", inFormatOrder(SpecFormat.ENDPOINTS, NODES.objectNode()
                .put("china", service.chinaEndpoint())
                .put("international", service.internationalEndpoint())));
        ArrayNode regions = spec.putArray("regions");
        for (SpecDraft.Region region : service.regions()) {
            ObjectNode node = NODES.objectNode().put("id", region.id());
            putText(node, "name", region.name());
            regions.add(inFormatOrder(SpecFormat.REGION, node));
        }
        ArrayNode actions = spec.putArray("actions");
        service.actions().stream()
                .sorted(Comparator.comparing(SpecDraft.Action::name))
                .forEach(action -> actions.add(action(action)));
        ArrayNode structures = spec.putArray("structures");
        service.structures().stream()
                .sorted(Comparator.comparing(SpecDraft.Structure::name))
                .forEach(structure -> structures.add(structure(structure)));
        ArrayNode codes = spec.putArray("errorCodes");
        service.errorCodes().stream()
                .sorted(Comparator.comparing(SpecDraft.ErrorCode::code))
                .forEach(code -> {
                    ObjectNode node = NODES.objectNode().put("code", code.code());
                    putText(node, "description", code.description());
                    codes.add(inFormatOrder(SpecFormat.ERROR_CODE, node.put("common", code.common())));
                });
        return inFormatOrder(SpecFormat.SERVICE, spec);
    }

    /** One action as a JSON object, keys in the format's order. */
    public static ObjectNode action(SpecDraft.Action action) {
        ObjectNode node = NODES.objectNode().put("name", action.name());
        putText(node, "title", action.title());
        putText(node, "description", action.description());
        node.set("input", members(action.input()));
        node.set("output", members(action.output()));
        action.regions().ifPresent(regions -> regions.forEach(node.putArray("regions")::add));
        action.rateLimit().ifPresent(limit -> node.put("rateLimit", limit));
        action.idempotent().ifPresent(idempotent -> node.put("idempotent", idempotent));
        action.paging().ifPresent(paging -> node.set("paging", paging(paging)));
        if (!action.errorCodes().isEmpty()) {
            action.errorCodes().stream().distinct().sorted().forEach(node.putArray("errorCodes")::add);
        }
        if (!action.examples().isEmpty()) {
            ArrayNode examples = node.putArray("examples");
            for (SpecDraft.Example example : action.examples()) {
                examples.add(inFormatOrder(SpecFormat.EXAMPLE, NODES.objectNode()
                        .put("title", example.title())
                        .<ObjectNode>set("request", example.request().deepCopy())
                        .set("response", example.response().deepCopy())));
            }
        }
        if (action.deprecated()) {
            node.put("deprecated", true);
        }
        if (action.streaming()) {
            node.put("streaming", true);
        }
        return inFormatOrder(SpecFormat.ACTION, node);
    }

    /** {@code false}, or the paging's names ({@code firstPage} whenever the form has it). */
    private static JsonNode paging(PagingSpec paging) {
        if (!paging.paged()) {
            return NODES.booleanNode(false);
        }
        ObjectNode node = NODES.objectNode();
        putText(node, "offset", paging.offset());
        putText(node, "limit", paging.limit());
        putText(node, "page", paging.page());
        putText(node, "pageSize", paging.pageSize());
        paging.firstPage().ifPresent(first -> node.put("firstPage", first));
        putText(node, "token", paging.token());
        putText(node, "nextToken", paging.nextToken());
        putText(node, "total", paging.total());
        putText(node, "items", paging.items());
        return inFormatOrder(SpecFormat.PAGING, node);
    }

    private static ObjectNode structure(SpecDraft.Structure structure) {
        ObjectNode node = NODES.objectNode().put("name", structure.name());
        putText(node, "description", structure.description());
        node.set("members", members(structure.members()));
        if (structure.deprecated()) {
            node.put("deprecated", true);
        }
        return inFormatOrder(SpecFormat.STRUCTURE, node);
    }

    private static ArrayNode members(List<SpecDraft.Member> members) {
        ArrayNode array = NODES.arrayNode();
        for (SpecDraft.Member member : members) {
            ObjectNode node = NODES.objectNode().put("name", member.name()).put("type", member.type());
            member.items().ifPresent(items -> node.put("items", items));
            if (member.required()) {
                node.put("required", true);
            }
            putText(node, "description", member.description());
            putText(node, "example", member.example());
            if (member.deprecated()) {
                node.put("deprecated", true);
            }
            array.add(inFormatOrder(SpecFormat.MEMBER, node));
        }
        return array;
    }

    /** The object with its properties in the order the format lists them for its kind. */
    private static ObjectNode inFormatOrder(SpecFormat kind, ObjectNode node) {
        ObjectNode ordered = NODES.objectNode();
        kind.keys().stream().filter(node::has).forEach(key -> ordered.set(key, node.get(key)));
        return ordered;
    }

    private static void putText(ObjectNode node, String key, String value) {
        if (!value.isEmpty()) {
            node.put(key, value);
        }
    }

    /**
     * Pretty-prints with 2-space indentation; scalars as Jackson writes them (UTF-8 text, escaped controls). Strings,
     * integers and booleans, nearly all of a spec, are written directly: {@code JsonNode.toString} would set up a
     * generator for each.
     */
    private static void print(JsonNode node, int depth, StringBuilder out) {
        if (node.isObject() && !node.isEmpty()) {
            out.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                indent(depth + 1, out);
                quote(field.getKey(), out);
                out.append(": ");
                print(field.getValue(), depth + 1, out);
                out.append(fields.hasNext() ? ",\n" : "\n");
            }
            indent(depth, out);
            out.append('}');
        } else if (node.isArray() && !node.isEmpty()) {
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                indent(depth + 1, out);
                print(node.get(i), depth + 1, out);
                out.append(i < node.size() - 1 ? ",\n" : "\n");
            }
            indent(depth, out);
            out.append(']');
        } else if (node.isContainerNode()) {
            out.append(node.isObject() ? "{}" : "[]");
        } else if (node.isTextual()) {
            quote(node.textValue(), out);
        } else if (node.isIntegralNumber() || node.isBoolean()) {
            out.append(node.asText());
        } else {
            out.append(node);
        }
    }

    /** A JSON string as Jackson writes it (the same escapes), without a generator per value. */
    private static void quote(String text, StringBuilder out) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        out.append('"');
    }

    private static void indent(int depth, StringBuilder out) {
        out.append("  ".repeat(depth));
    }
}
