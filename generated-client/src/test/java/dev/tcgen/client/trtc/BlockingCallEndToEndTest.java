package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.describe;
import static dev.tcgen.client.trtc.TestClients.echo;
import static dev.tcgen.client.trtc.TestClients.server;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.RetryPolicy;
import dev.tcgen.client.core.TencentCloudException;
import dev.tcgen.client.trtc.FakeTrtcServer.Answer;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import dev.tcgen.runtime.testing.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A blocking call is made in the caller's thread: it waits for its rate-limit permit and before a retry there
 * ({@code Scheduler.sleep}, never a timer), and sends with {@code HttpClient.send}. Its timeouts interrupt that thread;
 * an interrupt of the caller's ends the call with {@code ClientError.Interrupted} and the flag set again, while one of
 * the client's own (a timeout) leaves no interrupt behind.
 */
@Timeout(60)
class BlockingCallEndToEndTest {

    private FakeTrtcServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void thePermitWaitAndTheBackoffAreSleepsOfTheCallersThread() throws Exception {
        VirtualTime time = VirtualTime.autoAdvancing();
        RecordingScheduler scheduler = new RecordingScheduler(time);
        AtomicInteger answered = new AtomicInteger();
        server = server(request -> answered.incrementAndGet() == 1
                ? Answer.error("InternalError", "Internal error.", "req-1") : echo(request, "req-2"));
        try (TrtcClient client = TestClients.client(server).scheduler(scheduler).rateLimit("StopPublishCdnStream", 1)
                .retryPolicy(RetryPolicy.builder().jitter(() -> 1.0).build()).build()) {
            assertEquals("req-2", client.stopPublishCdnStream(stop("t-1")).requestId());
        }

        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(800).plusNanos(1)), time.delays(),
                "the backoff, then the rest of the second the first attempt's permit counts for");
        assertEquals(List.of(Thread.currentThread().getName(), Thread.currentThread().getName()), scheduler.sleepers);
        assertEquals(List.of(), scheduler.delays, "no timer waits for a blocking call");
        assertEquals(Duration.ofSeconds(1).plusNanos(1), time.elapsed());
    }

    @Test
    void anInterruptEndsTheCallInFlightAndTheFlagIsSetAgain() throws Exception {
        server = server(request -> Answer.silence());
        try (TrtcClient client = TestClients.client(server).build()) {
            Caller caller = Caller.start(() -> client.describeCloudRecording(describe("t-1")));
            server.awaitRequests(1);

            caller.thread.interrupt();

            Ended ended = caller.ended.get(10, TimeUnit.SECONDS);
            assertEquals(TencentCloudException.CLIENT_INTERRUPTED, ended.failure.code());
            assertEquals("Interrupted while DescribeCloudRecording was waiting for the answer to attempt 1; "
                    + "DescribeCloudRecording may have run", ended.failure.errorMessage());
            assertEquals(1, ended.failure.attempts());
            assertTrue(ended.interrupted, "the interrupt flag is set again");
        }
        assertEquals(1, server.received().size(), "not retried");
    }

    @Test
    void anInterruptWhileWaitingForAPermitSendsNothing() throws Exception {
        VirtualTime time = VirtualTime.manual();
        server = server(request -> echo(request, "req"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .rateLimit("StopPublishCdnStream", 1).build()) {
            client.stopPublishCdnStream(stop("first"));
            Caller caller = Caller.start(() -> client.stopPublishCdnStream(stop("second")));
            awaitSleeping(time);

            caller.thread.interrupt();

            Ended ended = caller.ended.get(10, TimeUnit.SECONDS);
            assertEquals(TencentCloudException.CLIENT_INTERRUPTED, ended.failure.code());
            assertEquals("Interrupted while StopPublishCdnStream was waiting for a rate-limit permit; nothing was sent",
                    ended.failure.errorMessage());
            assertEquals(0, ended.failure.attempts());
            assertTrue(ended.interrupted);
            assertEquals(0, time.pendingTimers(), "the sleep was given up");
        }
        assertEquals(1, server.received().size());
    }

    @Test
    void theDeadlineEndsAnAttemptInFlightAndLeavesNoInterruptBehind() throws Exception {
        VirtualTime time = VirtualTime.manual();
        server = server(request -> Answer.silence());
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .requestTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofSeconds(5)).build()) {
            Caller caller = Caller.start(() -> client.describeCloudRecording(describe("t-1")));
            server.awaitRequests(1);

            time.advance(Duration.ofSeconds(5));

            Ended ended = caller.ended.get(10, TimeUnit.SECONDS);
            assertEquals(TencentCloudException.CLIENT_DEADLINE_EXCEEDED, ended.failure.code());
            assertEquals("DescribeCloudRecording did not finish within its call timeout of 5000 ms; it was waiting for "
                    + "the answer to attempt 1; DescribeCloudRecording may have run", ended.failure.errorMessage());
            assertEquals(1, ended.failure.attempts());
            assertFalse(ended.interrupted, "the client's own interrupt is not the caller's");
            assertEquals(0, time.pendingTimeouts(), "the attempt's timeout is cancelled with it");
        }
    }

    @Test
    void theDeadlineEndsAWaitForAPermit() throws Exception {
        VirtualTime time = VirtualTime.manual();
        server = server(request -> echo(request, "req"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .rateLimit("StopPublishCdnStream", 1).callTimeout(Duration.ofMillis(500)).build()) {
            client.stopPublishCdnStream(stop("first"));
            Caller caller = Caller.start(() -> client.stopPublishCdnStream(stop("second")));
            awaitSleeping(time);

            time.advance(Duration.ofMillis(500));

            Ended ended = caller.ended.get(10, TimeUnit.SECONDS);
            assertEquals(TencentCloudException.CLIENT_DEADLINE_EXCEEDED, ended.failure.code());
            assertEquals("StopPublishCdnStream did not finish within its call timeout of 500 ms; it was waiting for a "
                    + "rate-limit permit; nothing was sent", ended.failure.errorMessage());
            assertFalse(ended.interrupted);
        }
        assertEquals(1, server.received().size());
    }

    @Test
    void aRequestTimeoutIsRetriedAndLeavesNoInterruptBehind() throws Exception {
        VirtualTime time = VirtualTime.manual();
        AtomicInteger answered = new AtomicInteger();
        server = server(request -> answered.incrementAndGet() == 1 ? Answer.silence() : echo(request, "req-2"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .retryPolicy(RetryPolicy.builder().jitter(() -> 0.0).build())
                .requestTimeout(Duration.ofSeconds(5)).build()) {
            CompletableFuture<Boolean> interruptedAfter = CompletableFuture.supplyAsync(() -> {
                client.describeCloudRecording(describe("t-1"));
                return Thread.currentThread().isInterrupted();
            });
            server.awaitRequests(1);

            time.advance(Duration.ofSeconds(5));

            assertFalse(interruptedAfter.get(10, TimeUnit.SECONDS));
        }
        assertEquals(2, server.received().size());
    }

    /** Waits (in real time, briefly) until a thread sleeps on the virtual clock. */
    private static void awaitSleeping(VirtualTime time) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (time.pendingTimers() == 0) {
            assertTrue(System.nanoTime() < deadline, "nobody sleeps");
            Thread.sleep(1);
        }
    }

    /** How a blocking call on its own thread ended: its failure, and the thread's interrupt flag after it. */
    private record Ended(TrtcException failure, boolean interrupted) {}

    /** A blocking call on a thread of its own, which the test can interrupt. */
    private static final class Caller {
        final CompletableFuture<Ended> ended = new CompletableFuture<>();
        final Thread thread;

        private Caller(Supplier<?> call) {
            thread = new Thread(() -> {
                try {
                    call.get();
                    ended.completeExceptionally(new AssertionError("the call succeeded"));
                } catch (TrtcException e) {
                    ended.complete(new Ended(e, Thread.currentThread().isInterrupted()));
                } catch (RuntimeException | Error e) {
                    ended.completeExceptionally(e);
                }
            }, "blocking-caller");
        }

        static Caller start(Supplier<?> call) {
            Caller caller = new Caller(call);
            caller.thread.start();
            return caller;
        }
    }

    /** A virtual clock that notes which threads sleep and which delays are asked for. */
    private static final class RecordingScheduler extends TestClients.OnVirtualTime {
        final List<String> sleepers = Collections.synchronizedList(new ArrayList<>());
        final List<Duration> delays = Collections.synchronizedList(new ArrayList<>());

        RecordingScheduler(VirtualTime time) {
            super(time);
        }

        @Override
        public CompletableFuture<Void> delay(Duration delay) {
            delays.add(delay);
            return super.delay(delay);
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            sleepers.add(Thread.currentThread().getName());
            super.sleep(duration);
        }
    }
}
