package dev.tcgen.generator.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text into a tree, remembering the line and column of every value and reporting duplicate keys, which
 * Jackson's own tree reader would silently collapse.
 */
public final class JsonTreeReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private final String file;
    private final Map<String, Location> locations = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private JsonTreeReader(String file) {
        this.file = file;
    }

    /**
     * Reads a whole document.
     *
     * @param file the file name to report problems against
     * @param text the JSON text
     * @return the located tree
     * @throws SpecException if the text is not well-formed JSON or repeats a key
     */
    public static LocatedJson read(String file, String text) throws SpecException {
        return new JsonTreeReader(file).readDocument(text);
    }

    private LocatedJson readDocument(String text) throws SpecException {
        JsonNode root;
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SpecException(List.of(new Problem(new Location(file, 1, 1), "",
                        "the file is empty; expected a JSON object describing one service version")));
            }
            root = readValue(parser, "");
            if (parser.nextToken() != null) {
                problems.add(new Problem(locationOf(parser.currentTokenLocation()), "",
                        "unexpected content after the end of the JSON document"));
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location location = at == null ? new Location(file, 1, 1) : locationOf(at);
            problems.add(new Problem(location, "", "malformed JSON: " + e.getOriginalMessage()));
            throw new SpecException(problems);
        } catch (IOException e) {
            throw new SpecException(List.of(new Problem(new Location(file, 1, 1), "", "cannot read: " + e.getMessage())));
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return new LocatedJson(file, root, locations);
    }

    private JsonNode readValue(JsonParser parser, String pointer) throws IOException {
        locations.put(pointer, locationOf(parser.currentTokenLocation()));
        return switch (parser.currentToken()) {
            case START_OBJECT -> readObject(parser, pointer);
            case START_ARRAY -> readArray(parser, pointer);
            case VALUE_STRING -> JsonNodeFactory.instance.textNode(parser.getText());
            case VALUE_NUMBER_INT -> JsonNodeFactory.instance.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> JsonNodeFactory.instance.booleanNode(true);
            case VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(false);
            case VALUE_NULL -> JsonNodeFactory.instance.nullNode();
            default -> throw new IllegalStateException("unexpected token " + parser.currentToken());
        };
    }

    private ObjectNode readObject(JsonParser parser, String pointer) throws IOException {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String childPointer = LocatedJson.child(pointer, name);
            Location keyLocation = locationOf(parser.currentTokenLocation());
            parser.nextToken();
            if (object.has(name)) {
                problems.add(new Problem(keyLocation, childPointer, "duplicate key \"" + name + "\"; the first one is at "
                        + locations.get(childPointer)));
                parser.skipChildren();
                continue;
            }
            object.set(name, readValue(parser, childPointer));
        }
        return object;
    }

    private ArrayNode readArray(JsonParser parser, String pointer) throws IOException {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(parser, LocatedJson.child(pointer, array.size())));
        }
        return array;
    }

    private Location locationOf(JsonLocation location) {
        return new Location(file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }
}
