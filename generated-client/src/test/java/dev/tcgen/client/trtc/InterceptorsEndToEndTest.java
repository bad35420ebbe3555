package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.describe;
import static dev.tcgen.client.trtc.TestClients.echo;
import static dev.tcgen.client.trtc.TestClients.server;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tcgen.client.core.CallMetrics;
import dev.tcgen.client.core.CallOptions;
import dev.tcgen.client.core.Interceptor;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client's interceptors and metrics listeners, set on its builder and per call, against a server that checks every
 * signature: a header added before signing reaches the server and the signature still verifies; every attempt is seen;
 * every call's metrics arrive once, before the caller gets its answer.
 */
@Timeout(60)
class InterceptorsEndToEndTest {

    private final VirtualTime time = VirtualTime.autoAdvancing();
    private final List<String> attempts = Collections.synchronizedList(new ArrayList<>());
    private final List<CallMetrics> metrics = Collections.synchronizedList(new ArrayList<>());
    private FakeTrtcServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aTraceHeaderReachesTheServerOnEveryAttemptAndEveryCallIsMeasured() throws Exception {
        AtomicInteger answers = new AtomicInteger();
        server = server(request -> answers.incrementAndGet() == 1
                ? Answer.error("InternalError", "Internal error.", "req-1") : echo(request, "req-" + answers.get()));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time))
                .retryPolicy(RetryPolicy.builder().jitter(() -> 1.0).build())
                .interceptor(new Tracing("client"))
                .metricsListener(metrics::add)
                .build()) {
            assertEquals("req-2", client.stopPublishCdnStream(stop("t-1")).requestId());
            assertEquals(1, metrics.size(), "before the caller got its answer");
            assertEquals("req-3", client.withOptions(CallOptions.builder().interceptor(new Tracing("options")).build())
                    .describeCloudRecordingAsync(describe("t-2")).get(10, TimeUnit.SECONDS).requestId());
        }

        assertEquals(List.of("trace-client-1", "trace-client-2", "trace-options-1"), server.received().stream()
                .map(request -> request.header("X-Trace-Id")).toList(), "the last interceptor's value wins");
        assertEquals(3, server.received().stream().filter(request -> request.signatureProblem() == null).count(),
                "every signature verifies");
        assertEquals(List.of(
                "client StopPublishCdnStream ap-guangzhou attempt 1: HTTP 200 InternalError req-1",
                "client StopPublishCdnStream ap-guangzhou attempt 2: HTTP 200 ok req-2",
                "client DescribeCloudRecording ap-guangzhou attempt 1: HTTP 200 ok req-3",
                "options DescribeCloudRecording ap-guangzhou attempt 1: HTTP 200 ok req-3"), attempts);
        assertEquals(List.of(
                new CallMetrics("trtc", "StopPublishCdnStream", "ap-guangzhou", 2, Duration.ofMillis(200), 200, null,
                        "req-2", Duration.ZERO, Duration.ofMillis(200)),
                new CallMetrics("trtc", "DescribeCloudRecording", "ap-guangzhou", 1, Duration.ZERO, 200, null,
                        "req-3", Duration.ZERO, Duration.ZERO)), metrics);
    }

    @Test
    void anInterceptorCannotForgeTheSignedHeadersAndTheCallFailsBeforeSending() throws Exception {
        server = server(request -> echo(request, "req"));
        Interceptor forger = new Interceptor() {
            @Override
            public void beforeSigning(Interceptor.Attempt attempt, Interceptor.Headers headers) {
                headers.set("X-TC-Region", "ap-singapore");
            }
        };
        try (TrtcClient client = TestClients.client(server).interceptor(forger).metricsListener(metrics::add).build()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));

            assertEquals(TencentCloudException.CLIENT_INTERCEPTOR, e.code());
            assertEquals("The header X-TC-Region is set by the client and cannot be set by an interceptor",
                    e.getCause().getMessage());
        }
        assertEquals(List.of(), server.received());
        assertEquals(TencentCloudException.CLIENT_INTERCEPTOR, metrics.get(0).errorCode());
        assertEquals(0, metrics.get(0).attempts());
        assertNull(metrics.get(0).requestId());
    }

    /** Adds {@code X-Trace-Id: trace-<name>-<attempt>} and notes each answer in {@link #attempts}. */
    private final class Tracing implements Interceptor {
        private final String name;

        Tracing(String name) {
            this.name = name;
        }

        @Override
        public void beforeSigning(Interceptor.Attempt attempt, Interceptor.Headers headers) {
            headers.set("X-Trace-Id", "trace-" + name + "-" + attempt.number());
        }

        @Override
        public void afterResponse(Interceptor.Attempt attempt, Interceptor.Response response) {
            attempts.add(name + " " + attempt + ": HTTP " + response.httpStatus() + " "
                    + response.failure().map(TencentCloudException::code).orElse("ok") + " " + response.requestId());
        }

        @Override
        public void afterFailure(Interceptor.Attempt attempt, TencentCloudException failure) {
            attempts.add(name + " " + attempt + ": " + failure.code());
        }
    }
}
