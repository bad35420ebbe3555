package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.SECRET_ID;
import static dev.tcgen.client.trtc.TestClients.SECRET_KEY;
import static dev.tcgen.client.trtc.TestClients.client;
import static dev.tcgen.client.trtc.TestClients.create;
import static dev.tcgen.client.trtc.TestClients.describe;
import static dev.tcgen.client.trtc.TestClients.echo;
import static dev.tcgen.client.trtc.TestClients.server;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.Credentials;
import dev.tcgen.client.core.CredentialsProvider;
import dev.tcgen.client.core.Idempotency;
import dev.tcgen.client.core.Json;
import dev.tcgen.client.core.RetryPolicy;
import dev.tcgen.client.core.TencentCloudException;
import dev.tcgen.runtime.testing.VirtualTime;
import dev.tcgen.client.trtc.FakeTrtcServer.Answer;
import dev.tcgen.client.trtc.FakeTrtcServer.Received;
import dev.tcgen.client.trtc.v20190722.DescribeCloudRecordingResponse;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamResponse;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Retries against the verifying server, on virtual time: which failures are retried, for which actions, how many
 * attempts are made, that each attempt is signed afresh (with the same ClientToken), and the backoff between them. No
 * test waits for real time.
 */
@Timeout(60)
class RetryEndToEndTest {

    /** Backoff of exactly 1 s, 2 s, 4 s: full jitter pinned to its ceiling, so delays are predictable. */
    private static final RetryPolicy PREDICTABLE = RetryPolicy.builder()
            .baseDelay(Duration.ofSeconds(1))
            .maxDelay(Duration.ofSeconds(30))
            .jitter(() -> 1.0)
            .build();

    private final VirtualTime time = VirtualTime.autoAdvancing();
    private FakeTrtcServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private TrtcClient client(Function<Received, Answer> handler) throws IOException {
        server = server(handler);
        return TestClients.client(server).scheduler(TestClients.on(time)).retryPolicy(PREDICTABLE).build();
    }

    @Test
    void twoInternalErrorsThenSuccessGiveOneSuccessAfterThreeFreshlySignedRequests() throws IOException {
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger asked = new AtomicInteger();
        CredentialsProvider counting = () -> {
            asked.incrementAndGet();
            return Credentials.of(SECRET_ID, SECRET_KEY);
        };
        server = server(request -> answered.incrementAndGet() <= 2
                ? Answer.error("InternalError", "Internal error.", "req-" + answered.get())
                : echo(request, "req-ok"));

        StopPublishCdnStreamResponse response;
        try (TrtcClient client = TestClients.client(server).credentials(counting).scheduler(TestClients.on(time))
                .retryPolicy(PREDICTABLE).build()) {
            response = client.stopPublishCdnStream(stop("t-1"));
        }

        assertEquals("t-1", response.taskId());
        assertEquals("req-ok", response.requestId());
        List<Received> received = server.received();
        assertEquals(3, received.size());
        assertTrue(received.stream().allMatch(Received::signatureValid), received.toString());
        long start = VirtualTime.EPOCH.getEpochSecond();
        assertEquals(List.of(start, start + 1, start + 3),
                received.stream().map(r -> Long.parseLong(r.header("X-TC-Timestamp"))).toList(),
                "each attempt is dated when it is sent, after its backoff");
        assertEquals(3, received.stream().map(r -> r.header("Authorization")).distinct().count(),
                "each attempt carries its own signature");
        assertEquals(3, asked.get(), "the credentials provider is asked once per attempt");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), time.delays());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AuthFailure.SecretIdNotFound", "InvalidParameter",
        "InvalidParameterValue.TaskId", "MissingParameter", "ResourceNotFound", "ResourceUnavailable",
        "ResourceInsufficient", "FailedOperation", "LimitExceeded", "UnauthorizedOperation", "UnsupportedOperation"})
    void aClientErrorIsNotRetried(String code) throws IOException {
        try (TrtcClient client = client(request -> Answer.error(code, "No.", "req-1"))) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));

            assertEquals(code, e.code());
            assertEquals(1, e.attempts());
            assertFalse(e.getMessage().contains("attempts"), e.getMessage());
            assertFalse(e.mayHaveRun(), "the API answered that it refused the request");
        }
        assertEquals(1, server.received().size());
        assertEquals(List.of(), time.delays());
    }

    @ParameterizedTest
    @ValueSource(strings = {"InternalError", "InternalError.DbError", "RequestLimitExceeded",
        "RequestLimitExceeded.UinLimitExceeded", "RequestLimitExceeded.IPLimitExceeded", "ServiceUnavailable"})
    void aTransientErrorIsRetriedThreeTimesThenReportedWithTheNumberOfAttempts(String code) throws IOException {
        try (TrtcClient client = client(request -> Answer.error(code, "Try later.", "req-x"))) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));

            assertEquals(code, e.code());
            assertEquals(4, e.attempts());
            assertEquals(code + ": Try later. (RequestId req-x, HTTP 200, after 4 attempts)", e.getMessage());
        }
        assertEquals(4, server.received().size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), time.delays());
    }

    @Test
    void aServerErrorPageIsRetriedAndAClientErrorPageIsNot() throws IOException {
        try (TrtcClient client = client(request -> request.body().contains("t-503")
                ? Answer.raw(503, "text/html", "<html><body>Service Unavailable</body></html>")
                : Answer.raw(400, "text/html", "<html><body>Bad Request</body></html>"))) {
            TrtcException unavailable = assertThrows(TrtcException.class,
                    () -> client.stopPublishCdnStream(stop("t-503")));
            TrtcException bad = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-400")));

            assertEquals(TencentCloudException.CLIENT_INVALID_RESPONSE, unavailable.code());
            assertEquals(503, unavailable.httpStatus());
            assertEquals(4, unavailable.attempts());
            assertTrue(unavailable.getMessage().contains("Service Unavailable"), unavailable.getMessage());
            assertEquals(TencentCloudException.CLIENT_INVALID_RESPONSE, bad.code());
            assertEquals(400, bad.httpStatus());
            assertEquals(1, bad.attempts());
            assertFalse(unavailable.mayHaveRun() || bad.mayHaveRun(), "pages that turned the request away");
        }
        assertEquals(5, server.received().size());
    }

    @Test
    void aPageOfAServiceThatRanTheActionMayHaveRunAndOneThatDidNotCarryItOutHasNot() throws IOException {
        try (TrtcClient client = client(request -> request.body().contains("t-502")
                ? Answer.raw(502, "text/html", "<html><body>Bad Gateway</body></html>")
                : Answer.raw(501, "text/html", "<html><body>Not Implemented</body></html>"))) {
            TrtcException badGateway = assertThrows(TrtcException.class,
                    () -> client.createCloudRecording(create("t-502")));
            TrtcException notImplemented = assertThrows(TrtcException.class,
                    () -> client.createCloudRecording(create("t-501")));

            assertEquals("502 true", badGateway.httpStatus() + " " + badGateway.mayHaveRun());
            assertEquals("501 false", notImplemented.httpStatus() + " " + notImplemented.mayHaveRun());
        }
    }

    @Test
    void aDescribeWhoseConnectionIsDroppedAfterTheServerReadItIsRetriedToSuccess() throws IOException {
        AtomicInteger answered = new AtomicInteger();
        try (TrtcClient client = client(request -> answered.incrementAndGet() == 1
                ? Answer.hangUp() : echo(request, "req-2"))) {
            DescribeCloudRecordingResponse response = client.describeCloudRecording(describe("t-1"));

            assertEquals("req-2", response.requestId());
        }
        assertEquals(2, server.received().size());
    }

    @Test
    void aCreateWhoseConnectionIsDroppedAfterTheServerReadItIsDeliveredOnceAndFailsSayingItMayHaveRun()
            throws IOException {
        try (TrtcClient client = client(request -> Answer.hangUp())) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.createCloudRecording(create("room-1")));

            assertEquals(TencentCloudException.CLIENT_CONNECTION_LOST, e.code());
            assertEquals(1, e.attempts());
            assertEquals(0, e.httpStatus());
            assertTrue(e.getMessage().contains("failed before the whole answer to CreateCloudRecording arrived"),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("CreateCloudRecording may have run, so it is not sent again (it is "
                    + "not idempotent)"), e.getMessage());
            assertInstanceOf(IOException.class, e.getCause());
            assertTrue(e.mayHaveRun());
        }
        assertEquals(1, server.received().size(), "delivered once");
        assertEquals(List.of(), time.delays());
    }

    @Test
    void anAttemptThatMayHaveRunIsRememberedWhateverTheLastAttemptSays() throws IOException {
        AtomicInteger answered = new AtomicInteger();
        try (TrtcClient client = client(request -> answered.incrementAndGet() == 1
                ? Answer.hangUp() : Answer.error("ResourceNotFound", "No such task.", "req-2"))) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.describeCloudRecording(describe("t-1")));

            assertEquals("ResourceNotFound after 2", e.code() + " after " + e.attempts());
            assertTrue(e.mayHaveRun(), "the first attempt may have run");

            TrtcException async = assertInstanceOf(TrtcException.class, assertThrows(CompletionException.class,
                    () -> client.describeCloudRecordingAsync(describe("t-2")).join()).getCause());
            assertEquals("ResourceNotFound after 1", async.code() + " after " + async.attempts());
            assertFalse(async.mayHaveRun());
        }
    }

    @Test
    void retryAllActionsSendsItAgainAnyway() throws IOException {
        AtomicInteger answered = new AtomicInteger();
        server = server(request -> answered.incrementAndGet() == 1 ? Answer.hangUp() : echo(request, "req-2"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .retryPolicy(RetryPolicy.builder().retryAllActions(true).build()).build()) {
            assertEquals("req-2", client.createCloudRecording(create("room-1")).requestId());
        }
        assertEquals(2, server.received().size(), "delivered twice: it may have run twice");
    }

    @Test
    void aClientTokenIsFilledOncePerCallAndSentAgainWithEveryAttempt() throws IOException {
        AtomicInteger answered = new AtomicInteger();
        try (TrtcClient client = client(request -> answered.incrementAndGet() % 2 == 1
                ? Answer.hangUp() : echo(request, "req-" + answered.get()))) {
            for (String request : List.of("{\"RoomId\":\"a\"}", "{\"RoomId\":\"b\"}",
                    "{\"RoomId\":\"c\",\"ClientToken\":\"mine\"}", "{\"RoomId\":\"d\",\"ClientToken\":\"\"}")) {
                client.transport().call("CreateWithToken", Idempotency.CLIENT_TOKEN, "ap-guangzhou", request,
                        Json::writeText, Json::readText, TrtcException::new);
            }
        }
        List<String> tokens = server.received().stream()
                .map(r -> r.body().replaceAll(".*\"ClientToken\":\"([^\"]*)\".*", "$1")).toList();
        assertEquals(8, tokens.size(), "each call retried once after the connection was lost");
        for (int call = 0; call < 4; call++) {
            assertEquals(tokens.get(2 * call), tokens.get(2 * call + 1), "the same token on every attempt");
        }
        assertEquals("mine", tokens.get(4), "a token of the caller's is kept");
        assertEquals(3, Set.of(tokens.get(0), tokens.get(2), tokens.get(6)).size(), "a fresh token for each call");
        assertTrue(tokens.get(0).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"), tokens.get(0));
    }

    @Test
    void aRefusedConnectionIsRetriedEvenForACreateSinceNothingWasSent() throws IOException {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        server = server(request -> echo(request, "unused"));
        try (TrtcClient client = TestClients.client(server).endpoint(closedPort).scheduler(TestClients.on(time))
                .retryPolicy(PREDICTABLE).build()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.createCloudRecording(create("room-1")));

            assertEquals(TencentCloudException.CLIENT_CONNECT_FAILED, e.code());
            assertInstanceOf(ConnectException.class, e.getCause());
            assertEquals(4, e.attempts());
            assertEquals(0, e.httpStatus());
            assertTrue(e.getMessage().contains("; nothing was sent"), e.getMessage());
            assertFalse(e.mayHaveRun());
        }
        assertEquals(3, time.delays().size());
    }

    @Test
    void noRetriesMeansOneAttempt() throws IOException {
        server = server(request -> Answer.error("InternalError", "Internal error.", "req-1"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).retryPolicy(RetryPolicy.none()).build()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));

            assertEquals(1, e.attempts());
        }
        assertEquals(1, server.received().size());
    }

    @Test
    void moreCodesCanBeDeclaredTransient() throws IOException {
        AtomicInteger answered = new AtomicInteger();
        server = server(request -> answered.incrementAndGet() == 1
                ? Answer.error("FailedOperation.Busy", "Busy.", "req-1") : echo(request, "req-2"));
        RetryPolicy policy = RetryPolicy.builder()
                .retryableCodes(code -> RetryPolicy.isTransientCode(code) || code.equals("FailedOperation.Busy"))
                .build();
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).retryPolicy(policy).build()) {
            assertEquals("req-2", client.stopPublishCdnStream(stop("t-1")).requestId());
        }
        assertEquals(2, server.received().size());
    }

    @Test
    void theBackoffIsCappedAndJittered() throws IOException {
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetries(6)
                .baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofMillis(500))
                .jitter(() -> 0.5)
                .build();
        server = server(request -> Answer.error("InternalError", "Internal error.", "req-1"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).retryPolicy(policy).build()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));
            assertEquals(7, e.attempts());
        }
        assertEquals(List.of(50L, 100L, 200L, 250L, 250L, 250L),
                time.delays().stream().map(Duration::toMillis).toList(),
                "half of min(500 ms, 100 ms * 2^(n-1))");
    }
}
