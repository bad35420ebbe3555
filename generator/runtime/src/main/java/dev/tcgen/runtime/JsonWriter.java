package dev.tcgen.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * Writes the JSON of requests from the generated classes, one member at a time, over a jackson-core
 * {@code JsonGenerator}: no reflection.
 *
 * <p>Each {@code write...} method writes one member by its exact wire name, or nothing when the value is {@code null}
 * (Tencent Cloud reads an absent parameter as "not given", and may refuse an explicit {@code null}); an empty list is
 * written as {@code []}. The generated {@code writeJson} of a class calls them in the order of the spec:
 *
 * <pre>{@code
 * void writeJson(JsonWriter out) throws IOException {
 *     out.writeUint64("SdkAppId", this.sdkAppId);
 *     out.writeString("TaskId", this.taskId);
 *     out.writeObjectList("Users", this.users, User::writeJson);
 * }
 * }</pre>
 *
 * <p>One writer per document; not thread-safe.
 */
public final class JsonWriter {

    /**
     * Writes the members of one object (the object's braces are the caller's).
     *
     * @param <T> what it writes
     */
    @FunctionalInterface
    public interface ObjectWriter<T> {
        /**
         * Writes the members of {@code value}.
         *
         * @param value the object, never {@code null}
         * @param out where to write
         * @throws IOException if the JSON cannot be written
         */
        void write(T value, JsonWriter out) throws IOException;
    }

    /**
     * Writes one element of a list.
     */
    @FunctionalInterface
    private interface ElementWriter<T> {
        void write(T value) throws IOException;
    }

    private final JsonGenerator generator;

    /** The {@code ClientToken} to fill in if the request leaves it empty, or {@code null}. */
    private final String clientToken;

    private boolean clientTokenWritten;

    /** How deep in objects the writer is: 0 for the members of the document's object. */
    private int depth;

    JsonWriter(JsonGenerator generator, String clientToken) {
        this.generator = generator;
        this.clientToken = clientToken;
    }

    /**
     * Writes a string member (also a date, a datetime or binary text).
     *
     * @param name the wire name
     * @param value the value; {@code null} writes nothing
     * @throws IOException if the JSON cannot be written
     */
    public void writeString(String name, String value) throws IOException {
        String text = value;
        if (clientToken != null && depth == 0 && name.equals(Idempotency.CLIENT_TOKEN_MEMBER) && text != null) {
            text = text.isEmpty() ? clientToken : text;
            clientTokenWritten = true;
        }
        if (text != null) {
            generator.writeStringField(name, text);
        }
    }

    /**
     * Writes an int64 member.
     *
     * @param name the wire name
     * @param value the value; {@code null} writes nothing
     * @throws IOException if the JSON cannot be written
     */
    public void writeInt64(String name, Long value) throws IOException {
        if (value != null) {
            generator.writeFieldName(name);
            generator.writeNumber(value.longValue());
        }
    }

    /**
     * Writes a uint64 member as an unsigned number: a negative {@code Long} stands for a value of 2<sup>63</sup> or
     * more ({@code -1L} is written as {@code 18446744073709551615}).
     *
     * @param name the wire name
     * @param value the value; {@code null} writes nothing
     * @throws IOException if the JSON cannot be written
     */
    public void writeUint64(String name, Long value) throws IOException {
        if (value != null) {
            generator.writeFieldName(name);
            unsigned(value);
        }
    }

    /**
     * Writes a float member.
     *
     * @param name the wire name
     * @param value the value; {@code null} writes nothing
     * @throws IOException if the JSON cannot be written
     */
    public void writeFloat(String name, Double value) throws IOException {
        if (value != null) {
            generator.writeFieldName(name);
            generator.writeNumber(value.doubleValue());
        }
    }

    /**
     * Writes a bool member.
     *
     * @param name the wire name
     * @param value the value; {@code null} writes nothing
     * @throws IOException if the JSON cannot be written
     */
    public void writeBool(String name, Boolean value) throws IOException {
        if (value != null) {
            generator.writeBooleanField(name, value);
        }
    }

    /**
     * Writes an object member, its members with {@code writer}.
     *
     * @param <T> the object's class
     * @param name the wire name
     * @param value the value; {@code null} writes nothing
     * @param writer writes the object's members, e.g. {@code Filter::writeJson}
     * @throws IOException if the JSON cannot be written
     */
    public <T> void writeObject(String name, T value, ObjectWriter<? super T> writer) throws IOException {
        if (value != null) {
            generator.writeFieldName(name);
            object(value, writer);
        }
    }

    /**
     * Writes a list of strings.
     *
     * @param name the wire name
     * @param values the list; {@code null} writes nothing
     * @throws IOException if the JSON cannot be written
     */
    public void writeStringList(String name, List<String> values) throws IOException {
        list(name, values, generator::writeString);
    }

    /**
     * Writes a list of int64.
     *
     * @param name the wire name
     * @param values the list; {@code null} writes nothing
     * @throws IOException if the JSON cannot be written
     */
    public void writeInt64List(String name, List<Long> values) throws IOException {
        list(name, values, value -> generator.writeNumber(value.longValue()));
    }

    /**
     * Writes a list of uint64 (see {@link #writeUint64}).
     *
     * @param name the wire name
     * @param values the list; {@code null} writes nothing
     * @throws IOException if the JSON cannot be written
     */
    public void writeUint64List(String name, List<Long> values) throws IOException {
        list(name, values, this::unsigned);
    }

    /**
     * Writes a list of floats.
     *
     * @param name the wire name
     * @param values the list; {@code null} writes nothing
     * @throws IOException if the JSON cannot be written
     */
    public void writeFloatList(String name, List<Double> values) throws IOException {
        list(name, values, value -> generator.writeNumber(value.doubleValue()));
    }

    /**
     * Writes a list of bools.
     *
     * @param name the wire name
     * @param values the list; {@code null} writes nothing
     * @throws IOException if the JSON cannot be written
     */
    public void writeBoolList(String name, List<Boolean> values) throws IOException {
        list(name, values, generator::writeBoolean);
    }

    /**
     * Writes a list of objects, each one's members with {@code writer}.
     *
     * @param <T> the class of the elements
     * @param name the wire name
     * @param values the list; {@code null} writes nothing
     * @param writer writes one object's members, e.g. {@code User::writeJson}
     * @throws IOException if the JSON cannot be written
     */
    public <T> void writeObjectList(String name, List<T> values, ObjectWriter<? super T> writer) throws IOException {
        list(name, values, value -> object(value, writer));
    }

    /**
     * Writes the document: one object with {@code writer}'s members, and the {@code ClientToken} to fill in (see
     * {@link Json#bytes}) if the request left it empty.
     */
    <T> void writeDocument(T value, ObjectWriter<? super T> writer) throws IOException {
        generator.writeStartObject();
        writer.write(value, this);
        if (clientToken != null && !clientTokenWritten) {
            generator.writeStringField(Idempotency.CLIENT_TOKEN_MEMBER, clientToken);
        }
        generator.writeEndObject();
    }

    /**
     * The generator, for copying JSON text ({@link Json#writeText}).
     */
    JsonGenerator generator() {
        return generator;
    }

    private <T> void object(T value, ObjectWriter<? super T> writer) throws IOException {
        generator.writeStartObject();
        depth++;
        writer.write(value, this);
        depth--;
        generator.writeEndObject();
    }

    private void unsigned(Long value) throws IOException {
        long bits = value;
        if (bits >= 0) {
            generator.writeNumber(bits);
        } else {
            generator.writeNumber(Long.toUnsignedString(bits));
        }
    }

    private <T> void list(String name, List<T> values, ElementWriter<T> element) throws IOException {
        if (values == null) {
            return;
        }
        generator.writeFieldName(name);
        generator.writeStartArray();
        for (T value : values) {
            if (value == null) {
                generator.writeNull();
            } else {
                element.write(value);
            }
        }
        generator.writeEndArray();
    }
}
