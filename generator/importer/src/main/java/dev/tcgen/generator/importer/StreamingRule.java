package dev.tcgen.generator.importer;

import java.util.regex.Pattern;

/**
 * How the importers tell an action whose answer is, or may be, an event stream (Server-Sent Events), from what
 * Tencent's documentation gives. An action streams when:
 * <ul>
 *   <li>an example answer is an event stream: a line of it starts with {@code data:}; or</li>
 *   <li>its text (the action's description, or a member's) says so: the word {@code SSE} (not
 *       {@code SSE-KMS} or {@code SSE-C}, server-side encryption),
 *       {@code text/event-stream}, "server-sent events", or "streaming response API" (which Tencent writes into the
 *       {@code RequestId} of every streaming action's response).</li>
 * </ul>
 * Over the corpus's api.json and examples.json (intl, all services) this marks cls ChatCompletions, es ParseDocument,
 * hunyuan ChatTranslations, lkeap ChatCompletions, lkeap ReconstructDocumentSSE and trtc TextToSpeechSSE; the
 * official Java SDK gives exactly those an {@code SSEResponseModel}.
 */
final class StreamingRule {

    private static final Pattern SAYS_IT_STREAMS = Pattern.compile(
            "\\bSSE\\b(?!-)|(?i:text/event-stream|server-sent events?|streaming response API)");

    private static final Pattern EVENT_LINE = Pattern.compile("(?m)^\\s*data:");

    /** Why an example whose answer is an event stream is left out of the spec, which holds JSON answers only. */
    static final String EVENT_STREAM_EXAMPLE_LEFT_OUT = "is left out: its answer is an event stream (\"data:\" "
            + "lines), which a spec example cannot hold; the action is marked streaming";

    private StreamingRule() {
    }

    /** Whether a documentation text says the answer streams. */
    static boolean saysItStreams(String text) {
        return text != null && SAYS_IT_STREAMS.matcher(text).find();
    }

    /** Whether an example answer is an event stream: one of its lines starts with {@code data:}. */
    static boolean isEventStream(String exampleAnswer) {
        return exampleAnswer != null && EVENT_LINE.matcher(exampleAnswer).find();
    }
}
