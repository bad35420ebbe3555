package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private static List<SseParser.Event> parse(String... lines) {
        SseParser parser = new SseParser();
        List<SseParser.Event> events = new ArrayList<>();
        for (String line : lines) {
            SseParser.Event event = parser.accept(line);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    @Test
    void anEventEndsAtABlankLine() {
        SseParser parser = new SseParser();
        assertNull(parser.accept("data: {\"Seq\": 0}"));
        assertEquals(new SseParser.Event(null, null, "{\"Seq\": 0}"), parser.accept(""));
    }

    @Test
    void readsIdEventAndDataAsTencentSendsThem() {
        assertEquals(List.of(new SseParser.Event("1", null, "{\"A\":1}"), new SseParser.Event("2", "error", "{}")),
                parse("id: 1", "data: {\"A\":1}", "", "id: 2", "event: error", "data: {}", ""));
    }

    @Test
    void oneSpaceAfterTheColonIsDroppedAndNoSpaceIsNeeded() {
        assertEquals(List.of(new SseParser.Event(null, null, "{\"A\":1}"), new SseParser.Event(null, null, " x")),
                parse("data:{\"A\":1}", "", "data:  x", ""));
    }

    @Test
    void dataLinesOfOneEventAreJoinedWithNewlines() {
        assertEquals(List.of(new SseParser.Event(null, null, "a\n\nb")), parse("data: a", "data", "data: b", ""));
    }

    @Test
    void commentsRetryAndUnknownFieldsAreIgnored() {
        assertEquals(List.of(new SseParser.Event(null, null, "x")),
                parse(": keep-alive", "retry: 3000", "foo: bar", "data: x", ""));
    }

    @Test
    void anEventWithoutDataIsNoEventButItsIdStays() {
        assertEquals(List.of(new SseParser.Event("7", null, "x")), parse("id: 7", "event: ping", "", "", "data: x", ""));
    }

    @Test
    void theEventNameDoesNotCarryOverButTheIdDoes() {
        assertEquals(List.of(new SseParser.Event("1", "error", "a"), new SseParser.Event("1", null, "b")),
                parse("id: 1", "event: error", "data: a", "", "data: b", ""));
    }

    @Test
    void anUnfinishedEventAtTheEndIsNoEvent() {
        assertEquals(List.of(), parse("data: half"));
    }
}
