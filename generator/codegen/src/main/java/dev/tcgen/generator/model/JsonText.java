package dev.tcgen.generator.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A JSON tree as text, with numbers exactly as read: compact, as {@code JsonNode.toString()}, or indented as
 * Jackson's default pretty printer lays it out ({@code "Key" : value}, two spaces, short arrays on one line). Written
 * with jackson-core alone: jackson-databind's writers do the same but cost a cold JVM (a plugin's regeneration) some
 * 300 ms to set up.
 */
final class JsonText {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonText() {}

    /** The tree's text on one line, without spaces. */
    static String compact(JsonNode node) {
        return text(node, false);
    }

    /** The tree's text, indented; {@code ""} for {@code null}. */
    static String pretty(JsonNode node) {
        return node == null ? "" : text(node, true);
    }

    private static String text(JsonNode node, boolean indented) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            if (indented) {
                out.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            write(node, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonNode node, JsonGenerator out) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    out.writeFieldName(member.getKey());
                    write(member.getValue(), out);
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode item : node) {
                    write(item, out);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    out.writeNumber(node.bigIntegerValue());
                } else if (node.isBigDecimal()) {
                    out.writeNumber(node.decimalValue());
                } else {
                    out.writeNumber(node.doubleValue());
                }
            }
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            default -> out.writeNull();
        }
    }
}
