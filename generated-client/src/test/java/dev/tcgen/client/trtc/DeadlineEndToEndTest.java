package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.describe;
import static dev.tcgen.client.trtc.TestClients.echo;
import static dev.tcgen.client.trtc.TestClients.server;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.RetryPolicy;
import dev.tcgen.client.core.TencentCloudException;
import dev.tcgen.client.trtc.FakeTrtcServer.Answer;
import dev.tcgen.client.trtc.v20190722.DescribeCloudRecordingResponse;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamResponse;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import dev.tcgen.runtime.testing.VirtualTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The call timeout: one deadline for the whole call, across its attempts, the backoff between them and its waits for
 * rate-limit permits, blocking and async, on virtual time. The message says what the call was waiting for, and so
 * whether the action may have run.
 */
@Timeout(60)
class DeadlineEndToEndTest {

    private FakeTrtcServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aCallWaitingForItsPermitEndsAtItsDeadlineWithNothingSent() throws Exception {
        VirtualTime time = VirtualTime.manual();
        server = server(request -> echo(request, "req"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .rateLimit("StopPublishCdnStream", 1).callTimeout(Duration.ofMillis(500)).build()) {
            client.stopPublishCdnStreamAsync(stop("first")).get(10, TimeUnit.SECONDS);
            CompletableFuture<StopPublishCdnStreamResponse> waiting = client.stopPublishCdnStreamAsync(stop("second"));
            time.advance(Duration.ofMillis(499));
            assertFalse(waiting.isDone());

            time.advance(Duration.ofMillis(1));

            TrtcException e = AsyncEndToEndTest.failure(waiting);
            assertEquals(TencentCloudException.CLIENT_DEADLINE_EXCEEDED, e.code());
            assertEquals(0, e.attempts());
            assertFalse(e.mayHaveRun());
            assertEquals("StopPublishCdnStream did not finish within its call timeout of 500 ms; it was waiting for a "
                    + "rate-limit permit; nothing was sent", e.errorMessage());
            time.advance(Duration.ofSeconds(5));
        }
        assertEquals(1, server.received().size(), "the call that timed out never goes");
    }

    @Test
    void aBlockingCallRetryingPastItsDeadlineEndsThereWithTheLastFailureAsCause() throws Exception {
        VirtualTime time = VirtualTime.autoAdvancing();
        server = server(request -> Answer.error("InternalError", "Internal error.", "req"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(30))
                        .jitter(() -> 1.0).build())
                .callTimeout(Duration.ofMillis(2500)).build()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.describeCloudRecording(describe("t-1")));

            assertEquals(TencentCloudException.CLIENT_DEADLINE_EXCEEDED, e.code());
            assertEquals(2, e.attempts(), "at 0 s and 1 s; the next would be at 3 s");
            assertTrue(e.errorMessage().endsWith("it was waiting to retry after InternalError"), e.errorMessage());
            assertEquals("InternalError", ((TencentCloudException) e.getCause()).code());
            assertFalse(e.mayHaveRun(), "each attempt was answered: InternalError, it did not run");
        }
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), time.delays());
        assertEquals(2, server.received().size());
    }

    @Test
    void anAttemptInFlightAtTheDeadlineIsAbortedAndTheActionMayHaveRun() throws Exception {
        VirtualTime time = VirtualTime.manual();
        server = server(request -> Answer.silence());
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .requestTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofSeconds(5)).build()) {
            CompletableFuture<DescribeCloudRecordingResponse> call = client.describeCloudRecordingAsync(describe("t-1"));
            server.awaitRequests(1);

            time.advance(Duration.ofSeconds(5));

            TrtcException e = AsyncEndToEndTest.failure(call);
            assertEquals(TencentCloudException.CLIENT_DEADLINE_EXCEEDED, e.code());
            assertEquals(1, e.attempts());
            assertTrue(e.errorMessage().endsWith("it was waiting for the answer to attempt 1; DescribeCloudRecording "
                    + "may have run"), e.errorMessage());
            assertTrue(e.mayHaveRun());
            assertEquals(0, time.pendingTimeouts(), "the attempt's own timeout is cancelled with it");
        }
    }

    @Test
    void aCallThatEndsInTimeIsNotTouchedByItsDeadline() throws Exception {
        VirtualTime time = VirtualTime.manual();
        server = server(request -> echo(request, "req-ok"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .callTimeout(Duration.ofSeconds(1)).build()) {
            assertEquals("req-ok", client.stopPublishCdnStream(stop("t-1")).requestId());
            assertEquals(0, time.pendingTimeouts(), "its deadline and its attempt's timeout are cancelled");
        }
    }
}
