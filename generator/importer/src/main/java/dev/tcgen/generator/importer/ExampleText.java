package dev.tcgen.generator.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the text of a documented example, as Tencent writes it in {@code examples.json} and on doc pages, into the
 * JSON bodies of the spec format.
 *
 * <p>A request is one of: an HTTP request ({@code POST / HTTP/1.1}, headers, {@code <Common request parameters>},
 * then a JSON body); a URL with query parameters ({@code https://host/?Action=X&SdkAppId=1&UserIds.0=a}, possibly
 * split over lines), whose values get the JSON type of the member they set; or a bare JSON body. A response is a JSON
 * body. JSON that is not strictly valid is read again leniently (raw control characters in strings, trailing commas,
 * comments, single quotes); when that works the body is kept with a warning, otherwise the example cannot be used.
 */
public final class ExampleText {

    private static final Pattern HTTP_REQUEST_LINE = Pattern.compile("(GET|POST)\\s+\\S+\\s+HTTP/\\S+");
    private static final Pattern URL = Pattern.compile("https?://\\S*");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Set<String> COMMON_PARAMETERS = Set.of("Action", "Version", "Region", "Timestamp", "Nonce",
            "SecretId", "Signature", "SignatureMethod", "Token", "Language", "RequestClient");

    private static final ObjectMapper STRICT = mapper(false);
    private static final ObjectMapper LENIENT = mapper(true);

    private ExampleText() {}

    /**
     * The outcome of reading one body.
     *
     * @param body the JSON object, when it could be read
     * @param warnings what was repaired or guessed on the way, each with its line relative to the text (1-based)
     * @param failure why the body cannot be read, or empty
     * @param failureLine the line of the failure relative to the text (1-based)
     */
    record Body(Optional<ObjectNode> body, List<Note> warnings, String failure, int failureLine) {

        static Body of(ObjectNode body, List<Note> warnings) {
            return new Body(Optional.of(body), List.copyOf(warnings), "", 0);
        }

        static Body failed(int line, String failure, List<Note> warnings) {
            return new Body(Optional.empty(), List.copyOf(warnings), failure, Math.max(1, line));
        }
    }

    /**
     * A remark about a body.
     *
     * @param line 1-based line relative to the example text
     * @param message the remark
     */
    record Note(int line, String message) {}

    /** Reads the request text of an example; {@code types} types the values of a query-string request. */
    static Body request(String text, MemberTypes types) {
        List<String> lines = lines(text);
        int first = firstNonBlank(lines);
        if (first < 0) {
            return Body.failed(1, "the request is empty", List.of());
        }
        String head = lines.get(first).strip();
        if (head.startsWith("{")) {
            return json(lines, first, "request");
        }
        if (HTTP_REQUEST_LINE.matcher(head).matches()) {
            for (int i = first + 1; i < lines.size(); i++) {
                if (lines.get(i).strip().startsWith("{")) {
                    return json(lines, i, "request");
                }
            }
            String target = head.split("\\s+")[1];
            if (target.contains("?")) {
                return query(target, first + 1, types);
            }
            return Body.failed(first + 1, "the HTTP request has no JSON body", List.of());
        }
        if (URL.matcher(head).lookingAt()) {
            StringBuilder url = new StringBuilder();
            lines.subList(first, lines.size()).forEach(line -> url.append(line.strip()));
            return query(url.toString(), first + 1, types);
        }
        return Body.failed(first + 1, "the request is neither an HTTP request with a JSON body, nor a URL with "
                + "parameters, nor a JSON object: " + abbreviate(head), List.of());
    }

    /** Reads the response text of an example: a JSON object. */
    static Body response(String text) {
        List<String> lines = lines(text);
        int first = firstNonBlank(lines);
        if (first < 0) {
            return Body.failed(1, "the response is empty", List.of());
        }
        return json(lines, first, "response");
    }

    /**
     * Reads an example's JSON as the importer does when it is not strictly valid: raw control characters, trailing
     * commas, comments, single quotes and the like are accepted; numbers with a fraction keep their digits.
     *
     * @param text the example's text
     * @return the JSON
     * @throws JsonProcessingException if even a lenient reading fails
     */
    public static JsonNode readLeniently(String text) throws JsonProcessingException {
        return LENIENT.readTree(text);
    }

    private static Body json(List<String> lines, int firstLine, String what) {
        String text = String.join("\n", lines.subList(firstLine, lines.size()));
        try {
            return object(STRICT.readTree(text), firstLine, what, List.of());
        } catch (JsonProcessingException strictError) {
            String reason = describe(strictError);
            try {
                return object(LENIENT.readTree(text), firstLine, what, List.of(new Note(lineOf(strictError, firstLine),
                        "the example " + what + " is not valid JSON (" + reason + "); it was read leniently")));
            } catch (JsonProcessingException lenientError) {
                return Body.failed(lineOf(strictError, firstLine), "the example " + what + " is not valid JSON: "
                        + reason, List.of());
            }
        }
    }

    private static Body object(JsonNode node, int firstLine, String what, List<Note> warnings) {
        if (!node.isObject()) {
            return Body.failed(firstLine + 1, "the example " + what + " is not a JSON object", warnings);
        }
        return Body.of((ObjectNode) node, warnings);
    }

    /** A URL's query parameters as a JSON request body, {@code A.0.B=v} nesting lists and objects. */
    private static Body query(String url, int line, MemberTypes types) {
        int question = url.indexOf('?');
        String query = question < 0 ? "" : url.substring(question + 1);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        List<Note> warnings = new ArrayList<>();
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            if (parameter.isBlank() || parameter.startsWith("<") || equals <= 0) {
                continue;
            }
            String key = parameter.substring(0, equals);
            if (COMMON_PARAMETERS.contains(key)) {
                continue;
            }
            List<String> path = Arrays.asList(key.split("\\."));
            JsonNode value = typedValue(key, decode(parameter.substring(equals + 1)), types.scalarType(path),
                    line, warnings);
            Optional<String> conflict = put(body, path, value);
            if (conflict.isPresent()) {
                return Body.failed(line, "the example request's parameter " + key + " " + conflict.get(), warnings);
            }
        }
        return Body.of(body, warnings);
    }

    private static JsonNode typedValue(String key, String text, Optional<String> type, int line, List<Note> warnings) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (type.isEmpty()) {
            warnings.add(new Note(line, "the example request's parameter " + key
                    + " is not a scalar input member; its value is kept as a string"));
            return nodes.textNode(unquote(text));
        }
        switch (type.get()) {
            case "int64", "uint64" -> {
                if (INTEGER.matcher(text).matches()) {
                    return number(text);
                }
            }
            case "float" -> {
                if (DECIMAL.matcher(text).matches()) {
                    return number(text);
                }
            }
            case "bool" -> {
                if (text.equals("true") || text.equals("false")) {
                    return nodes.booleanNode(Boolean.parseBoolean(text));
                }
            }
            default -> {
                return nodes.textNode(unquote(text));
            }
        }
        warnings.add(new Note(line, "the example request's parameter " + key + " is of type " + type.get()
                + " but its value \"" + text + "\" is not; it is kept as a string"));
        return nodes.textNode(text);
    }

    /** A number node as a JSON body would have it, so that examples from URLs and from bodies compare equal. */
    private static JsonNode number(String text) {
        try {
            return STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON number: " + text, e);
        }
    }

    /** Sets the value at the path, creating lists and objects on the way; a description of a conflict, if any. */
    private static Optional<String> put(ObjectNode body, List<String> path, JsonNode value) {
        JsonNode container = body;
        for (int i = 0; i < path.size(); i++) {
            String segment = path.get(i);
            boolean last = i == path.size() - 1;
            JsonNode next = last ? value
                    : MemberTypes.isIndex(path.get(i + 1)) ? JsonNodeFactory.instance.arrayNode()
                    : JsonNodeFactory.instance.objectNode();
            if (container instanceof ObjectNode object && !MemberTypes.isIndex(segment)) {
                JsonNode existing = object.get(segment);
                if (last || existing == null) {
                    object.set(segment, next);
                } else {
                    next = existing;
                }
            } else if (container instanceof ArrayNode array && MemberTypes.isIndex(segment)) {
                int index = Integer.parseInt(segment);
                if (index > 1000) {
                    return Optional.of("has an index above 1000");
                }
                while (array.size() <= index) {
                    array.addNull();
                }
                JsonNode existing = array.get(index);
                if (last || existing.isNull()) {
                    array.set(index, next);
                } else {
                    next = existing;
                }
            } else {
                return Optional.of("mixes list indexes and member names at \"" + segment + "\"");
            }
            if (!last && !next.isContainerNode()) {
                return Optional.of("sets a member inside the value of \"" + segment + "\"");
            }
            container = next;
        }
        return Optional.empty();
    }

    private static String decode(String value) {
        if (!value.contains("%")) {
            return value;
        }
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static int lineOf(JsonProcessingException e, int firstLine) {
        return e.getLocation() == null ? firstLine + 1 : firstLine + Math.max(1, e.getLocation().getLineNr());
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? "\"" + text + "\"" : "\"" + text.substring(0, 57) + "...\"";
    }

    private static ObjectMapper mapper(boolean lenient) {
        JsonMapper.Builder builder = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .nodeFactory(JsonNodeFactory.instance);
        if (lenient) {
            builder.enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                    JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS);
        }
        return builder.build();
    }
}
