package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    /** A structure of every kind of member, read as generated code reads one. */
    static final class Item {
        String name;
        Long count;
        Long id;
        Double ratio;
        Boolean on;
        List<String> tags;
        List<Long> counts;
        Item child;
        List<Item> items;
        List<ReadProblem> problems;

        static Item readJson(JsonReader in) throws IOException {
            Item item = new Item();
            in.readMembers(name -> {
                switch (name) {
                    case "Name" -> item.name = in.readString();
                    case "Count" -> item.count = in.readInt64();
                    case "Id" -> item.id = in.readUint64();
                    case "Ratio" -> item.ratio = in.readFloat();
                    case "On" -> item.on = in.readBool();
                    case "Tags" -> item.tags = in.readStringList();
                    case "Counts" -> item.counts = in.readInt64List();
                    case "Child" -> item.child = in.readObject(Item::readJson);
                    case "Items" -> item.items = in.readObjectList(Item::readJson);
                    default -> in.skipValue();
                }
            });
            item.problems = in.problems();
            return item;
        }
    }

    private static Item read(String json) throws IOException {
        return Json.read(json, Item::readJson);
    }

    /** The one problem of reading {@code json}, as {@code path: expected ..., found ...}. */
    private static String problem(String json) throws IOException {
        List<ReadProblem> problems = read(json).problems;
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0).toString();
    }

    @Test
    void everyKindOfUnreadableValueIsLeftOutAndRecorded() throws IOException {
        assertEquals("Count: expected int64, found \"many\"", problem("{\"Count\":\"many\"}"));
        assertEquals("Count: expected int64, found 0.1", problem("{\"Count\":0.1}"));
        assertEquals("Count: expected int64, found 9223372036854775808", problem("{\"Count\":9223372036854775808}"));
        assertEquals("Id: expected uint64, found 18446744073709551616", problem("{\"Id\":18446744073709551616}"));
        assertEquals("Id: expected uint64, found -1", problem("{\"Id\":-1}"));
        assertEquals("Tags: expected list of string, found an object", problem("{\"Tags\":{\"A\":1}}"));
        assertEquals("Child: expected object, found \"\"", problem("{\"Child\":\"\"}"));
        assertEquals("Tags[1]: expected string, found null", problem("{\"Tags\":[\"a\",null,\"b\"]}"));
        assertEquals("On: expected bool, found 1", problem("{\"On\":1}"));
        assertEquals("Name: expected string, found an array", problem("{\"Name\":[\"a\"]}"));
        assertEquals("Ratio: expected float, found \"fast\"", problem("{\"Ratio\":\"fast\"}"));
    }

    @Test
    void anUnreadableValueCostsOnlyItselfNotTheMembersAroundIt() throws IOException {
        Item item = read("{\"Name\":\"a\",\"Count\":\"many\",\"Tags\":[\"x\",{\"no\":1},\"y\"],\"On\":true}");
        assertEquals("a", item.name);
        assertNull(item.count);
        assertEquals(List.of("x", "y"), item.tags);
        assertEquals(Boolean.TRUE, item.on);
        assertEquals(List.of("Count", "Tags[1]"), item.problems.stream().map(ReadProblem::path).toList());
        assertEquals(List.of("int64 <- string", "string <- object"),
                item.problems.stream().map(ReadProblem::kind).toList());
    }

    @Test
    void valuesThatConvertExactlyAreRead() throws IOException {
        Item item = read("{\"Count\":\"-123\",\"Id\":\"18446744073709551615\",\"Ratio\":\"0.5\",\"On\":\"true\","
                + "\"Name\":12.50,\"Counts\":[1.0,1e3,\"7\",-0.0]}");
        assertEquals(-123L, item.count);
        assertEquals(-1L, item.id);
        assertEquals(0.5, item.ratio);
        assertEquals(Boolean.TRUE, item.on);
        assertEquals("12.50", item.name);
        assertEquals(List.of(1L, 1000L, 7L, 0L), item.counts);
        assertEquals(List.of(), item.problems);
        assertEquals(Boolean.FALSE, read("{\"On\":\"false\"}").on);
        assertEquals("true", read("{\"Name\":true}").name);
    }

    @Test
    void numbersAreNeverTruncatedNorRounded() throws IOException {
        assertEquals(Long.MAX_VALUE, read("{\"Count\":9223372036854775807}").count);
        assertEquals(Long.MIN_VALUE, read("{\"Count\":-9223372036854775808}").count);
        assertEquals(Long.MIN_VALUE, read("{\"Id\":9223372036854775808}").id);
        assertEquals(0.1, read("{\"Ratio\":0.1}").ratio);
        assertEquals(1.0E21, read("{\"Ratio\":1e21}").ratio);
        assertEquals("Ratio: expected float, found 0.30000000000000000444",
                problem("{\"Ratio\":0.30000000000000000444}"));
        assertEquals("Ratio: expected float, found 1e400", problem("{\"Ratio\":1e400}"));
        assertEquals("Count: expected int64, found 1e999999999", problem("{\"Count\":1e999999999}"));
        assertEquals("Count: expected int64, found 1.5e0", problem("{\"Count\":1.5e0}"));
        assertEquals(15L, read("{\"Count\":1.5e1}").count);
        assertEquals("Count: expected int64, found \"1.0\"", problem("{\"Count\":\"1.0\"}"));
        assertEquals("Count: expected int64, found \"\"", problem("{\"Count\":\"\"}"));
        assertEquals("Count: expected int64, found \"١٢٣\"", problem("{\"Count\":\"١٢٣\"}"));
    }

    @Test
    void pathsNameMembersAndListIndexesThroughNestedObjects() throws IOException {
        Item item = read("{\"Items\":[{\"Name\":\"a\"},{\"Child\":{\"Tags\":[\"x\",\"y\",[1]],\"Counts\":{}}}],"
                + "\"Child\":{\"Items\":[{},\"oops\"]}}");
        assertEquals(List.of("Items[1].Child.Tags[2]: expected string, found an array",
                "Items[1].Child.Counts: expected list of int64, found an object",
                "Child.Items[1]: expected object, found \"oops\""),
                item.problems.stream().map(ReadProblem::toString).toList());
    }

    @Test
    void nullIsAnAbsentMemberNotAProblem() throws IOException {
        Item item = read("{\"Name\":null,\"Tags\":null,\"Child\":null,\"Count\":null}");
        assertNull(item.name);
        assertNull(item.tags);
        assertEquals(List.of(), item.problems);
    }

    @Test
    void unknownMembersAreSkippedWithEverythingInThem() throws IOException {
        Item item = read("{\"New\":{\"Name\":\"inner\",\"Deep\":[[{\"Count\":1}]]},\"Name\":\"outer\",\"More\":[1,2]}");
        assertEquals("outer", item.name);
        assertEquals(List.of(), item.problems);
    }

    @Test
    void ofAMemberGivenTwiceTheLastValueCounts() throws IOException {
        assertEquals("second", read("{\"Name\":\"first\",\"Name\":\"second\"}").name);
    }

    @Test
    void malformedJsonAndContentAfterTheDocumentAreRefused() {
        assertThrows(IOException.class, () -> read("{\"Name\":\"a\"} {}"));
        assertThrows(IOException.class, () -> read("{\"Name\":\"a\""));
        assertThrows(IOException.class, () -> read("[1]"));
    }

    @Test
    void whatCameIsQuotedOnlyWhenShort() throws IOException {
        assertEquals("Count: expected int64, found a string of 18 characters",
                problem("{\"Count\":\"TmpSecretKey-12345\"}"));
        assertEquals("Count: expected int64, found \"a\\nb\"", problem("{\"Count\":\"a\\nb\"}"));
        assertEquals("Count: expected int64, found a number of 25 characters",
                problem("{\"Count\":1234567890123456789012345}"));
    }

    @Test
    void theEnvelopesResponseIsReadAndItsPathsStartThere() throws IOException {
        byte[] body = "{\"Response\":{\"Count\":\"x\",\"RequestId\":\"r-1\"},\"Other\":1}".getBytes(StandardCharsets.UTF_8);
        try (var parser = Json.parser(body)) {
            JsonReader in = new JsonReader(parser);
            Optional<Item> item = in.readEnvelope(Item::readJson);
            assertTrue(item.isPresent());
            assertEquals("Response.Count: expected int64, found \"x\"", item.get().problems.get(0).toString());
        }
        try (var parser = Json.parser("{\"Responses\":{}}".getBytes(StandardCharsets.UTF_8))) {
            assertEquals(Optional.empty(), new JsonReader(parser).readEnvelope(Item::readJson));
        }
    }

    @Test
    void anErrorAndTheRequestIdAreKeptForTheCall() throws IOException {
        byte[] body = "{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"m\"},\"RequestId\":\"r-2\"}}"
                .getBytes(StandardCharsets.UTF_8);
        try (var parser = Json.parser(body)) {
            JsonReader in = new JsonReader(parser);
            String text = in.readEnvelope(Json::readText).orElseThrow();
            assertEquals("{\"RequestId\":\"r-2\"}", text);
            assertTrue(in.hasError());
            assertEquals("InternalError", in.errorCode());
            assertEquals("m", in.errorMessage());
            assertEquals("r-2", in.requestId());
        }
    }

    @Test
    void theTextFormKeepsNumbersExactly() throws IOException {
        String json = "{\"A\":0.10,\"B\":18446744073709551616,\"C\":[1e2,{\"D\":\"é\\n\"}],\"E\":null,\"F\":true}";
        assertEquals(json, Json.read(json, Json::readText));
        JsonWriter.ObjectWriter<String> text = Json::writeText;
        assertEquals(json, Json.text(json, text));
        assertThrows(IOException.class, () -> Json.text("[1]", text));
        assertThrows(IOException.class, () -> Json.text("{} {}", text));
    }
}
