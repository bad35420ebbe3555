package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.server;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.TencentCloudException;
import dev.tcgen.runtime.testing.VirtualTime;
import dev.tcgen.client.trtc.FakeTrtcServer.Answer;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamResponse;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Answers that are not API answers, and servers that do not answer: every one becomes a {@link TrtcException} with
 * the HTTP status and the start of the body, never a {@code NullPointerException} or a Jackson exception.
 */
@Timeout(60)
class FaultInjectionEndToEndTest {

    private final VirtualTime time = VirtualTime.autoAdvancing();
    private FakeTrtcServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "502 | text/html        | '<html><body><h1>502 Bad Gateway</h1></body></html>' | 4 | <html><body><h1>502 Bad Gateway",
        "200 | application/json | 'garbage, not JSON at all'                              | 1 | garbage, not JSON at all",
        "200 | application/json | ''                                                       | 1 | (empty)",
        "200 | application/json | '{\"Response\":{\"TaskId\":\"x'                          | 1 | {\"Response\":{\"TaskId\":\"x",
        "200 | application/json | '{\"Response\":{\"TaskId\":[1,2]}}'                      | 1 | {\"Response\":{\"TaskId\":[1,2]}}",
        "500 | application/json | ''                                                       | 4 | (empty)",
    })
    void aBodyThatIsNotAnApiAnswerIsATypedExceptionWithStatusAndSnippet(int status, String type, String body,
            int attempts, String quoted) throws IOException {
        server = server(request -> Answer.raw(status, type, body));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).build()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));

            assertEquals(TencentCloudException.CLIENT_INVALID_RESPONSE, e.code());
            assertEquals(status, e.httpStatus());
            assertEquals(attempts, e.attempts());
            assertTrue(e.errorMessage().contains("(HTTP " + status + ")"), e.errorMessage());
            assertTrue(e.errorMessage().contains("body: " + quoted), e.errorMessage());
        }
        assertEquals(attempts, server.received().size());
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWithoutReadingItAll() throws IOException {
        server = server(request -> Answer.response("\"TaskId\":\"" + "x".repeat(100_000) + "\"", "req-big"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).maxResponseBytes(1_000).build()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));

            assertEquals(TencentCloudException.CLIENT_INVALID_RESPONSE, e.code());
            assertTrue(e.errorMessage().contains("is larger than 1000 bytes"), e.errorMessage());
            assertTrue(e.errorMessage().endsWith("..."), e.errorMessage());
            assertEquals(1, e.attempts());
        }
    }

    @Test
    void missingAndUnknownMembersStillParse() throws IOException {
        server = server(request -> Answer.response("\"Unknown\":{\"Deep\":[1]}", "req-sparse"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).build()) {
            StopPublishCdnStreamResponse response = client.stopPublishCdnStream(stop("t-1"));

            assertNull(response.taskId());
            assertEquals("req-sparse", response.requestId());
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndIsNotRetried() throws IOException {
        server = server(request -> Answer.silence());
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .requestTimeout(Duration.ofMillis(300)).build()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));

            assertEquals(TencentCloudException.CLIENT_NETWORK_FAILURE, e.code());
            assertInstanceOf(HttpTimeoutException.class, e.getCause());
            assertEquals(1, e.attempts(), "the service may still carry out a timed-out call");
            assertEquals(0, e.httpStatus());
        }
        assertEquals(1, server.received().size());
    }

    @Test
    void anAsynchronousCallTimesOutToo() throws IOException {
        server = server(request -> Answer.silence());
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .requestTimeout(Duration.ofMillis(300)).build()) {
            TrtcException e = AsyncEndToEndTest.failure(client.stopPublishCdnStreamAsync(stop("t-1")));

            assertEquals(TencentCloudException.CLIENT_NETWORK_FAILURE, e.code());
            assertInstanceOf(HttpTimeoutException.class, e.getCause());
        }
    }
}
