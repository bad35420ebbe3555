package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.echo;
import static dev.tcgen.client.trtc.TestClients.server;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.RetryPolicy;
import dev.tcgen.client.core.TencentCloudException;
import dev.tcgen.client.trtc.FakeTrtcServer.Answer;
import dev.tcgen.client.trtc.v20190722.Region;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamResponse;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcErrorCode;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import dev.tcgen.runtime.testing.VirtualTime;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code ...Async} methods: same retries and rate limits as the blocking ones, but waiting is a timer, never a
 * blocked thread. Manual virtual time lets the tests look at calls while they wait.
 */
@Timeout(60)
class AsyncEndToEndTest {

    private FakeTrtcServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** The exception a future failed with. */
    static TrtcException failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(TrtcException.class, e.getCause());
    }

    /**
     * As README shows: {@code whenComplete} on the call's own future receives the service exception itself, while a
     * stage after {@code thenAccept} would receive it wrapped in a {@code CompletionException}.
     */
    @Test
    void whenCompleteOnTheCallsFutureReceivesTheServiceExceptionItself() throws Exception {
        server = server(request -> Answer.error("ResourceNotFound", "no such task", "req-404"));
        try (TrtcClient client = TestClients.client(server).build()) {
            CompletableFuture<Throwable> seen = new CompletableFuture<>();

            client.stopPublishCdnStreamAsync(stop("t-404")).whenComplete((response, failure) -> seen.complete(failure));

            TrtcException e = assertInstanceOf(TrtcException.class, seen.get(10, TimeUnit.SECONDS));
            assertEquals(TrtcErrorCode.RESOURCE_NOT_FOUND, e.errorCode());
        }
    }

    @Test
    void anAsyncCallCompletesWithTheTypedResponse() throws Exception {
        server = server(request -> echo(request, "req-async"));
        try (TrtcClient client = TestClients.client(server).build()) {
            StopPublishCdnStreamResponse response =
                    client.stopPublishCdnStreamAsync(stop("t-1")).get(10, TimeUnit.SECONDS);

            assertEquals("t-1", response.taskId());
            assertEquals("req-async", response.requestId());
        }
        assertTrue(server.received().get(0).signatureValid());
    }

    @Test
    void aRetryIsATimerNotASleepingThread() throws Exception {
        VirtualTime time = VirtualTime.manual();
        AtomicInteger answered = new AtomicInteger();
        server = server(request -> answered.incrementAndGet() == 1
                ? Answer.error("InternalError", "Internal error.", "req-1") : echo(request, "req-2"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).retryPolicy(RetryPolicy.builder()
                .baseDelay(Duration.ofSeconds(1)).jitter(() -> 1.0).build()).build()) {
            CompletableFuture<StopPublishCdnStreamResponse> future = client.stopPublishCdnStreamAsync(stop("t-1"));

            awaitTimers(time, 1);
            assertFalse(future.isDone(), "the retry waits for its timer");
            assertEquals(1, server.received().size());

            time.advance(Duration.ofSeconds(1));

            assertEquals("req-2", future.get(10, TimeUnit.SECONDS).requestId());
            assertEquals(2, server.received().size());
        }
    }

    @Test
    void rateLimitedAsyncCallsQueueWithoutHoldingAThread() throws Exception {
        VirtualTime time = VirtualTime.manual();
        server = server(request -> echo(request, "req"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .rateLimit("StopPublishCdnStream", 2).build()) {
            List<CompletableFuture<StopPublishCdnStreamResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                futures.add(client.stopPublishCdnStreamAsync(stop("t-" + i)));
            }
            futures.get(0).get(10, TimeUnit.SECONDS);
            assertEquals(1, time.pendingTimers(), "one timer releases the queue");
            assertEquals(1, server.received().size());
            assertTrue(futures.subList(1, 5).stream().noneMatch(CompletableFuture::isDone));

            time.advance(Duration.ofMillis(499));
            assertTrue(futures.subList(1, 5).stream().noneMatch(CompletableFuture::isDone), "one every 500 ms");

            time.advance(Duration.ofMillis(1));
            futures.get(1).get(10, TimeUnit.SECONDS);
            time.advance(Duration.ofMillis(499));
            assertFalse(futures.get(2).isDone(), "the first request counts until a second after its answer");
            time.advance(Duration.ofMillis(2));
            futures.get(2).get(10, TimeUnit.SECONDS);
            time.advance(Duration.ofMillis(500));
            futures.get(3).get(10, TimeUnit.SECONDS);
            assertFalse(futures.get(4).isDone());

            time.advance(Duration.ofSeconds(1));
            futures.get(4).get(10, TimeUnit.SECONDS);
        }
        assertEquals(5, server.received().size());
    }

    @Test
    void aCancelledWaitingCallIsNeverSent() throws Exception {
        VirtualTime time = VirtualTime.manual();
        server = server(request -> echo(request, "req"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .rateLimit("StopPublishCdnStream", 1).build()) {
            client.stopPublishCdnStreamAsync(stop("first")).get(10, TimeUnit.SECONDS);
            CompletableFuture<StopPublishCdnStreamResponse> waiting = client.stopPublishCdnStreamAsync(stop("second"));
            CompletableFuture<StopPublishCdnStreamResponse> next = client.stopPublishCdnStreamAsync(stop("third"));

            assertTrue(waiting.cancel(false));
            time.advance(Duration.ofSeconds(2));

            assertEquals("third", next.get(10, TimeUnit.SECONDS).taskId());
        }
        assertEquals(List.of("first", "third"), server.received().stream()
                .map(TestClients::taskId).toList());
    }

    @Test
    void closingTheClientStopsACallWaitingToBeRetried() throws Exception {
        VirtualTime time = VirtualTime.manual();
        server = server(request -> Answer.error("InternalError", "Internal error.", "req-1"));
        TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).build();
        CompletableFuture<StopPublishCdnStreamResponse> future = client.stopPublishCdnStreamAsync(stop("t-1"));
        awaitTimers(time, 1);

        client.close();
        time.advance(Duration.ofSeconds(10));

        TrtcException e = failure(future);
        assertEquals(TencentCloudException.CLIENT_CLOSED, e.code());
        assertEquals(1, e.attempts());
        assertTrue(e.getMessage().contains("while the call waited to be retried"), e.getMessage());
        assertEquals("InternalError", ((TencentCloudException) e.getCause()).code());
        assertEquals(1, server.received().size());
    }

    @Test
    void closingTheClientStopsACallWaitingForItsPermit() throws Exception {
        VirtualTime time = VirtualTime.manual();
        server = server(request -> echo(request, "req"));
        TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).rateLimit("StopPublishCdnStream", 1).build();
        client.stopPublishCdnStreamAsync(stop("first")).get(10, TimeUnit.SECONDS);
        CompletableFuture<StopPublishCdnStreamResponse> waiting = client.stopPublishCdnStreamAsync(stop("second"));

        client.close();
        time.advance(Duration.ofSeconds(2));

        TrtcException e = failure(waiting);
        assertEquals(TencentCloudException.CLIENT_CLOSED, e.code());
        assertEquals(0, e.attempts());
        assertEquals(1, server.received().size());
    }

    @Test
    void anUnsupportedRegionFailsTheFutureInsteadOfThrowing() throws IOException {
        server = server(request -> echo(request, "unused"));
        try (TrtcClient client = TestClients.client(server).region(Region.AP_BEIJING).build()) {
            CompletableFuture<StopPublishCdnStreamResponse> future = client.stopPublishCdnStreamAsync(stop("t-1"));

            assertEquals(TencentCloudException.CLIENT_UNSUPPORTED_REGION, failure(future).code());
        }
        assertTrue(server.received().isEmpty());
    }

    /** Waits (in real time, briefly) until the call in flight has reached its retry timer. */
    private static void awaitTimers(VirtualTime time, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (time.pendingTimers() < count) {
            assertTrue(System.nanoTime() < deadline, "no timer was scheduled");
            Thread.sleep(5);
        }
    }
}
