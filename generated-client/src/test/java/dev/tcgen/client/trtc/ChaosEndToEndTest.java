package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.SECRET_ID;
import static dev.tcgen.client.trtc.TestClients.SECRET_KEY;
import static dev.tcgen.client.trtc.TestClients.create;
import static dev.tcgen.client.trtc.TestClients.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.Credentials;
import dev.tcgen.client.core.RetryPolicy;
import dev.tcgen.client.trtc.ChaosServer.Act;
import dev.tcgen.client.trtc.v20190722.Region;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import dev.tcgen.runtime.testing.CapturingLogger;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client against a server and a network that misbehave, in real time on loopback (the {@code reliability}
 * profile). For each fault: the documented outcome (retried, or the typed exception naming what happened) within the
 * configured timeouts; the server sees each attempt at most once, so a request is sent again only by the retry policy
 * (attempts are counted by the credentials provider, asked once per attempt); and once the client is closed and
 * collected, the JVM has no more threads and sockets than before.
 *
 * <p>Each fault is tried on a CreateCloudRecording (not idempotent) and then a DescribeCloudRecording (idempotent):
 * the server misbehaves on its first two exchanges and answers properly after that.
 */
@Tag("reliability")
@Timeout(120)
class ChaosEndToEndTest {

    private static final String SUCCESS = "-";

    /** Retries after 10 ms at most (but Retry-After up to 5 s is honoured); every call ends within 30 s. */
    private static final RetryPolicy FAST = RetryPolicy.builder()
            .baseDelay(Duration.ofMillis(5))
            .maxDelay(Duration.ofSeconds(5))
            .build();

    /** How one call ended: its code ({@code -} for success) and how many attempts it made. */
    record Outcome(String code, int attempts, String message) {

        @Override
        public String toString() {
            return code + " after " + attempts + " attempt(s): " + message;
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // fault,                 request timeout ms, Create's outcome,               its attempts, Describe's, its attempts, requests read
        "RESET_BEFORE_READ,        5000, ClientError.ConnectionLost,  1, -,                           2, 1",
        "RESET_AFTER_READ,         5000, ClientError.ConnectionLost,  1, -,                           2, 3",
        "RESET_MID_BODY,           5000, ClientError.ConnectionLost,  1, -,                           2, 3",
        "SILENT,                    500, ClientError.RequestTimeout,  1, -,                           2, 3",
        "TRICKLE,                  1500, ClientError.RequestTimeout,  1, -,                           2, 3",
        "TRUNCATED_CHUNKED,        5000, ClientError.ConnectionLost,  1, -,                           2, 3",
        "CONTENT_LENGTH_TOO_LONG,  5000, ClientError.ConnectionLost,  1, -,                           2, 3",
        "OVERSIZED,                5000, ClientError.InvalidResponse, 1, ClientError.InvalidResponse, 1, 2",
        "TOO_MANY_REQUESTS,        5000, -,                           3, -,                           1, 4",
        "UNAVAILABLE_FOR_A_MINUTE, 5000, ClientError.InvalidResponse, 1, ClientError.InvalidResponse, 1, 2",
    })
    void aFaultEndsInItsDocumentedOutcome(Act fault, long requestTimeoutMillis, String createOutcome,
            int createAttempts, String describeOutcome, int describeAttempts, int requestsRead) throws Exception {
        try (ChaosServer server = new ChaosServer(exchange -> exchange < 2 ? fault : Act.ANSWER)) {
            ResourceBaseline baseline = ResourceBaseline.take();

            List<Outcome> outcomes = callCreateThenDescribe(server.endpoint(),
                    builder -> builder.requestTimeout(Duration.ofMillis(requestTimeoutMillis)));

            String log = "\nserver: " + server.log();
            assertOutcome(createOutcome, createAttempts, outcomes.get(0), log);
            assertOutcome(describeOutcome, describeAttempts, outcomes.get(1), log);
            assertEquals(requestsRead, server.requests().size(), "requests the server read" + log);
            baseline.awaitReturn(fault.toString());
        }
    }

    @Test
    void aRefusedConnectionIsRetriedForEveryActionSinceNothingWasSent() throws Exception {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        ResourceBaseline baseline = ResourceBaseline.take();

        List<Outcome> outcomes = callCreateThenDescribe(closedPort, builder -> { });

        assertOutcome("ClientError.ConnectFailed", 4, outcomes.get(0));
        assertOutcome("ClientError.ConnectFailed", 4, outcomes.get(1));
        assertTrue(outcomes.get(0).message().contains("ConnectException"), outcomes.get(0).message());
        baseline.awaitReturn("a refused connection");
    }

    @Test
    void anUnknownHostIsAConnectFailureNamingTheHost() throws Exception {
        ResourceBaseline baseline = ResourceBaseline.take();

        List<Outcome> outcomes = callCreateThenDescribe(URI.create("http://tcgen-chaos.invalid"), builder -> { });

        assertOutcome("ClientError.ConnectFailed", 4, outcomes.get(0));
        assertTrue(outcomes.get(0).message().contains("cannot resolve the host name tcgen-chaos.invalid"),
                outcomes.get(0).message());
        assertOutcome("ClientError.ConnectFailed", 4, outcomes.get(1));
        baseline.awaitReturn("an unknown host");
    }

    @Test
    void aFailedTlsHandshakeIsAConnectFailure() throws Exception {
        try (ChaosServer server = new ChaosServer(exchange -> Act.NOT_TLS)) {
            ResourceBaseline baseline = ResourceBaseline.take();

            List<Outcome> outcomes = callCreateThenDescribe(server.tlsEndpoint(), builder -> { });

            assertOutcome("ClientError.ConnectFailed", 4, outcomes.get(0));
            assertTrue(outcomes.get(0).message().contains("SSLHandshakeException"), outcomes.get(0).message());
            assertOutcome("ClientError.ConnectFailed", 4, outcomes.get(1));
            assertEquals(0, server.requests().size(), "nothing was sent");
            assertEquals(8, server.connectionsAccepted());
            baseline.awaitReturn("a failed TLS handshake");
        }
    }

    @Test
    void retryAfterIsHonouredForEveryActionSinceTheRequestWasTurnedAway() throws Exception {
        CapturingLogger logger = new CapturingLogger();
        try (ChaosServer server = new ChaosServer(exchange -> exchange == 0 ? Act.TOO_MANY_REQUESTS : Act.ANSWER)) {
            List<Outcome> outcomes = callCreateThenDescribe(server.endpoint(), builder -> builder.logger(logger));

            assertOutcome(SUCCESS, 2, outcomes.get(0));
            assertTrue(logger.allText().contains("; Retry-After 2 (HTTP 429); retrying in 2000 ms"), logger.allText());
        }
    }

    @Test
    void aContentLengthShorterThanTheBodyFailsThatCallButNotTheNextOnTheConnection() throws Exception {
        try (ChaosServer server = new ChaosServer(exchange -> exchange == 0 ? Act.CONTENT_LENGTH_TOO_SHORT
                : Act.ANSWER)) {
            ResourceBaseline baseline = ResourceBaseline.take();

            List<Outcome> outcomes = callCreateThenDescribe(server.endpoint(), builder -> { });

            assertOutcome("ClientError.InvalidResponse", 1, outcomes.get(0));
            assertTrue(outcomes.get(0).message().contains("is not valid JSON: a truncated or broken API answer"),
                    outcomes.get(0).message());
            assertEquals(SUCCESS, outcomes.get(1).code(), outcomes.get(1).toString());
            assertTrue(server.requests().size() <= 1 + outcomes.get(1).attempts(), server.requests().toString());
            baseline.awaitReturn("a short Content-Length");
        }
    }

    @Test
    void connectionsTheServerClosesAfterEachAnswerAreNotReused() throws Exception {
        try (ChaosServer server = new ChaosServer(exchange -> Act.ANSWER_THEN_CLOSE)) {
            ResourceBaseline baseline = ResourceBaseline.take();
            List<Outcome> outcomes = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                outcomes.addAll(callCreateThenDescribe(server.endpoint(), builder -> { }));
            }

            int attempts = outcomes.stream().mapToInt(Outcome::attempts).sum();
            System.out.println("chaos: kept-alive connections closed after each answer: " + outcomes.stream()
                    .map(Outcome::code).toList() + ", " + attempts + " attempts, " + server.requests().size()
                    + " requests read, " + server.connectionsAccepted() + " connections");
            assertTrue(server.requests().size() <= attempts, "each attempt delivered at most once");
            for (Outcome outcome : outcomes) {
                assertTrue(outcome.code().equals(SUCCESS) || outcome.code().equals("ClientError.ConnectionLost"),
                        outcome.toString());
            }
            for (int describe = 1; describe < outcomes.size(); describe += 2) {
                assertEquals(SUCCESS, outcomes.get(describe).code(), "an idempotent call always succeeds: "
                        + outcomes.get(describe));
            }
            baseline.awaitReturn("closed keep-alive connections");
        }
    }

    /**
     * A CreateCloudRecording and then a DescribeCloudRecording through a new client; the client is closed and
     * unreachable when this returns.
     */
    private static List<Outcome> callCreateThenDescribe(URI endpoint, Consumer<TrtcClient.Builder> configure) {
        AtomicInteger asked = new AtomicInteger();
        TrtcClient.Builder builder = TrtcClient.builder()
                .credentials(() -> {
                    asked.incrementAndGet();
                    return Credentials.of(SECRET_ID, SECRET_KEY);
                })
                .region(Region.AP_GUANGZHOU)
                .endpoint(endpoint)
                .retryPolicy(FAST)
                .callTimeout(Duration.ofSeconds(30))
                .maxResponseBytes(1024 * 1024)
                .logger(new CapturingLogger());
        configure.accept(builder);
        try (TrtcClient client = builder.build()) {
            return List.of(
                    call(asked, () -> client.createCloudRecording(create("room-1")).requestId()),
                    call(asked, () -> client.describeCloudRecording(describe("task-1")).requestId()));
        }
    }

    private static Outcome call(AtomicInteger asked, Supplier<String> call) {
        int before = asked.get();
        try {
            String requestId = call.get();
            return new Outcome(SUCCESS, asked.get() - before, requestId);
        } catch (TrtcException e) {
            assertEquals(asked.get() - before, e.attempts(), "the exception counts the attempts: " + e.getMessage());
            return new Outcome(e.code(), e.attempts(), e.getMessage());
        }
    }

    private static void assertOutcome(String code, int attempts, Outcome outcome) {
        assertOutcome(code, attempts, outcome, "");
    }

    private static void assertOutcome(String code, int attempts, Outcome outcome, String more) {
        assertEquals(code + " after " + attempts, outcome.code() + " after " + outcome.attempts(), outcome + more);
    }
}
