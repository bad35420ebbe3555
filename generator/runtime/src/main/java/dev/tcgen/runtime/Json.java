package dev.tcgen.runtime;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * The JSON of the client, on jackson-core alone: each request, response and structure class has a generated codec,
 * {@code writeJson} and {@code readJson}, over the runtime's {@link JsonWriter} and {@link JsonReader}; there is no
 * reflection and no {@code ObjectMapper}. This class holds the one shared, thread-safe {@code JsonFactory} and turns
 * whole documents into objects and back:
 * <ul>
 *   <li>{@code null} members are left out of requests: Tencent Cloud treats an absent parameter as "not given",
 *       while an explicit {@code null} may be rejected. A request without members is {@code {}}.</li>
 *   <li>Members the API added after the client was generated are skipped, and a value that does not fit its
 *       member's type is left out and recorded ({@link ReadProblem}), never fatal.</li>
 *   <li>Content after the JSON document is an error, so a corrupted response is not half read.</li>
 *   <li>Error messages do not quote the document they were reading, which may hold secrets (Jackson before 2.16
 *       did).</li>
 * </ul>
 *
 * <p>The codecs are package-private to the service's package; {@link #writeText} and {@link #readText} are the text
 * form of a client's generic {@code call}.
 */
public final class Json {
    /**
     * Makes the parsers and generators: jackson-core's defaults, except that a parser's errors do not quote the
     * document.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private Json() {
    }

    /**
     * The JSON of an object, e.g. a request, written by its class's {@code writeJson}: members in the order of the
     * spec, absent ones left out.
     *
     * <pre>{@code
     * Json.text(request, StopPublishCdnStreamRequest::writeJson)   // {"SdkAppId":1400188366,"TaskId":"t-1"}
     * }</pre>
     *
     * @param <T> the object's class
     * @param value the object
     * @param writer writes its members
     * @return the JSON text
     * @throws IOException if a member cannot be written
     */
    public static <T> String text(T value, JsonWriter.ObjectWriter<? super T> writer) throws IOException {
        return new String(bytes(value, writer, null), StandardCharsets.UTF_8);
    }

    /**
     * Reads a JSON object with its class's {@code readJson}; a value that does not fit its member's type is left
     * out, as in an answer (see {@link JsonReader}).
     *
     * @param <T> the object's class
     * @param json the JSON text of one object
     * @param reader reads its members
     * @return the object
     * @throws IOException if the text is not one JSON object
     */
    public static <T> T read(String json, JsonReader.ObjectReader<T> reader) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return new JsonReader(parser).readDocument(reader);
        }
    }

    /**
     * Writes the members of a JSON object given as text, as they are (numbers with their exact text): the request of
     * a client's generic {@code call}.
     *
     * @param json the JSON text of one object
     * @param out where to write its members
     * @throws IOException if the text is not one JSON object
     */
    public static void writeText(String json, JsonWriter out) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(parser, "the request is not a JSON object");
            }
            JsonReader in = new JsonReader(parser);
            in.readMembers(name -> {
                if (parser.currentToken() == JsonToken.VALUE_STRING) {
                    out.writeString(name, parser.getText()); // so an empty ClientToken is filled in like a typed one
                } else {
                    out.generator().writeFieldName(name);
                    in.copyValue(out.generator());
                }
            });
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "content after the end of the JSON object");
            }
        }
    }

    /**
     * Reads the object the reader is on as compact JSON text, numbers with their exact text: the answer of a client's
     * generic {@code call}. Its {@code RequestId} and {@code Error} are read as those of any response.
     *
     * @param in the reader, on an object
     * @return the object's JSON text
     * @throws IOException if the JSON is malformed
     */
    public static String readText(JsonReader in) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            out.writeStartObject();
            in.readMembers(name -> {
                if (name.equals("Error")) {
                    in.readError();
                    return;
                }
                out.writeFieldName(name);
                in.copyValue(out);
                if (name.equals("RequestId")) {
                    in.noteRequestId();
                }
            });
            out.writeEndObject();
        }
        return text.toString();
    }

    /**
     * The JSON bytes (UTF-8) of an object written by {@code writer}, with {@code clientToken} as its
     * {@code ClientToken} if it leaves that empty (or does not have it): the body of a request.
     *
     * @param clientToken the token to fill in, or {@code null} to write the object as it is
     */
    static <T> byte[] bytes(T value, JsonWriter.ObjectWriter<? super T> writer, String clientToken) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            new JsonWriter(generator, clientToken).writeDocument(value, writer);
        }
        return bytes.toByteArray();
    }

    /**
     * A parser of a whole document; close it.
     */
    static JsonParser parser(byte[] json) throws IOException {
        return FACTORY.createParser(json);
    }
}
