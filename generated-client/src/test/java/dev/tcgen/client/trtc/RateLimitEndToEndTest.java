package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.echo;
import static dev.tcgen.client.trtc.TestClients.server;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.RateLimitMode;
import dev.tcgen.client.core.RateLimiter;
import dev.tcgen.client.core.RetryPolicy;
import dev.tcgen.client.core.TencentCloudException;
import dev.tcgen.runtime.testing.VirtualTime;
import dev.tcgen.client.trtc.FakeTrtcServer.Answer;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The documented rate limit (StopPublishCdnStream: 20 per second) kept on the client side, on virtual time.
 *
 * <p>The limiter's guarantee and rules are checked in {@code RateLimiterTest}, and at a real server in
 * {@code ArrivalWindowTest}; here the client's use of them is: every attempt of every thread takes a permit of its
 * action's limiter and gives it back with its answer, and waiting for one takes as much (virtual) time as the limit
 * requires. Time moves only when a call waits: one thread's calls take exactly what the limit requires (20 in each
 * second: two at once, then one every 50 ms); with eight threads, calls in flight see the clock move while others
 * wait, so they hold their permits for a while of virtual time, and only a lower bound is exact.
 */
@Timeout(60)
class RateLimitEndToEndTest {

    private final VirtualTime time = VirtualTime.autoAdvancing();
    private FakeTrtcServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = server(request -> echo(request, "req"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aHundredCallsTakeTheTimeTheDocumentedLimitRequires() throws Exception {
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).build()) {
            assertEquals(Map.of("StopPublishCdnStream", 20), client.transport().rateLimits());

            Set<String> answered = callConcurrently(client, 1, 100);

            assertEquals(100, answered.size());
        }
        assertEquals(100, server.received().size());
        assertBetween(time.elapsed(), Duration.ofMillis(4900), Duration.ofMillis(4901));
    }

    @Test
    void eightThreadsTakeAtLeastTheTimeTheDocumentedLimitRequires() throws Exception {
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).build()) {
            assertEquals(100, callConcurrently(client, 8, 100).size());
        }
        assertEquals(100, server.received().size());
        assertBetween(time.elapsed(), Duration.ofSeconds(4), Duration.ofSeconds(60));
    }

    @Test
    void aCustomRateReplacesTheDocumentedOne() throws Exception {
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .rateLimit("StopPublishCdnStream", 10).build()) {
            assertEquals(100, callConcurrently(client, 1, 100).size());
        }
        assertBetween(time.elapsed(), Duration.ofMillis(9900), Duration.ofMillis(9901));
    }

    @Test
    void oneLimiterSharedByTwoClientsKeepsTheirCallsTogetherWithinIt() throws Exception {
        RateLimiter shared = RateLimiter.perSecond(10, TestClients.on(time));
        try (TrtcClient first = TestClients.client(server).scheduler(TestClients.on(time))
                        .rateLimit("StopPublishCdnStream", shared).build();
                TrtcClient second = TestClients.client(server).scheduler(TestClients.on(time))
                        .rateLimit("StopPublishCdnStream", shared).build()) {
            assertEquals(Map.of("StopPublishCdnStream", 10), first.transport().rateLimits());
            callConcurrently(first, 1, 50);
            callConcurrently(second, 1, 50);
        }
        assertEquals(100, server.received().size());
        assertBetween(time.elapsed(), Duration.ofMillis(9900), Duration.ofMillis(9901));
    }

    @Test
    void failFastRefusesTheCallThatWouldExceedTheLimitAndSendsNothing() throws IOException {
        VirtualTime manual = VirtualTime.manual();
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(manual)).retryPolicy(RetryPolicy.none())
                .rateLimitMode(RateLimitMode.FAIL_FAST).build()) {
            client.stopPublishCdnStream(stop("t-0"));
            client.stopPublishCdnStream(stop("t-1"));
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-2")));

            assertEquals(TencentCloudException.CLIENT_RATE_LIMITED, e.code());
            assertEquals(0, e.attempts());
            assertTrue(e.getMessage().contains("20 requests per second for StopPublishCdnStream"), e.getMessage());
            assertEquals(2, server.received().size(), "a burst of a tenth of the limit");

            manual.advance(Duration.ofMillis(50));
            client.stopPublishCdnStream(stop("t-3"));
        }
        assertEquals(3, server.received().size());
    }

    @Test
    void offSendsEverythingAtOnce() throws Exception {
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).rateLimitMode(RateLimitMode.OFF).build()) {
            assertEquals(Map.of(), client.transport().rateLimits());
            assertEquals(100, callConcurrently(client, 8, 100).size());
        }
        assertEquals(Duration.ZERO, time.elapsed());
    }

    @Test
    void retriesTakePermitsToo() throws IOException {
        AtomicInteger answered = new AtomicInteger();
        FakeTrtcServer failingOnce = server(request -> answered.incrementAndGet() == 1
                ? Answer.error("InternalError", "Internal error.", "req-1") : echo(request, "req-2"));
        try (TrtcClient client = TestClients.client(failingOnce).scheduler(TestClients.on(time))
                .retryPolicy(RetryPolicy.builder().jitter(() -> 0.0).build())
                .rateLimit("StopPublishCdnStream", 1).build()) {
            assertEquals("req-2", client.stopPublishCdnStream(stop("t-1")).requestId());
        } finally {
            failingOnce.close();
        }
        assertBetween(time.elapsed(), Duration.ofSeconds(1), Duration.ofSeconds(1).plusMillis(1));
    }

    @Test
    void onlyActionsOfTheClientCanBeLimited() {
        TrtcClient.Builder builder = TrtcClient.builder();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.rateLimit("StopPublishCdnStreams", 5));
        assertTrue(e.getMessage().contains("TrtcClient has no action StopPublishCdnStreams"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.rateLimit("StopPublishCdnStream", 0));
        assertEquals(20, TrtcClient.RATE_LIMITS.get("StopPublishCdnStream"));
    }

    /** {@code calls} StopPublishCdnStream calls spread over {@code threads} threads; the task ids answered. */
    static Set<String> callConcurrently(TrtcClient client, int threads, int calls) throws Exception {
        return callConcurrently(threads, calls, taskId -> client.stopPublishCdnStream(stop(taskId)).taskId());
    }

    /**
     * {@code calls} calls spread over {@code threads} threads, each made by {@code call} for a task id, which returns
     * the task id answered; the task ids answered.
     */
    static Set<String> callConcurrently(int threads, int calls, UnaryOperator<String> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                String taskId = "t-" + i;
                futures.add(pool.submit(() -> {
                    String answer = call.apply(taskId);
                    assertEquals(taskId, answer);
                    return answer;
                }));
            }
            Set<String> answered = new TreeSet<>();
            for (Future<String> future : futures) {
                answered.add(future.get());
            }
            return answered;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertBetween(Duration elapsed, Duration least, Duration most) {
        assertTrue(elapsed.compareTo(least) > 0 && elapsed.compareTo(most) <= 0,
                "expected between " + least + " and " + most + " of virtual time, not " + elapsed);
    }
}
