package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.SECRET_ID;
import static dev.tcgen.client.trtc.TestClients.SECRET_KEY;
import static dev.tcgen.client.trtc.TestClients.describe;
import static dev.tcgen.client.trtc.TestClients.echo;
import static dev.tcgen.client.trtc.TestClients.server;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.CallOptions;
import dev.tcgen.client.core.Credentials;
import dev.tcgen.client.core.RetryPolicy;
import dev.tcgen.client.core.TencentCloudException;
import dev.tcgen.client.trtc.FakeTrtcServer.Answer;
import dev.tcgen.client.trtc.v20190722.DescribeCloudRecordingResponse;
import dev.tcgen.client.trtc.v20190722.FakeTrtcClient;
import dev.tcgen.client.trtc.v20190722.Region;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import dev.tcgen.runtime.testing.IndependentTc3Verifier;
import dev.tcgen.runtime.testing.VirtualTime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Per-call options ({@code withOptions}) against the verifying server: headers, credentials, retries, timeouts. */
@Timeout(60)
class CallOptionsEndToEndTest {

    private static final String OTHER_ID = "AKIDotherAccount0000000000000EXAMPLE";
    private static final String OTHER_KEY = "otherSecretKey000000000000EXAMPLE";

    private FakeTrtcServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static CallOptions trace(String id) {
        return CallOptions.builder().header("X-Trace", id).build();
    }

    @Test
    void aHeaderGoesWithTheBlockingAndAsyncCallsThatHaveItOnly() throws Exception {
        server = server(request -> echo(request, "req"));
        try (TrtcClient client = TestClients.client(server).build()) {
            client.withOptions(trace("blocking")).stopPublishCdnStream(stop("t-1"));
            client.withOptions(trace("async")).withRegion(Region.of("ap-hongkong"))
                    .stopPublishCdnStreamAsync(stop("t-2")).get(10, TimeUnit.SECONDS);
            client.stopPublishCdnStream(stop("t-3"));
        }
        assertEquals(3, server.received().size());
        assertEquals("blocking", server.received().get(0).header("X-Trace"));
        assertEquals("async", server.received().get(1).header("X-Trace"));
        assertEquals("ap-hongkong", server.received().get(1).header("X-TC-Region"));
        assertNull(server.received().get(2).header("X-Trace"), "the next plain call has no such header");
        assertEquals("ap-guangzhou", server.received().get(2).header("X-TC-Region"));
        server.received().forEach(request -> assertTrue(request.signatureValid(), request.signatureProblem()));
    }

    @Test
    void perCallCredentialsSignThoseCallsOnly() throws Exception {
        server = new FakeTrtcServer(new IndependentTc3Verifier(OTHER_ID, OTHER_KEY, "trtc"),
                request -> echo(request, "req"));
        try (TrtcClient client = TestClients.client(server).retryPolicy(RetryPolicy.none()).build()) {
            TrtcClient other = client.withOptions(CallOptions.builder()
                    .credentials(Credentials.of(OTHER_ID, OTHER_KEY)).build());
            other.stopPublishCdnStream(stop("t-1"));
            other.stopPublishCdnStreamAsync(stop("t-2")).get(10, TimeUnit.SECONDS);
            TrtcException plain = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-3")));
            assertEquals("AuthFailure.SignatureFailure", plain.code());
        }
        assertEquals(3, server.received().size());
        for (int i = 0; i < 2; i++) {
            assertTrue(server.received().get(i).signatureValid(), server.received().get(i).signatureProblem());
            assertTrue(server.received().get(i).header("Authorization").contains("Credential=" + OTHER_ID + "/"));
        }
        assertTrue(server.received().get(2).header("Authorization").contains("Credential=" + SECRET_ID + "/"));
        assertFalse(server.received().get(2).signatureValid());
        assertFalse(SECRET_KEY.equals(OTHER_KEY));
    }

    @Test
    void aPerCallRetryPolicyReplacesTheClientsBlockingAndAsync() throws Exception {
        VirtualTime time = VirtualTime.autoAdvancing();
        server = server(request -> Answer.error("InternalError", "Internal error.", "req"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).build()) {
            TrtcClient once = client.withOptions(CallOptions.builder().retryPolicy(RetryPolicy.none()).build());

            TrtcException blocking = assertThrows(TrtcException.class, () -> once.describeCloudRecording(describe("a")));
            assertEquals("InternalError", blocking.code());
            assertEquals(1, blocking.attempts());
            TrtcException async = AsyncEndToEndTest.failure(once.describeCloudRecordingAsync(describe("b")));
            assertEquals(1, async.attempts());

            TrtcException retried = assertThrows(TrtcException.class, () -> client.describeCloudRecording(describe("c")));
            assertEquals(client.transport().retryPolicy().maxRetries() + 1, retried.attempts());
        }
        assertEquals(2 + RetryPolicy.defaults().maxRetries() + 1, server.received().size());
    }

    @Test
    void aPerCallCallTimeoutEndsRetriesAtItsDeadlineBlockingAndAsync() throws Exception {
        VirtualTime time = VirtualTime.autoAdvancing();
        server = server(request -> Answer.error("InternalError", "Internal error.", "req"));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(30))
                        .jitter(() -> 1.0).build()).build()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client
                    .withOptions(CallOptions.builder().callTimeout(Duration.ofMillis(2500)).build())
                    .describeCloudRecording(describe("t-1")));
            assertEquals(TencentCloudException.CLIENT_DEADLINE_EXCEEDED, e.code());
            assertEquals(2, e.attempts(), "at 0 s and 1 s; the next would be at 3 s");

            TrtcException async = AsyncEndToEndTest.failure(client
                    .withOptions(CallOptions.builder().callTimeout(Duration.ofMillis(2500)).build())
                    .describeCloudRecordingAsync(describe("t-2")));
            assertEquals(e.code() + " after " + e.attempts(), async.code() + " after " + async.attempts());
        }
    }

    @Test
    void aPerCallRequestTimeoutEndsTheAttemptAsyncAndBlocking() throws Exception {
        VirtualTime time = VirtualTime.manual();
        server = server(request -> Answer.silence());
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).build()) {
            CompletableFuture<DescribeCloudRecordingResponse> call = client.withOptions(CallOptions.builder()
                    .requestTimeout(Duration.ofSeconds(2)).retryPolicy(RetryPolicy.none()).build())
                    .describeCloudRecordingAsync(describe("t-1"));
            server.awaitRequests(1);
            time.advance(Duration.ofMillis(1999));
            assertFalse(call.isDone());

            time.advance(Duration.ofMillis(1));

            TrtcException e = AsyncEndToEndTest.failure(call);
            assertEquals(TencentCloudException.CLIENT_REQUEST_TIMEOUT, e.code());
            assertTrue(e.errorMessage().contains("2000 ms"), e.errorMessage());

            CompletableFuture<DescribeCloudRecordingResponse> blocking = CompletableFuture.supplyAsync(() -> client
                    .withOptions(CallOptions.builder().requestTimeout(Duration.ofSeconds(3))
                            .retryPolicy(RetryPolicy.none()).build())
                    .describeCloudRecording(describe("t-2")));
            server.awaitRequests(1);   // its timer was set before it was sent
            time.advance(Duration.ofMillis(2999));
            assertFalse(blocking.isDone());

            time.advance(Duration.ofMillis(1));

            TrtcException blockingFailure = AsyncEndToEndTest.failure(blocking);
            assertEquals(TencentCloudException.CLIENT_REQUEST_TIMEOUT, blockingFailure.code());
            assertTrue(blockingFailure.errorMessage().contains("3000 ms"), blockingFailure.errorMessage());
        }
    }

    @Test
    void closingTheClientEndsItsOptionsCopies() throws Exception {
        server = server(request -> echo(request, "req"));
        TrtcClient client = TestClients.client(server).build();
        TrtcClient traced = client.withOptions(trace("x"));
        client.close();
        TrtcException e = assertThrows(TrtcException.class, () -> traced.stopPublishCdnStream(stop("t-1")));
        assertEquals(TencentCloudException.CLIENT_CLOSED, e.code());
    }

    @Test
    void optionsDoNotApplyToAFake() {
        FakeTrtcClient fake = new FakeTrtcClient(Region.AP_GUANGZHOU);
        assertSame(fake, fake.withOptions(trace("x")));
    }
}
