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
import dev.tcgen.client.trtc.ChaosServer.Request;
import dev.tcgen.client.trtc.v20190722.Region;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import dev.tcgen.runtime.testing.CapturingLogger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client against a server and a network that misbehave, in real time on loopback (the {@code reliability}
 * profile), through the blocking and the asynchronous methods alike. For each fault: the documented outcome (retried,
 * or the typed exception naming what happened) within the configured timeouts; the server sees each attempt at most
 * once, so a request is sent again only by the retry policy (attempts are counted by the credentials provider, asked
 * once per attempt); and once the client is closed and collected, the JVM has no more threads and sockets than before.
 *
 * <p>Each fault is tried on a CreateCloudRecording (not idempotent) and then a DescribeCloudRecording (idempotent):
 * the server misbehaves on its first two exchanges and answers properly after that.
 *
 * <p>Durations are checked against upper bounds derived from the configuration: each attempt's timeout, plus the
 * {@code Retry-After} waits, plus {@link #SLACK} for everything else (the backoff of {@link #FAST} is 35 ms at most
 * over three retries), wide enough for a loaded machine. The one lower bound is that a {@code Retry-After} is waited
 * for, measured at the server, which no load can make shorter.
 */
@Tag("reliability")
@Timeout(120)
class ChaosEndToEndTest {

    private static final String SUCCESS = "-";

    /** Retries after 35 ms at most in all (but a Retry-After up to 5 s is honoured). */
    private static final RetryPolicy FAST = RetryPolicy.builder()
            .baseDelay(Duration.ofMillis(5))
            .maxDelay(Duration.ofSeconds(5))
            .build();

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** How many times each action meets a connection reset at accept, whose outcome is a race. */
    private static final int ROUNDS = 10;

    /** What a call may take beyond its timeouts and waits: backoff, scheduling and GC on a loaded machine. */
    private static final Duration SLACK = Duration.ofSeconds(10);

    /** How the test calls the client: its blocking methods, or its {@code ...Async} ones. */
    enum Api {
        BLOCKING,
        ASYNC;

        String createCloudRecording(TrtcClient client) {
            return this == BLOCKING ? client.createCloudRecording(create("room-1")).requestId()
                    : await(client.createCloudRecordingAsync(create("room-1")).thenApply(r -> r.requestId()));
        }

        String describeCloudRecording(TrtcClient client) {
            return this == BLOCKING ? client.describeCloudRecording(describe("task-1")).requestId()
                    : await(client.describeCloudRecordingAsync(describe("task-1")).thenApply(r -> r.requestId()));
        }

        /** The value of an async call, or the {@link TrtcException} it failed with, thrown as it is. */
        private static String await(CompletableFuture<String> call) {
            try {
                return call.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TrtcException failure) {
                    throw failure;
                }
                throw new AssertionError("not a TrtcException", e.getCause());
            } catch (InterruptedException | TimeoutException e) {
                throw new AssertionError("the call did not end", e);
            }
        }
    }

    /** How one call ended: its code ({@code -} for success), how many attempts it made, and how long it took. */
    record Outcome(String code, int attempts, String message, Duration took) {

        @Override
        public String toString() {
            return code + " after " + attempts + " attempt(s) in " + took.toMillis() + " ms: " + message;
        }
    }

    /**
     * One row of the fault table.
     *
     * @param act what the server does on its first two exchanges
     * @param requestTimeout the client's request timeout
     * @param create CreateCloudRecording's outcome, with the attempts it makes
     * @param describe DescribeCloudRecording's outcome, with the attempts it makes
     * @param requestsRead how many requests the server reads in full, both calls together
     */
    record Fault(Act act, Duration requestTimeout, String create, String describe, int requestsRead) {

        Fault(Act act, long requestTimeoutMillis, String create, String describe, int requestsRead) {
            this(act, Duration.ofMillis(requestTimeoutMillis), create, describe, requestsRead);
        }

        @Override
        public String toString() {
            return act.toString();
        }
    }

    private static final List<Fault> FAULTS = List.of(
            new Fault(Act.RESET_BEFORE_READ, 5000, "ClientError.ConnectionLost after 1", "- after 2", 1),
            new Fault(Act.RESET_AFTER_READ, 5000, "ClientError.ConnectionLost after 1", "- after 2", 3),
            new Fault(Act.RESET_MID_BODY, 5000, "ClientError.ConnectionLost after 1", "- after 2", 3),
            new Fault(Act.SILENT, 500, "ClientError.RequestTimeout after 1", "- after 2", 3),
            new Fault(Act.TRICKLE, 1500, "ClientError.RequestTimeout after 1", "- after 2", 3),
            new Fault(Act.TRUNCATED_CHUNKED, 5000, "ClientError.ConnectionLost after 1", "- after 2", 3),
            new Fault(Act.CONTENT_LENGTH_TOO_LONG, 5000, "ClientError.ConnectionLost after 1", "- after 2", 3),
            new Fault(Act.OVERSIZED, 5000, "ClientError.InvalidResponse after 1", "ClientError.InvalidResponse after 1",
                    2),
            new Fault(Act.TOO_MANY_REQUESTS, 5000, "- after 3", "- after 1", 4),
            new Fault(Act.UNAVAILABLE_FOR_A_SECOND, 5000, "- after 3", "- after 1", 4),
            new Fault(Act.UNAVAILABLE_FOR_A_MINUTE, 5000, "ClientError.InvalidResponse after 1",
                    "ClientError.InvalidResponse after 1", 2));

    static Stream<Arguments> faultsThroughEachApi() {
        return Stream.of(Api.values()).flatMap(api -> FAULTS.stream().map(fault -> Arguments.of(api, fault)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("faultsThroughEachApi")
    void aFaultEndsInItsDocumentedOutcome(Api api, Fault fault) throws Exception {
        try (ChaosServer server = new ChaosServer(exchange -> exchange < 2 ? fault.act() : Act.ANSWER)) {
            ResourceBaseline baseline = ResourceBaseline.take();

            List<Outcome> outcomes = callCreateThenDescribe(api, server.endpoint(),
                    builder -> builder.requestTimeout(fault.requestTimeout()));

            String log = "\nserver: " + server.log();
            assertOutcome(fault.create(), outcomes.get(0), log);
            assertOutcome(fault.describe(), outcomes.get(1), log);
            assertEquals(fault.requestsRead(), server.requests().size(), "requests the server read" + log);
            if (fault.act().beforeReading()) {
                assertEquals(2 + fault.requestsRead(), server.connectionsAccepted(),
                        "each connection the server dropped unread carried one attempt" + log);
            }
            Duration retryAfter = Duration.ofSeconds(fault.act().retryAfterSeconds());
            for (Outcome outcome : outcomes) {
                Duration waits = retryAfter.multipliedBy(outcome.attempts() - 1);
                assertWithin(fault.requestTimeout().multipliedBy(outcome.attempts()).plus(waits), outcome);
            }
            assertRetryAfterHonoured(server.requests());
            baseline.awaitReturn(api + " " + fault);
        }
    }

    /**
     * A connection reset as soon as the server accepts it, before it reads a byte ("reset before the request is
     * written"). Whether the client has written its request by then is a race that no test can steer, so each action
     * is tried {@link #ROUNDS} times, each with a server and a client of its own, and must end in one of two ways.
     * When the reset reaches the JDK's client while it is still finishing the connect, the JDK sees a
     * {@code ConnectException} and, since nothing was sent, connects again on its own (once, for any method): the
     * call succeeds at its one attempt, on a second connection. When the reset comes after the request was written,
     * the attempt fails with {@code ClientError.ConnectionLost} (the client cannot know that the server read nothing),
     * which the retry policy repeats for DescribeCloudRecording only. Either way the server reads the request at most
     * once.
     */
    @ParameterizedTest
    @EnumSource(Api.class)
    void aConnectionResetAtAcceptIsConnectedAgainOrLostButNeverReadTwice(Api api) throws Exception {
        ResourceBaseline baseline = ResourceBaseline.take();
        Map<String, Integer> creates = new TreeMap<>();
        Map<String, Integer> describes = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            creates.merge(callResetAtAccept(api::createCloudRecording), 1, Integer::sum);
            describes.merge(callResetAtAccept(api::describeCloudRecording), 1, Integer::sum);
        }

        System.out.println("chaos: " + api + ", a connection reset at accept, " + ROUNDS + " rounds: "
                + "CreateCloudRecording " + creates + ", DescribeCloudRecording " + describes);
        assertTrue(Set.of("- after 1 on 2 connections", "ClientError.ConnectionLost after 1 on 1 connections")
                .containsAll(creates.keySet()), creates.toString());
        assertTrue(Set.of("- after 1 on 2 connections", "- after 2 on 2 connections")
                .containsAll(describes.keySet()), describes.toString());
        baseline.awaitReturn(api + " connections reset at accept");
    }

    /**
     * One call to a server that resets its first connection at accept and answers on the others: the outcome and the
     * connections it took, e.g. {@code "- after 1 on 2 connections"}.
     */
    private static String callResetAtAccept(Function<TrtcClient, String> call) throws Exception {
        try (ChaosServer server = new ChaosServer(connection -> connection == 0 ? Act.RESET_AT_ACCEPT : Act.ANSWER)) {
            Outcome outcome = callInTurn(server.endpoint(), builder -> { }, List.of(call), after -> { }).get(0);

            String log = outcome + "\nserver: " + server.log();
            assertEquals(outcome.code().equals(SUCCESS) ? 1 : 0, server.requests().size(), "requests read: " + log);
            if (!outcome.code().equals(SUCCESS)) {
                assertTrue(outcome.message().contains("may have run, so it is not sent again"), log);
            }
            assertWithin(REQUEST_TIMEOUT.multipliedBy(outcome.attempts()), outcome);
            return outcome.code() + " after " + outcome.attempts() + " on " + server.connectionsAccepted()
                    + " connections";
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aRefusedConnectionIsRetriedForEveryActionSinceNothingWasSent(Api api) throws Exception {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        ResourceBaseline baseline = ResourceBaseline.take();

        List<Outcome> outcomes = callCreateThenDescribe(api, closedPort, builder -> { });

        assertConnectFailed(outcomes);
        assertTrue(outcomes.get(0).message().contains("ConnectException"), outcomes.get(0).message());
        baseline.awaitReturn(api + " a refused connection");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void anUnknownHostIsAConnectFailureNamingTheHost(Api api) throws Exception {
        ResourceBaseline baseline = ResourceBaseline.take();

        List<Outcome> outcomes = callCreateThenDescribe(api, URI.create("http://tcgen-chaos.invalid"), builder -> { });

        assertConnectFailed(outcomes);
        assertTrue(outcomes.get(0).message().contains("cannot resolve the host name tcgen-chaos.invalid"),
                outcomes.get(0).message());
        baseline.awaitReturn(api + " an unknown host");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aFailedTlsHandshakeIsAConnectFailure(Api api) throws Exception {
        try (ChaosServer server = new ChaosServer(exchange -> Act.NOT_TLS)) {
            ResourceBaseline baseline = ResourceBaseline.take();

            List<Outcome> outcomes = callCreateThenDescribe(api, server.tlsEndpoint(), builder -> { });

            assertConnectFailed(outcomes);
            assertTrue(outcomes.get(0).message().contains("SSLHandshakeException"), outcomes.get(0).message());
            assertEquals(0, server.requests().size(), "nothing was sent");
            assertEquals(8, server.connectionsAccepted());
            baseline.awaitReturn(api + " a failed TLS handshake");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Act.class, names = {"TOO_MANY_REQUESTS", "UNAVAILABLE_FOR_A_SECOND"})
    void retryAfterIsHonouredForEveryActionSinceTheRequestWasTurnedAway(Act fault) throws Exception {
        CapturingLogger logger = new CapturingLogger();
        try (ChaosServer server = new ChaosServer(exchange -> exchange == 0 ? fault : Act.ANSWER)) {
            List<Outcome> outcomes = callCreateThenDescribe(Api.BLOCKING, server.endpoint(),
                    builder -> builder.logger(logger));

            assertOutcome("- after 2", outcomes.get(0), "");
            int seconds = fault.retryAfterSeconds();
            String status = fault == Act.TOO_MANY_REQUESTS ? "429" : "503";
            assertTrue(logger.allText().contains("; Retry-After " + seconds + " (HTTP " + status + "); retrying in "
                    + seconds * 1000 + " ms"), logger.allText());
            assertRetryAfterHonoured(server.requests());
            assertWithin(REQUEST_TIMEOUT.multipliedBy(2).plusSeconds(seconds), outcomes.get(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aContentLengthShorterThanTheBodyFailsThatCallButNotTheNextOnTheConnection(Api api) throws Exception {
        try (ChaosServer server = new ChaosServer(exchange -> exchange == 0 ? Act.CONTENT_LENGTH_TOO_SHORT
                : Act.ANSWER)) {
            ResourceBaseline baseline = ResourceBaseline.take();

            List<Outcome> outcomes = callCreateThenDescribe(api, server.endpoint(), builder -> { });

            assertOutcome("ClientError.InvalidResponse after 1", outcomes.get(0), "");
            assertTrue(outcomes.get(0).message().contains("is not valid JSON: a truncated or broken API answer"),
                    outcomes.get(0).message());
            assertEquals(SUCCESS, outcomes.get(1).code(), outcomes.get(1).toString());
            assertTrue(server.requests().size() <= 1 + outcomes.get(1).attempts(), server.requests().toString());
            for (Outcome outcome : outcomes) {
                assertWithin(REQUEST_TIMEOUT.multipliedBy(outcome.attempts()), outcome);
            }
            baseline.awaitReturn(api + " a short Content-Length");
        }
    }

    /**
     * One client, six calls in turn, CreateCloudRecording and DescribeCloudRecording alternately; after each answer
     * the server closes the connection, and the next call starts only once the client has closed it too. Every call
     * succeeds at its first attempt, on a new connection: a connection the server closed is never used again.
     */
    @ParameterizedTest
    @EnumSource(Api.class)
    void callsAfterTheServerClosedTheKeptAliveConnectionEachSucceedOnANewOne(Api api) throws Exception {
        try (ChaosServer server = new ChaosServer(exchange -> Act.ANSWER_THEN_HALF_CLOSE)) {
            ResourceBaseline baseline = ResourceBaseline.take();
            List<Function<TrtcClient, String>> calls = List.of(api::createCloudRecording, api::describeCloudRecording,
                    api::createCloudRecording, api::describeCloudRecording, api::createCloudRecording,
                    api::describeCloudRecording);

            List<Outcome> outcomes = callInTurn(server.endpoint(), builder -> { }, calls,
                    call -> server.awaitClosedByClient(call + 1));

            for (Outcome outcome : outcomes) {
                assertOutcome("- after 1", outcome, "\nserver: " + server.log());
                assertWithin(REQUEST_TIMEOUT, outcome);
            }
            assertEquals(calls.size(), server.requests().size(), "each call reached the server once: " + server.log());
            assertEquals(calls.size(), server.connectionsAccepted(), "a new connection for each call: " + server.log());
            baseline.awaitReturn(api + " closed keep-alive connections");
        }
    }

    /**
     * A server that closes a kept-alive connection just as the next request arrives on it (its idle timeout ending at
     * that moment). The JDK's client sends a request again on its own after such a failure (no byte of answer on a
     * connection from its pool) only for GET and HEAD, unless {@code jdk.httpclient.enableAllMethodRetry} is set, and
     * every API call is a POST: so the call fails with {@code ClientError.ConnectionLost}, which the retry policy
     * repeats for DescribeCloudRecording only. The server never read the lost request, but nothing tells the client so.
     */
    @ParameterizedTest
    @EnumSource(Api.class)
    void aCallOnAKeptAliveConnectionClosedAsItArrivesIsLostAndRetriedOnlyIfIdempotent(Api api) throws Exception {
        try (ChaosServer server = new ChaosServer(exchange -> exchange < 2 ? Act.ANSWER_THEN_CLOSE_AS_NEXT_ARRIVES
                : Act.ANSWER)) {
            ResourceBaseline baseline = ResourceBaseline.take();
            List<Outcome> outcomes = callInTurn(server.endpoint(), builder -> { }, List.of(api::createCloudRecording,
                    api::createCloudRecording, api::describeCloudRecording, api::describeCloudRecording), call -> { });

            String log = "\nserver: " + server.log();
            System.out.println("chaos: " + api + " calls on kept-alive connections closed as they arrive: " + outcomes
                    + log);
            assertOutcome("- after 1", outcomes.get(0), log);
            assertOutcome("ClientError.ConnectionLost after 1", outcomes.get(1), log);
            assertTrue(outcomes.get(1).message().endsWith("CreateCloudRecording may have run, so it is not sent again "
                    + "(it is not idempotent)"), outcomes.get(1).message());
            assertOutcome("- after 1", outcomes.get(2), log);
            assertOutcome("- after 2", outcomes.get(3), log);
            assertEquals(3, server.requests().size(), "requests the server read" + log);
            assertEquals(3, server.connectionsAccepted(), "the JDK did not resend a request on its own" + log);
            for (Outcome outcome : outcomes) {
                assertWithin(REQUEST_TIMEOUT.multipliedBy(outcome.attempts()), outcome);
            }
            baseline.awaitReturn(api + " kept-alive connections closed as a request arrives");
        }
    }

    /**
     * A CreateCloudRecording and then a DescribeCloudRecording through a new client; the client is closed and
     * unreachable when this returns.
     */
    private static List<Outcome> callCreateThenDescribe(Api api, URI endpoint, Consumer<TrtcClient.Builder> configure) {
        return callInTurn(endpoint, configure, List.of(api::createCloudRecording, api::describeCloudRecording),
                call -> { });
    }

    /**
     * The calls one after the other through a new client, with {@code afterCall} run after each (given its index);
     * the client is closed and unreachable when this returns.
     */
    private static List<Outcome> callInTurn(URI endpoint, Consumer<TrtcClient.Builder> configure,
            List<Function<TrtcClient, String>> calls, IntConsumer afterCall) {
        AtomicInteger asked = new AtomicInteger();
        TrtcClient.Builder builder = builder(endpoint, asked);
        configure.accept(builder);
        List<Outcome> outcomes = new ArrayList<>();
        try (TrtcClient client = builder.build()) {
            for (Function<TrtcClient, String> call : calls) {
                outcomes.add(call(asked, call, client));
                afterCall.accept(outcomes.size() - 1);
            }
        }
        return outcomes;
    }

    /** A client of the endpoint whose credentials provider counts the attempts in {@code asked}. */
    private static TrtcClient.Builder builder(URI endpoint, AtomicInteger asked) {
        return TrtcClient.builder()
                .credentials(() -> {
                    asked.incrementAndGet();
                    return Credentials.of(SECRET_ID, SECRET_KEY);
                })
                .region(Region.AP_GUANGZHOU)
                .endpoint(endpoint)
                .retryPolicy(FAST)
                .connectTimeout(CONNECT_TIMEOUT)
                .requestTimeout(REQUEST_TIMEOUT)
                .callTimeout(Duration.ofSeconds(30))
                .maxResponseBytes(1024 * 1024)
                .logger(new CapturingLogger());
    }

    private static Outcome call(AtomicInteger asked, Function<TrtcClient, String> call, TrtcClient client) {
        int before = asked.get();
        long start = System.nanoTime();
        try {
            String requestId = call.apply(client);
            return new Outcome(SUCCESS, asked.get() - before, requestId, Duration.ofNanos(System.nanoTime() - start));
        } catch (TrtcException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(asked.get() - before, e.attempts(), "the exception counts the attempts: " + e.getMessage());
            assertEquals(mayHaveRun(e), e.mayHaveRun(), "mayHaveRun(): " + e.getMessage());
            return new Outcome(e.code(), e.attempts(), e.getMessage(), took);
        }
    }

    /**
     * What the documented rule of {@code mayHaveRun()} gives for this failure, for the faults of this test (where no
     * earlier attempt of a call failed otherwise): true when the request went out and no answer came, or the answer
     * came from a service that ran it (a broken body of a success, a 500, 502 or 504 page).
     */
    private static boolean mayHaveRun(TrtcException e) {
        return switch (e.code()) {
            case "ClientError.ConnectionLost", "ClientError.RequestTimeout" -> true;
            case "ClientError.InvalidResponse" -> e.httpStatus() == 200 || e.httpStatus() == 500
                    || e.httpStatus() == 502 || e.httpStatus() == 504;
            default -> false;
        };
    }

    /** Both calls failed to connect at each of their 4 attempts, each within the connect timeout. */
    private static void assertConnectFailed(List<Outcome> outcomes) {
        for (Outcome outcome : outcomes) {
            assertOutcome("ClientError.ConnectFailed after 4", outcome, "");
            assertTrue(outcome.message().contains("; nothing was sent"), outcome.message());
            assertWithin(CONNECT_TIMEOUT.multipliedBy(4), outcome);
        }
    }

    /** The call ended within {@code allowed} (what its configuration allows) and {@link #SLACK}. */
    private static void assertWithin(Duration allowed, Outcome outcome) {
        Duration bound = allowed.plus(SLACK);
        assertTrue(outcome.took().compareTo(bound) <= 0, "took longer than " + bound.toMillis() + " ms: " + outcome);
    }

    /**
     * Each request the server turned away with a {@code Retry-After} within {@link #FAST}'s cap was followed by its
     * retry no sooner than that, as the server's clock saw them arrive.
     */
    private static void assertRetryAfterHonoured(List<Request> requests) {
        for (int i = 0; i + 1 < requests.size(); i++) {
            Duration retryAfter = Duration.ofSeconds(requests.get(i).act().retryAfterSeconds());
            if (retryAfter.isZero() || retryAfter.compareTo(FAST.maxDelay()) > 0) {
                continue;
            }
            Duration gap = Duration.ofNanos(requests.get(i + 1).arrivedNanos() - requests.get(i).arrivedNanos());
            assertTrue(gap.compareTo(retryAfter) >= 0, "request " + (i + 1) + " came " + gap.toMillis()
                    + " ms after request " + i + ", which asked for Retry-After " + retryAfter.toSeconds() + " s");
        }
    }

    /** The outcome's code and attempts are {@code expected}, e.g. {@code "- after 2"}. */
    private static void assertOutcome(String expected, Outcome outcome, String more) {
        assertEquals(expected, outcome.code() + " after " + outcome.attempts(), outcome + more);
    }
}
