package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.describe;
import static dev.tcgen.client.trtc.TestClients.echo;
import static dev.tcgen.client.trtc.TestClients.server;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.RateLimiter;
import dev.tcgen.client.trtc.FakeTrtcServer.Received;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The documented rate limit kept where Tencent Cloud counts it: at the server. A local server that verifies each
 * signature logs when each request arrives; 200 StopPublishCdnStream calls (documented at 20 per second) on 8
 * threads through one client, repeated 20 times (five repetitions at a time, each with its own server and client, so
 * each also competes with four others for two cores); in every repetition, no one-second window of arrivals, wherever
 * it starts, holds more than 20. The same holds for one limiter shared by two clients, or by two actions of one quota.
 * Real time, so it runs in the {@code reliability} profile; it asserts counts, never a duration.
 */
@Tag("reliability")
@Timeout(600)
class ArrivalWindowTest {

    private static final int LIMIT = 20;
    private static final int REPETITIONS = 20;
    private static final int AT_ONCE = 5;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void twoHundredCallsOnEightThreadsNeverPutMoreThanTheLimitIntoOneSecondAtTheServer() {
        List<Integer> peaks = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            for (int round = 0; round < REPETITIONS / AT_ONCE; round++) {
                List<CompletableFuture<Integer>> repetitions = IntStream.range(0, AT_ONCE)
                        .mapToObj(i -> CompletableFuture.supplyAsync(ArrivalWindowTest::oneRepetition, pool))
                        .toList();
                repetitions.forEach(repetition -> peaks.add(repetition.join()));
            }
        } finally {
            pool.shutdownNow();
        }

        System.out.println("arrival windows: most requests in one second at the server, per repetition (limit "
                + LIMIT + "): " + peaks);
        assertEquals(REPETITIONS, peaks.size());
        assertTrue(peaks.stream().allMatch(peak -> peak <= LIMIT), "more than " + LIMIT + " in a second: " + peaks);
    }

    @Test
    void twoClientsSharingOneLimiterKeepItTogether() throws Exception {
        RateLimiter shared = RateLimiter.perSecond(LIMIT);
        try (FakeTrtcServer server = server(request -> echo(request, "req"))) {
            try (TrtcClient first = TestClients.client(server).rateLimit("StopPublishCdnStream", shared).build();
                    TrtcClient second = TestClients.client(server).rateLimit("StopPublishCdnStream", shared).build()) {
                CompletableFuture<?> a = CompletableFuture.runAsync(() -> calls(first, 4, 100));
                CompletableFuture<?> b = CompletableFuture.runAsync(() -> calls(second, 4, 100));
                a.join();
                b.join();
            }
            int peak = peak(server.received());
            System.out.println("arrival windows: two clients sharing one limiter of " + LIMIT + ": " + peak);
            assertEquals(200, server.received().size());
            assertTrue(peak <= LIMIT, peak + " in one second");
        }
    }

    @Test
    void oneLimiterSetForTwoActionsKeepsThemTogetherWithinIt() throws Exception {
        RateLimiter quota = RateLimiter.perSecond(LIMIT);
        try (FakeTrtcServer server = server(request -> echo(request, "req"))) {
            try (TrtcClient client = TestClients.client(server)
                    .rateLimit("StopPublishCdnStream", quota)
                    .rateLimit("DescribeCloudRecording", quota)
                    .build()) {
                CompletableFuture<?> stops = CompletableFuture.runAsync(() -> calls(4, 100,
                        taskId -> client.stopPublishCdnStream(stop(taskId)).taskId()));
                CompletableFuture<?> describes = CompletableFuture.runAsync(() -> calls(4, 100,
                        taskId -> client.describeCloudRecording(describe(taskId)).taskId()));
                stops.join();
                describes.join();
            }
            int peak = peak(server.received());
            int peakOfStops = peak(server.received().stream().filter(r -> "StopPublishCdnStream".equals(
                    r.header("X-TC-Action"))).toList());
            System.out.println("arrival windows: StopPublishCdnStream and DescribeCloudRecording sharing one limiter of "
                    + LIMIT + ": " + peak + " together (StopPublishCdnStream alone: " + peakOfStops + ")");
            assertEquals(200, server.received().size());
            assertTrue(peak <= LIMIT, peak + " in one second");
        }
    }

    /** One repetition: its own server and client, 200 calls on 8 threads; the most arrivals in one second. */
    private static int oneRepetition() {
        try (FakeTrtcServer server = server(request -> echo(request, "req"))) {
            try (TrtcClient client = TestClients.client(server).build()) {
                calls(client, 8, 200);
            }
            assertEquals(200, server.received().size());
            assertTrue(server.received().stream().allMatch(Received::signatureValid));
            return peak(server.received());
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private static void calls(TrtcClient client, int threads, int calls) {
        calls(threads, calls, taskId -> client.stopPublishCdnStream(stop(taskId)).taskId());
    }

    private static void calls(int threads, int calls, UnaryOperator<String> call) {
        try {
            assertEquals(calls, RateLimitEndToEndTest.callConcurrently(threads, calls, call).size());
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** The most arrivals in any closed window of one second. */
    static int peak(List<Received> received) {
        long[] arrivals = received.stream().mapToLong(Received::arrivedNanos).sorted().toArray();
        int peak = 0;
        int first = 0;
        for (int last = 0; last < arrivals.length; last++) {
            while (arrivals[last] - arrivals[first] > SECOND) {
                first++;
            }
            peak = Math.max(peak, last - first + 1);
        }
        return peak;
    }
}
