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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The documented rate limit (StopPublishCdnStream: 20 per second) kept on the client side, on virtual time.
 *
 * <p>The limiter's rules themselves (permits evenly spaced, one every 1.1 s / N with a burst of N / 10, and never more
 * than N in 1.1 s) are checked against the permits' grant times in {@code RateLimiterTest}, and at a real server in
 * {@code ArrivalWindowTest}; here the client's use of them is: every attempt of every thread takes a permit of its
 * action's limiter, and waiting for one takes exactly as much (virtual) time as the spacing requires. With time that
 * only moves when a call waits, 100 calls at 20 per second are two at once, then one every 55 ms, so they must end
 * at 98 × 55 ms (plus the limiter's nanoseconds), no sooner, no later.
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
    void aHundredCallsOnEightThreadsTakeTheTimeTheDocumentedLimitRequires() throws Exception {
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).build()) {
            assertEquals(Map.of("StopPublishCdnStream", 20), client.transport().rateLimits());

            Set<String> answered = callConcurrently(client, 8, 100);

            assertEquals(100, answered.size());
        }
        assertEquals(100, server.received().size());
        assertWithin(time.elapsed(), Duration.ofMillis(98 * 55));
    }

    @Test
    void aCustomRateReplacesTheDocumentedOne() throws Exception {
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .rateLimit("StopPublishCdnStream", 10).build()) {
            assertEquals(100, callConcurrently(client, 8, 100).size());
        }
        assertWithin(time.elapsed(), Duration.ofMillis(99 * 110));
    }

    @Test
    void oneLimiterSharedByTwoClientsKeepsTheirCallsTogetherWithinIt() throws Exception {
        RateLimiter shared = RateLimiter.perSecond(10, TestClients.on(time));
        try (TrtcClient first = TestClients.client(server).scheduler(TestClients.on(time))
                        .rateLimit("StopPublishCdnStream", shared).build();
                TrtcClient second = TestClients.client(server).scheduler(TestClients.on(time))
                        .rateLimit("StopPublishCdnStream", shared).build()) {
            assertEquals(Map.of("StopPublishCdnStream", 10), first.transport().rateLimits());
            callConcurrently(first, 4, 50);
            callConcurrently(second, 4, 50);
        }
        assertEquals(100, server.received().size());
        assertWithin(time.elapsed(), Duration.ofMillis(99 * 110));
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

            manual.advance(Duration.ofMillis(55));
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
        assertWithin(time.elapsed(), RateLimiter.WINDOW);
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
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                String taskId = "t-" + i;
                futures.add(pool.submit(() -> {
                    String answer = client.stopPublishCdnStream(stop(taskId)).taskId();
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

    /** {@code elapsed} is {@code expected} plus at most a millisecond (the limiter's nanosecond per window). */
    private static void assertWithin(Duration elapsed, Duration expected) {
        assertTrue(elapsed.compareTo(expected) >= 0 && elapsed.compareTo(expected.plusMillis(1)) < 0,
                "expected about " + expected + " of virtual time, not " + elapsed);
    }
}
