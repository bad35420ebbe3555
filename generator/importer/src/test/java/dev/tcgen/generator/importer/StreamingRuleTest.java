package dev.tcgen.generator.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each branch of {@link StreamingRule}, on text quoted from Tencent's corpus (api.json and examples.json of
 * TencentCloud/tencentcloud-cli-intl-en, commit 94ed72e); which importer reads which text is tested with the
 * importers ({@code ImportDocPageTest}, {@code StreamingCorpusSlicesTest}).
 */
class StreamingRuleTest {

    static Stream<Arguments> exampleAnswers() {
        return Stream.of(
                Arguments.of("events (trtc TextToSpeechSSE)", true, """
                        data: {"Type": "chunk", "RequestId": "456e7890", "ChunkId": "chunk_0", "Seq": 0}

                        data: {"Type": "error", "Error": {"Code": "InternalError", "Message": "internal error"}}"""),
                Arguments.of("an event after an id line, indented", true, "id: 1\n  data: {\"Choices\": []}"),
                Arguments.of("a JSON answer", false, """
                        {
                            "Response": {
                                "RequestId": "78033210-b9c2-4c2a-b378-6a0c63646d81"
                            }
                        }"""),
                Arguments.of("a JSON answer holding a data: URI (batch DescribeTaskLogs)", false, """
                        {
                            "Response": {
                                "LogSet": [{"StdoutLog": "data:text/plain;charset=utf-8;base64,bWFpbgpb"}]
                            }
                        }"""),
                Arguments.of("a line that starts with another word and data:", false, "metadata: {}"),
                Arguments.of("nothing", false, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleAnswers")
    void anExampleAnswerIsAnEventStreamWhenALineStartsWithData(String what, boolean events, String answer) {
        assertEquals(events, StreamingRule.isEventStream(answer), answer);
    }

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("SSE (cls ChatCompletions, the action)", true, "Note: When calling this API via SSE "
                        + "streaming, ensure the request domain name is set to cls.ai.tencentcloudapi.com"),
                Arguments.of("SSE (hunyuan ChatTranslations, its Stream member)", true, "2. for streaming calls, the "
                        + "results are incrementally returned via the SSE protocol (the return value is taken from "
                        + "Choices[n].Delta"),
                Arguments.of("SSE (lkeap ReconstructDocumentSSE)", true, "This API is used for quasi-real-time "
                        + "document parsing, using HTTP SSE protocol for communication."),
                Arguments.of("streaming response API (es ParseDocument, its RequestId)", true, "RequestId is required "
                        + "for locating a problem. As a streaming response API, when the request is successfully "
                        + "completed, the RequestId will be placed in the Header \"X-TC-RequestId\""),
                Arguments.of("text/event-stream", true, "The answer's Content-Type is text/event-stream."),
                Arguments.of("server-sent events", true, "Results are sent as Server-Sent Events."),
                Arguments.of("server-sent event", true, "Each chunk is one server-sent event."),
                Arguments.of("relaying to a live streaming CDN (trtc StartPublishCdnStream)", false, "Start a mixed "
                        + "stream forwarding task to mix multiple audio and video streams in a TRTC room into one media "
                        + "stream, transcode it, and push it to live stream CDN or back to the TRTC room."),
                Arguments.of("a media stream (trtc StartStreamIngest)", false, "Push an online media stream to the "
                        + "TRTC room."),
                Arguments.of("stream text-to-speech (trtc TextToSpeechSSE says no more)", false, "This API is used to "
                        + "stream text-to-speech."),
                Arguments.of("streaming output, not the protocol", false, "Whether to use streaming output."),
                Arguments.of("SSE inside a word (an action name)", false, "-TextToSpeechSSE streaming API."),
                Arguments.of("sse in lower case", false, "the sse-c key"),
                Arguments.of("server-side encryption (SSE-KMS, SSE-C)", false, "The object is encrypted with SSE-KMS; "
                        + "SSE-C needs the customer's key."),
                Arguments.of("no text", false, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void aDocumentSaysTheAnswerStreamsOnlyByNamingTheProtocolOrAStreamingResponse(String what, boolean streams,
            String text) {
        assertEquals(streams, StreamingRule.saysItStreams(text), text);
    }
}
