package dev.tcgen.runtime;

/**
 * Reads the lines of a {@code text/event-stream} (Server-Sent Events) into events, one line at a time.
 *
 * <p>The format, as Tencent Cloud's streaming actions send it: fields {@code id:}, {@code event:},
 * {@code data:} and {@code retry:}, one per line, an event ending at a blank line. One space after the
 * colon is not part of the value; several {@code data:} lines of one event are joined with {@code \n}; a
 * line starting with {@code :} is a comment (a keep-alive); a line without a colon is a field with an
 * empty value; unknown fields are ignored. An event without data is not an event (it only sets the id),
 * and neither is an unfinished one at the end of the stream. Not thread-safe: one parser per stream.
 *
 * <pre>{@code
 * SseParser parser = new SseParser();
 * parser.accept("data: {\"Seq\": 0}");    // null: the event is not finished
 * parser.accept("");                     // the event: data {"Seq": 0}
 * }</pre>
 */
final class SseParser {

    /**
     * One event of the stream.
     *
     * @param id the last {@code id:} seen in the stream, or {@code null}
     * @param event the {@code event:} name, or {@code null} (a {@code message})
     * @param data the data lines, joined with {@code \n}
     */
    record Event(String id, String event, String data) {
    }

    private final StringBuilder data = new StringBuilder();

    private boolean hasData;

    private String event;

    private String lastId;

    /**
     * Takes one line (without its line terminator).
     *
     * @param line the line
     * @return the event this line finishes, or {@code null}
     */
    Event accept(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.charAt(0) == ':') {
            return null;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data":
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
                break;
            case "event":
                event = value;
                break;
            case "id":
                if (value.indexOf('\0') < 0) {
                    lastId = value;
                }
                break;
            default:
                // "retry" and unknown fields: the client does not reconnect on its own.
                break;
        }
        return null;
    }

    private Event dispatch() {
        Event finished = hasData ? new Event(lastId, event, data.toString()) : null;
        data.setLength(0);
        hasData = false;
        event = null;
        return finished;
    }
}
