package dev.tcgen.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * Typed, located access to one JSON object of a spec. Every access that finds the wrong kind of value, or no value
 * where one is required, records a problem and returns a harmless default, so that binding goes on and the user
 * hears of every problem at once.
 */
final class JsonObjectView {

    private final LocatedJson json;
    private final String pointer;
    private final JsonNode node;
    private final List<Problem> problems;

    private JsonObjectView(LocatedJson json, String pointer, JsonNode node, List<Problem> problems) {
        this.json = json;
        this.pointer = pointer;
        this.node = node;
        this.problems = problems;
    }

    /**
     * A view of the object at {@code pointer}, or empty (with a problem recorded) if the value is not an object.
     *
     * @param what what the object is, for the message, e.g. "an action"
     * @param kind the kind of object, whose properties it may have; any other is reported
     */
    static Optional<JsonObjectView> of(
            LocatedJson json, String pointer, JsonNode node, String what, SpecFormat kind, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(json.problem(pointer, "expected " + what + " (a JSON object) but found " + kind(node)));
            return Optional.empty();
        }
        JsonObjectView view = new JsonObjectView(json, pointer, node, problems);
        view.reportUnknownKeys(what, kind);
        return Optional.of(view);
    }

    String pointer() {
        return pointer;
    }

    String requiredString(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            problems.add(json.problem(pointer, "missing required property \"" + key + "\""));
            return "";
        }
        String text = string(key, value);
        if (value.isTextual() && text.isEmpty()) {
            problems.add(json.problem(child(key), "\"" + key + "\" must not be empty"));
        }
        return text;
    }

    String optionalString(String key) {
        JsonNode value = node.get(key);
        return value == null ? "" : string(key, value);
    }

    Optional<String> optionalNonEmptyString(String key) {
        return node.has(key) ? Optional.of(optionalString(key)) : Optional.empty();
    }

    boolean optionalBoolean(String key) {
        return optionalFlag(key).orElse(false);
    }

    /** A boolean that may be absent, which is not the same as {@code false}. */
    Optional<Boolean> optionalFlag(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            problems.add(json.problem(child(key), "\"" + key + "\" must be true or false, not " + kind(value)));
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    OptionalInt optionalPositiveInt(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            problems.add(json.problem(child(key), "\"" + key + "\" must be a whole number of at least 1, not "
                    + kind(value)));
            return OptionalInt.empty();
        }
        return OptionalInt.of(value.intValue());
    }

    OptionalLong optionalLong(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problems.add(json.problem(child(key), "\"" + key + "\" must be a whole number, not " + kind(value)));
            return OptionalLong.empty();
        }
        return OptionalLong.of(value.longValue());
    }

    Optional<JsonObjectView> optionalObject(String key, String what, SpecFormat kind) {
        JsonNode value = node.get(key);
        return value == null ? Optional.empty() : of(json, child(key), value, what, kind, problems);
    }

    Optional<JsonNode> optionalValue(String key) {
        return Optional.ofNullable(node.get(key));
    }

    Optional<JsonObjectView> requiredObject(String key, String what, SpecFormat kind) {
        JsonNode value = node.get(key);
        if (value == null) {
            problems.add(json.problem(pointer, "missing required property \"" + key + "\" (" + what + ")"));
            return Optional.empty();
        }
        return of(json, child(key), value, what, kind, problems);
    }

    /** The elements of a required array, each converted by {@code element(pointer, node)}. */
    <T> List<T> requiredArray(String key, BiFunction<String, JsonNode, Optional<T>> element) {
        if (!node.has(key)) {
            problems.add(json.problem(pointer, "missing required property \"" + key + "\" (an array)"));
            return List.of();
        }
        return optionalArray(key, element).orElse(List.of());
    }

    /** The elements of an optional array, or empty if the property is absent. */
    <T> Optional<List<T>> optionalArray(String key, BiFunction<String, JsonNode, Optional<T>> element) {
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            problems.add(json.problem(child(key), "\"" + key + "\" must be an array, not " + kind(value)));
            return Optional.of(List.of());
        }
        List<T> elements = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            element.apply(LocatedJson.child(child(key), i), value.get(i)).ifPresent(elements::add);
        }
        return Optional.of(elements);
    }

    /** A string element of an array, or empty with a problem. */
    Optional<String> stringElement(String elementPointer, JsonNode value, String what) {
        if (!value.isTextual()) {
            problems.add(json.problem(elementPointer, "expected " + what + " (a string) but found " + kind(value)));
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    private String string(String key, JsonNode value) {
        if (!value.isTextual()) {
            problems.add(json.problem(child(key), "\"" + key + "\" must be a string, not " + kind(value)));
            return "";
        }
        return value.textValue();
    }

    private void reportUnknownKeys(String what, SpecFormat kind) {
        node.fieldNames().forEachRemaining(name -> {
            if (!kind.keys().contains(name)) {
                problems.add(json.problem(child(name), Suggestions.unknownProperty(name, what, kind.keys())));
            }
        });
    }

    private String child(String key) {
        return LocatedJson.child(pointer, key);
    }

    static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "the string \"" + value.textValue() + "\"";
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.toString();
        }
        if (value.isNull()) {
            return "null";
        }
        return value.isArray() ? "an array" : "an object";
    }
}
