package dev.tcgen.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the JSON of an answer into the generated classes, one member at a time, over a jackson-core
 * {@code JsonParser}: no reflection, and no value costs the rest of the answer.
 *
 * <p>The generated code of each class names its members; this reader does the rest. Each {@code read...} method reads
 * the value the parser is on as one declared type:
 * <ul>
 *   <li>a value that is exactly of that type, or exactly converts to it, is read: {@code "123"} or {@code 1.0} as an
 *       int64, {@code "true"} as a bool, {@code "0.5"} as a float, a number or bool as a string (its JSON text);</li>
 *   <li>any other value (a word for a number, {@code 0.1} for an int64, a number beyond 64 bits, a float a double
 *       cannot hold exactly, an object for a list, {@code ""} for an object, {@code null} inside a list) is left out:
 *       the member reads as {@code null}, a list keeps its other elements, and a {@link ReadProblem} records where,
 *       what was declared and what came. Nothing is truncated or rounded.</li>
 * </ul>
 * {@code null} for a member is the member absent, not a problem. Members the class does not know are skipped; of a
 * member given twice, the last value counts. Malformed JSON, or content after the document, is an
 * {@code IOException}: then there is no answer to read.
 *
 * <pre>{@code
 * static RoomState readJson(JsonReader in) throws IOException {
 *     Builder builder = new Builder();
 *     String name;
 *     while ((name = in.nextMember()) != null) {
 *         switch (name) {
 *             case "RoomId" -> builder.roomId = in.readString();
 *             case "CreateTime" -> builder.createTime = in.readUint64();
 *             default -> in.skipValue();
 *         }
 *     }
 *     return new RoomState(builder);
 * }
 * }</pre>
 *
 * <p>One reader per document; not thread-safe.
 */
public final class JsonReader {

    /**
     * Reads one value (an object's members, or a scalar) from the reader, positioned on it.
     *
     * @param <T> what it reads
     */
    @FunctionalInterface
    public interface ObjectReader<T> {
        /**
         * Reads the value the reader is on.
         *
         * @param in the reader
         * @return the value, or {@code null} if it is absent
         * @throws IOException if the JSON is malformed
         */
        T read(JsonReader in) throws IOException;
    }

    /**
     * Reads the value of one member of an object: the reader is on it, and it must be read or skipped.
     */
    @FunctionalInterface
    public interface MemberReader {
        /**
         * Reads or skips the member's value.
         *
         * @param name the member's name
         * @throws IOException if the JSON is malformed
         */
        void read(String name) throws IOException;
    }

    private static final int QUOTED_STRING = 16;

    private static final int QUOTED_NUMBER = 24;

    /** More than 19 digits before the point: beyond any 64-bit integer. */
    private static final int MAX_INTEGER_DIGITS = 20;

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private static final Pattern UNSIGNED = Pattern.compile("[0-9]+");

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final JsonParser parser;

    private final List<ReadProblem> problems = new ArrayList<>();

    private String requestId;

    private boolean error;

    private String errorCode;

    private String errorMessage;

    JsonReader(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * The values read so far that were left out, in the order they came.
     *
     * @return an immutable list, empty if every value could be read
     */
    public List<ReadProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Reads a string; a number or bool reads as its JSON text.
     *
     * @return the value, or {@code null} if it is absent or not a string
     * @throws IOException if the JSON is malformed
     */
    public String readString() throws IOException {
        switch (parser.currentToken()) {
            case VALUE_STRING:
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
            case VALUE_TRUE:
            case VALUE_FALSE:
                return parser.getText();
            default:
                return unreadable("string");
        }
    }

    /**
     * Reads a signed 64-bit integer: an integer, a number with no fraction ({@code 1.0}, {@code 1e3}), or a string
     * of decimal digits ({@code "-123"}).
     *
     * @return the value, or {@code null} if it is absent or not an int64
     * @throws IOException if the JSON is malformed
     */
    public Long readInt64() throws IOException {
        if (isLong()) {
            return parser.getLongValue();
        }
        BigInteger value = integer(INTEGER);
        return value != null && value.bitLength() < 64 ? Long.valueOf(value.longValue()) : unreadable("int64");
    }

    /**
     * Reads an unsigned 64-bit integer, from 0 to 18446744073709551615, as the API's {@code uint64}: values above
     * {@code Long.MAX_VALUE} are kept as their two's-complement bit pattern, so they read as negative numbers (see
     * {@link Long#toUnsignedString(long)}). Numbers and strings of digits as for {@link #readInt64()}.
     *
     * @return the value, or {@code null} if it is absent or not a uint64
     * @throws IOException if the JSON is malformed
     */
    public Long readUint64() throws IOException {
        if (isLong() && parser.getLongValue() >= 0) {
            return parser.getLongValue();
        }
        BigInteger value = integer(UNSIGNED);
        return value != null && value.signum() >= 0 && value.compareTo(UINT64_MAX) <= 0
                ? Long.valueOf(value.longValue()) : unreadable("uint64");
    }

    /**
     * Reads a float as a {@code Double}: a number, or a string holding one ({@code "0.5"}), that a double holds
     * exactly, i.e. that a double prints back as the same number ({@code 0.1} is read; a number with more digits than
     * a double keeps, or beyond its range, is not).
     *
     * @return the value, or {@code null} if it is absent or not a float
     * @throws IOException if the JSON is malformed
     */
    public Double readFloat() throws IOException {
        JsonToken token = parser.currentToken();
        boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                || token == JsonToken.VALUE_STRING && NUMBER.matcher(parser.getText()).matches();
        if (number) {
            String text = parser.getText();
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && new BigDecimal(text).compareTo(new BigDecimal(Double.toString(value))) == 0) {
                return value;
            }
        }
        return unreadable("float");
    }

    /**
     * Reads a bool: {@code true}, {@code false}, or those words as strings.
     *
     * @return the value, or {@code null} if it is absent or not a bool
     * @throws IOException if the JSON is malformed
     */
    public Boolean readBool() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_STRING && parser.getText().equals("true")) {
            return Boolean.TRUE;
        }
        if (token == JsonToken.VALUE_FALSE || token == JsonToken.VALUE_STRING && parser.getText().equals("false")) {
            return Boolean.FALSE;
        }
        return unreadable("bool");
    }

    /**
     * Reads an object with {@code reader}, a generated class's {@code readJson}.
     *
     * @param <T> the class
     * @param reader reads the object's members
     * @return the object, or {@code null} if it is absent or not an object
     * @throws IOException if the JSON is malformed
     */
    public <T> T readObject(ObjectReader<T> reader) throws IOException {
        return parser.currentToken() == JsonToken.START_OBJECT ? reader.read(this) : unreadable("object");
    }

    /**
     * Reads the members of the object the reader is on, each with {@code members}, to the object's end.
     *
     * @param members reads or skips each member's value
     * @throws IOException if the JSON is malformed
     * @throws IllegalStateException if the reader is not on an object
     */
    public void readMembers(MemberReader members) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalStateException("not on an object but on " + parser.currentToken());
        }
        String name;
        while ((name = nextMember()) != null) {
            members.read(name);
        }
    }

    /**
     * Moves to the value of the next member of the object whose start, or whose previous member's value, the reader
     * is on; {@code null} at the object's end. The value must then be read or skipped.
     *
     * <pre>{@code
     * String name;
     * while ((name = in.nextMember()) != null) {
     *     switch (name) {
     *         case "RoomId" -> builder.roomId = in.readString();
     *         default -> in.skipValue();
     *     }
     * }
     * }</pre>
     *
     * @return the member's name, or {@code null} after the last member
     * @throws IOException if the JSON is malformed
     */
    public String nextMember() throws IOException {
        if (parser.nextToken() != JsonToken.FIELD_NAME) {
            return null;
        }
        String name = parser.currentName();
        parser.nextToken();
        return name;
    }

    /**
     * Skips the value the reader is on, with everything inside it: a member the class does not know.
     *
     * @throws IOException if the JSON is malformed
     */
    public void skipValue() throws IOException {
        parser.skipChildren();
    }

    /**
     * Reads a list of strings (see {@link #readString()}).
     *
     * @return an immutable list without the elements that could not be read, or {@code null} if absent or not a list
     * @throws IOException if the JSON is malformed
     */
    public List<String> readStringList() throws IOException {
        return readList("string", JsonReader::readString);
    }

    /**
     * Reads a list of int64 (see {@link #readInt64()}).
     *
     * @return an immutable list without the elements that could not be read, or {@code null} if absent or not a list
     * @throws IOException if the JSON is malformed
     */
    public List<Long> readInt64List() throws IOException {
        return readList("int64", JsonReader::readInt64);
    }

    /**
     * Reads a list of uint64 (see {@link #readUint64()}).
     *
     * @return an immutable list without the elements that could not be read, or {@code null} if absent or not a list
     * @throws IOException if the JSON is malformed
     */
    public List<Long> readUint64List() throws IOException {
        return readList("uint64", JsonReader::readUint64);
    }

    /**
     * Reads a list of floats (see {@link #readFloat()}).
     *
     * @return an immutable list without the elements that could not be read, or {@code null} if absent or not a list
     * @throws IOException if the JSON is malformed
     */
    public List<Double> readFloatList() throws IOException {
        return readList("float", JsonReader::readFloat);
    }

    /**
     * Reads a list of bools (see {@link #readBool()}).
     *
     * @return an immutable list without the elements that could not be read, or {@code null} if absent or not a list
     * @throws IOException if the JSON is malformed
     */
    public List<Boolean> readBoolList() throws IOException {
        return readList("bool", JsonReader::readBool);
    }

    /**
     * Reads a list of objects, each with {@code reader} (see {@link #readObject}).
     *
     * @param <T> the class of the elements
     * @param reader reads one object's members
     * @return an immutable list without the elements that could not be read, or {@code null} if absent or not a list
     * @throws IOException if the JSON is malformed
     */
    public <T> List<T> readObjectList(ObjectReader<T> reader) throws IOException {
        return readList("object", in -> in.readObject(reader));
    }

    /**
     * Reads the response's {@code RequestId} (a string), and keeps it for the call's log and errors.
     *
     * @return the value, or {@code null} if it is absent or not a string
     * @throws IOException if the JSON is malformed
     */
    public String readRequestId() throws IOException {
        requestId = readString();
        return requestId;
    }

    /**
     * Reads the response's {@code Error} ({@code {"Code": ..., "Message": ...}}): the API's answer that the call
     * failed, which the client turns into the service's exception. {@code null} is no error.
     *
     * @throws IOException if the JSON is malformed
     */
    public void readError() throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        error = true;
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            skipValue();
            return;
        }
        readMembers(name -> {
            switch (name) {
                case "Code" -> errorCode = readString();
                case "Message" -> errorMessage = readString();
                default -> skipValue();
            }
        });
    }

    /**
     * Keeps the string the reader is on as the {@code RequestId}, for a reader that copies it
     * ({@link Json#readText}).
     */
    void noteRequestId() throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            requestId = parser.getText();
        }
    }

    /**
     * The {@code RequestId} read with {@link #readRequestId()}, or {@code null}.
     */
    String requestId() {
        return requestId;
    }

    /**
     * Whether the document had an {@code Error} (see {@link #readError()}).
     */
    boolean hasError() {
        return error;
    }

    /**
     * The {@code Error}'s {@code Code}, or {@code null} if it had none.
     */
    String errorCode() {
        return errorCode;
    }

    /**
     * The {@code Error}'s {@code Message}, or {@code null} if it had none.
     */
    String errorMessage() {
        return errorMessage;
    }

    /**
     * Reads a whole document that is an object, with {@code reader}.
     *
     * @throws IOException if the JSON is malformed, is not an object, or has content after the object
     */
    <T> T readDocument(ObjectReader<T> reader) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(parser, "the JSON is not an object");
        }
        T value = reader.read(this);
        requireEnd();
        return value;
    }

    /**
     * Reads a whole document {@code {"Response": {...}}}: the {@code Response} object with {@code reader}, every
     * other member skipped. Empty if the document is not an object or has no {@code Response} object.
     *
     * @throws IOException if the JSON is malformed, or has content after the document
     */
    <T> Optional<T> readEnvelope(ObjectReader<T> reader) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            requireEnd();
            return Optional.empty();
        }
        List<T> response = new ArrayList<>(1);
        readMembers(name -> {
            if (name.equals("Response") && parser.currentToken() == JsonToken.START_OBJECT && response.isEmpty()) {
                response.add(reader.read(this));
            } else {
                skipValue();
            }
        });
        requireEnd();
        return response.isEmpty() ? Optional.empty() : Optional.ofNullable(response.get(0));
    }

    /**
     * Whether the document is an object with a member {@code Response} that is an object; reads the whole document.
     *
     * @throws IOException if the JSON is malformed
     */
    boolean isEnvelope() throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        boolean envelope = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            envelope |= parser.nextToken() == JsonToken.START_OBJECT && name.equals("Response");
            parser.skipChildren();
        }
        return envelope;
    }

    /**
     * Writes the value the reader is on to {@code out} as it is: numbers with their exact text, objects and arrays
     * with all they hold.
     *
     * @throws IOException if the JSON is malformed or cannot be written
     */
    void copyValue(JsonGenerator out) throws IOException {
        int depth = 0;
        do {
            switch (parser.currentToken()) {
                case START_OBJECT -> {
                    out.writeStartObject();
                    depth++;
                }
                case END_OBJECT -> {
                    out.writeEndObject();
                    depth--;
                }
                case START_ARRAY -> {
                    out.writeStartArray();
                    depth++;
                }
                case END_ARRAY -> {
                    out.writeEndArray();
                    depth--;
                }
                case FIELD_NAME -> out.writeFieldName(parser.currentName());
                case VALUE_STRING -> out.writeString(parser.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.writeNumber(parser.getText());
                case VALUE_TRUE -> out.writeBoolean(true);
                case VALUE_FALSE -> out.writeBoolean(false);
                default -> out.writeNull();
            }
        } while (depth > 0 && parser.nextToken() != null);
    }

    private void requireEnd() throws IOException {
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "content after the end of the JSON document");
        }
    }

    private <T> List<T> readList(String elementType, ObjectReader<T> element) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            return unreadable("list of " + elementType);
        }
        List<T> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            T value = element.read(this);
            if (value != null) {
                values.add(value);
            }
        }
        return Collections.unmodifiableList(values);
    }

    /**
     * Whether the reader is on an integer number that fits a {@code long}: the quick way.
     */
    private boolean isLong() throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
    }

    /**
     * The integer the reader is on: an integer number, a number without fraction, or a string matching
     * {@code digits}; {@code null} for anything else. Never builds a number of more than 20 digits.
     */
    private BigInteger integer(Pattern digits) throws IOException {
        switch (parser.currentToken()) {
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getBigIntegerValue()
                        : BigInteger.valueOf(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                BigDecimal decimal = parser.getDecimalValue();
                if (decimal.signum() == 0) {
                    return BigInteger.ZERO;
                }
                if (decimal.precision() - decimal.scale() > MAX_INTEGER_DIGITS) {
                    return null;
                }
                decimal = decimal.stripTrailingZeros();
                return decimal.scale() <= 0 ? decimal.toBigIntegerExact() : null;
            case VALUE_STRING:
                String text = parser.getText();
                return text.length() <= MAX_INTEGER_DIGITS + 1 && digits.matcher(text).matches() ? new BigInteger(text)
                        : null;
            default:
                return null;
        }
    }

    /**
     * The value the reader is on could not be read as {@code expected}: {@code null}, and a problem recorded, unless
     * it is {@code null} for a member (absent). Skips an object or array.
     */
    private <T> T unreadable(String expected) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NULL || parser.getParsingContext().inArray()) {
            problems.add(new ReadProblem(path(), expected, found(token), foundType(token)));
        }
        parser.skipChildren();
        return null;
    }

    /**
     * Where the parser is, as {@code Response.Items[2].Count}.
     */
    private String path() {
        JsonStreamContext context = parser.getParsingContext();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            context = context.getParent();
        }
        List<String> steps = new ArrayList<>();
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            steps.add(context.inArray() ? "[" + context.getCurrentIndex() + "]" : "." + context.getCurrentName());
        }
        Collections.reverse(steps);
        String path = String.join("", steps);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private String found(JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                String text = parser.getText();
                return text.length() <= QUOTED_STRING ? '"' + TencentCloudException.printable(text) + '"'
                        : "a string of " + text.length() + " characters";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                String number = parser.getText();
                return number.length() <= QUOTED_NUMBER ? number : "a number of " + number.length() + " characters";
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            default:
                return token.asString();
        }
    }

    private static String foundType(JsonToken token) {
        switch (token) {
            case VALUE_STRING:
                return "string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "bool";
            case START_OBJECT:
                return "object";
            case START_ARRAY:
                return "array";
            default:
                return "null";
        }
    }
}
