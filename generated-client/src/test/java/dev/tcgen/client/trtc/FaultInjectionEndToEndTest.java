package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.describe;
import static dev.tcgen.client.trtc.TestClients.server;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.RetryPolicy;
import dev.tcgen.client.core.TencentCloudException;
import dev.tcgen.runtime.testing.VirtualTime;
import dev.tcgen.client.trtc.FakeTrtcServer.Answer;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamResponse;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Answers that are not API answers, and servers that do not answer: every one becomes a {@link TrtcException} with
 * the HTTP status, quoting the start of a body that is not an API answer and never the members of one; never a
 * {@code NullPointerException} or a Jackson exception. Timeouts run on virtual time, after a latch on the server's
 * side has seen the request, so they are deterministic however loaded the machine.
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
        "502 | text/html        | '<html><body><h1>502 Bad Gateway</h1></body></html>' | 1 | is not an API answer: <html><body><h1>502 Bad Gateway</h1></body></html>",
        "503 | text/html        | '<html><body>Service Unavailable</body></html>'       | 4 | is not an API answer: <html><body>Service Unavailable</body></html>",
        "200 | application/json | 'garbage, not JSON at all'                              | 1 | is not an API answer: garbage, not JSON at all",
        "200 | application/json | ''                                                       | 1 | is not an API answer (no Response object): (empty)",
        "200 | application/json | '{\"error\":\"gateway\"}'                              | 1 | is not an API answer (no Response object): {\"error\":\"gateway\"}",
        "200 | application/json | '{\"Response\":{\"TaskId\":\"x'                          | 1 | is not valid JSON: a truncated or broken API answer",
        "500 | application/json | ''                                                       | 1 | is not an API answer (no Response object): (empty)",
    })
    void aBodyThatIsNotAnApiAnswerIsATypedExceptionWithStatusAndSnippet(int status, String type, String body,
            int attempts, String problem) throws IOException {
        server = server(request -> Answer.raw(status, type, body));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).build()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));

            assertEquals(TencentCloudException.CLIENT_INVALID_RESPONSE, e.code());
            assertEquals(status, e.httpStatus());
            assertEquals(attempts, e.attempts());
            assertEquals("The answer to StopPublishCdnStream " + problem, e.errorMessage());
            assertEquals(1, e.getMessage().split("HTTP " + status, -1).length - 1, "the status once: " + e.getMessage());
        }
        assertEquals(attempts, server.received().size());
    }

    @Test
    void theMembersOfAnApiAnswerAreNeverQuoted() throws IOException {
        String secret = "TmpSecretKey-0123456789";
        server = server(request -> Answer.raw(200, "application/json",
                "{\"Response\":{\"TaskId\":{\"TmpSecretKey\":\"" + secret + "\"},\"Token\":\"" + secret + "\""));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).build()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));

            assertFalse(TestClients.printed(e).contains(secret), TestClients.printed(e));
        }
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWithoutReadingItAll() throws IOException {
        server = server(request -> Answer.response("\"TaskId\":\"" + "x".repeat(100_000) + "\"", "req-big"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).maxResponseBytes(1_000).build()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));

            assertEquals(TencentCloudException.CLIENT_INVALID_RESPONSE, e.code());
            assertEquals("The answer to StopPublishCdnStream is larger than 1000 bytes, the most this client reads",
                    e.errorMessage(), "an API answer, so not quoted");
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
    void aServerThatNeverAnswersTimesOutAndAnActionThatIsNotIdempotentIsNotRetried() throws Exception {
        VirtualTime manual = VirtualTime.manual();
        server = server(request -> Answer.silence());
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(manual))
                .requestTimeout(Duration.ofSeconds(30)).build()) {
            CompletableFuture<StopPublishCdnStreamResponse> call = client.stopPublishCdnStreamAsync(stop("t-1"));
            server.awaitRequests(1);
            manual.advance(Duration.ofSeconds(29));
            assertFalse(call.isDone(), "not before the timeout");

            manual.advance(Duration.ofSeconds(1));

            TrtcException e = AsyncEndToEndTest.failure(call);
            assertEquals(TencentCloudException.CLIENT_REQUEST_TIMEOUT, e.code());
            assertEquals(1, e.attempts(), "the service may still carry out a timed-out call");
            assertEquals(0, e.httpStatus());
            assertTrue(e.getMessage().contains("within the request timeout of 30000 ms; StopPublishCdnStream may have "
                    + "run, so it is not sent again (it is not idempotent)"), e.getMessage());
        }
        assertEquals(1, server.received().size());
    }

    @Test
    void aTimedOutIdempotentActionIsRetriedAndABlockingCallTimesOutToo() throws Exception {
        VirtualTime manual = VirtualTime.manual();
        server = server(request -> Answer.silence());
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(manual))
                .retryPolicy(RetryPolicy.builder().maxRetries(1).jitter(() -> 0.0).build())
                .requestTimeout(Duration.ofSeconds(5)).build()) {
            CompletableFuture<TrtcException> blocking = CompletableFuture.supplyAsync(
                    () -> assertThrows(TrtcException.class, () -> client.describeCloudRecording(describe("t-1"))));
            server.awaitRequests(1);
            manual.advance(Duration.ofSeconds(5));
            server.awaitRequests(1);
            manual.advance(Duration.ofSeconds(5));

            TrtcException e = blocking.get(10, TimeUnit.SECONDS);
            assertEquals(TencentCloudException.CLIENT_REQUEST_TIMEOUT, e.code());
            assertEquals(2, e.attempts());
            assertTrue(e.getMessage().endsWith("DescribeCloudRecording may have run (after 2 attempts)"), e.getMessage());
        }
        assertEquals(2, server.received().size());
    }
}
