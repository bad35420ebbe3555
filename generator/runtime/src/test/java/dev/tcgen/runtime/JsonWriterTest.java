package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    /** A request of every kind of member, written as generated code writes one. */
    record Request(String token, Long count, Long id, Double ratio, Boolean on, List<Long> ids, List<Double> ratios,
            List<Boolean> flags, List<String> tags, Request child, List<Request> children) {

        static Request of(String token) {
            return new Request(token, null, null, null, null, null, null, null, null, null, null);
        }

        void writeJson(JsonWriter out) throws IOException {
            out.writeString("ClientToken", token);
            out.writeInt64("Count", count);
            out.writeUint64("Id", id);
            out.writeFloat("Ratio", ratio);
            out.writeBool("On", on);
            out.writeUint64List("Ids", ids);
            out.writeFloatList("Ratios", ratios);
            out.writeBoolList("Flags", flags);
            out.writeStringList("Tags", tags);
            out.writeObject("Child", child, Request::writeJson);
            out.writeObjectList("Children", children, Request::writeJson);
        }
    }

    private static String write(Request request, String clientToken) throws IOException {
        return new String(Json.bytes(request, Request::writeJson, clientToken), StandardCharsets.UTF_8);
    }

    @Test
    void membersAreWrittenInOrderAndAbsentOnesLeftOut() throws IOException {
        Request request = new Request("t", -5L, -1L, 0.1, false, List.of(Long.MIN_VALUE, 7L), List.of(1.0E21, 1.0E-7),
                List.of(true), List.of(), Request.of(null), List.of(Request.of("c")));
        assertEquals("{\"ClientToken\":\"t\",\"Count\":-5,\"Id\":18446744073709551615,\"Ratio\":0.1,\"On\":false,"
                + "\"Ids\":[9223372036854775808,7],\"Ratios\":[1.0E21,1.0E-7],\"Flags\":[true],\"Tags\":[],"
                + "\"Child\":{},\"Children\":[{\"ClientToken\":\"c\"}]}", write(request, null));
        assertEquals("{}", write(Request.of(null), null));
    }

    @Test
    void aClientTokenIsFilledInOnlyWhereTheRequestLeavesItEmpty() throws IOException {
        assertEquals("{\"ClientToken\":\"mine\"}", write(Request.of("mine"), "fresh"));
        assertEquals("{\"ClientToken\":\"fresh\"}", write(Request.of(""), "fresh"));
        Request absent = new Request(null, 1L, null, null, null, null, null, null, null, Request.of(""), null);
        assertEquals("{\"Count\":1,\"Child\":{\"ClientToken\":\"\"},\"ClientToken\":\"fresh\"}", write(absent, "fresh"));
    }

    @Test
    void aClientTokenIsFilledInTheTextFormToo() throws IOException {
        assertEquals("{\"A\":1,\"ClientToken\":\"fresh\",\"B\":{\"ClientToken\":\"\"}}", new String(Json.bytes(
                "{\"A\":1,\"ClientToken\":\"\",\"B\":{\"ClientToken\":\"\"}}", Json::writeText, "fresh"),
                StandardCharsets.UTF_8));
        assertEquals("{\"A\":1,\"ClientToken\":\"fresh\"}",
                new String(Json.bytes("{\"A\":1}", Json::writeText, "fresh"), StandardCharsets.UTF_8));
    }
}
