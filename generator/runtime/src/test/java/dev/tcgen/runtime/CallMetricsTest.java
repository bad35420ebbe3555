package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.runtime.ScriptedHttpClient.Answer;
import dev.tcgen.runtime.testing.CapturingLogger;
import dev.tcgen.runtime.testing.VirtualTime;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The metrics of a call, given to each listener once when the call ends, exact on virtual time: attempts, latency,
 * the last answer's status and RequestId, the error code, and the time waited for rate-limit permits and backoff.
 */
@Timeout(30)
class CallMetricsTest {

    private final VirtualTime time = VirtualTime.autoAdvancing();
    private final CapturingLogger logger = new CapturingLogger();
    private final List<CallMetrics> metrics = Collections.synchronizedList(new ArrayList<>());

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRetriedRateLimitedCallWaitedExactlyItsBackoffAndTheRestOfItsPermitsSecond(boolean async) {
        AtomicInteger answers = new AtomicInteger();
        ScriptedHttpClient http = new ScriptedHttpClient(sent -> answers.incrementAndGet() == 1
                ? Answer.error("InternalError", "req-1") : Answer.response("req-2"));
        try (ApiTransport transport = transport(http, builder -> builder.rateLimit("DescribeInstances", 1))) {
            InterceptorTest.call(transport, "DescribeInstances", async);
        }

        assertEquals(List.of(new CallMetrics("cvm", "DescribeInstances", "ap-guangzhou", 2,
                Duration.ofSeconds(1).plusNanos(1), 200, null, "req-2", Duration.ofMillis(800).plusNanos(1),
                Duration.ofMillis(200))), metrics, "the backoff is the policy's 200 ms (full jitter of 1.0); the "
                + "second permit comes a second after the first was released");
        assertTrue(metrics.get(0).succeeded());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFailedCallHasItsCodeStatusAndRequestId(boolean async) {
        ScriptedHttpClient http = new ScriptedHttpClient(sent -> Answer.error("ResourceNotFound", "req-9"));
        try (ApiTransport transport = transport(http, builder -> builder)) {
            assertThrows(TencentCloudException.class, () -> InterceptorTest.call(transport, "DescribeInstances", async));
        }

        assertEquals(List.of(new CallMetrics("cvm", "DescribeInstances", "ap-guangzhou", 1, Duration.ZERO, 200,
                "ResourceNotFound", "req-9", Duration.ZERO, Duration.ZERO)), metrics);
        assertFalse(metrics.get(0).succeeded());
    }

    @Test
    void aCallThatSentNothingHasNoAttemptsNoStatusAndNoRequestId() {
        ScriptedHttpClient http = new ScriptedHttpClient(sent -> Answer.response("unused"));
        try (ApiTransport transport = transport(http, builder -> builder.credentials(() -> {
            throw new CredentialsException("the vault is sealed");
        }))) {
            assertThrows(TencentCloudException.class, () -> InterceptorTest.call(transport, "DescribeInstances", false));
        }

        assertEquals(List.of(new CallMetrics("cvm", "DescribeInstances", "ap-guangzhou", 0, Duration.ZERO, 0,
                TencentCloudException.CLIENT_CREDENTIALS, null, Duration.ZERO, Duration.ZERO)), metrics);
    }

    @Test
    void aThrowingListenerIsLoggedOnceAndTheCallKeepsItsOutcome() {
        ScriptedHttpClient http = new ScriptedHttpClient(sent -> Answer.response("req-1"));
        MetricsListener broken = call -> {
            throw new IllegalStateException("the registry is closed");
        };
        List<CallMetrics> after = Collections.synchronizedList(new ArrayList<>());
        try (ApiTransport transport = transport(http, builder -> builder.metricsListener(broken)
                .metricsListener(after::add))) {
            assertTrue(InterceptorTest.call(transport, "DescribeInstances", false).contains("\"RequestId\":\"req-1\""));
            assertTrue(InterceptorTest.call(transport, "DescribeInstances", true).contains("\"RequestId\":\"req-1\""));
        }

        assertEquals(metrics, after, "the listener after it is still called");
        assertEquals(2, after.size());
        List<CapturingLogger.Entry> warnings = logger.at(Level.WARNING);
        assertEquals(1, warnings.size(), logger.allText());
        assertTrue(warnings.get(0).message().startsWith(broken.getClass().getName() + " threw in callEnded of "
                + "CallMetrics[cvm DescribeInstances ap-guangzhou: success after 1 attempt in 0 ms, HTTP 200, "
                + "RequestId req-1"), warnings.get(0).message());
    }

    @Test
    void theCallOptionsListenersComeAfterTheTransportsAndOnlyForTheirCalls() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        ScriptedHttpClient http = new ScriptedHttpClient(sent -> Answer.response("req-1"));
        try (ApiTransport transport = transport(http, builder -> builder.metricsListener(call -> order.add("client")))) {
            InterceptorTest.call(transport.with(CallOptions.builder().metricsListener(call -> order.add("options"))
                    .build()), "DescribeInstances", false);
            InterceptorTest.call(transport, "DescribeInstances", false);
        }

        assertEquals(List.of("client", "options", "client"), order);
    }

    @Test
    void toStringIsOneLineWithTheServersTextEscaped() {
        CallMetrics call = new CallMetrics("cvm", "DescribeInstances", null, 1, Duration.ofMillis(12), 200,
                "Forged\nCode", "req\u001b[2J", Duration.ZERO, Duration.ofMillis(200));

        assertEquals("CallMetrics[cvm DescribeInstances (no region): Forged\\nCode after 1 attempt in 12 ms, HTTP 200, "
                + "RequestId req\\u001b[2J, rate-limit wait 0 ms, backoff 200 ms]", call.toString());
    }

    /** A cvm transport on {@code http} and virtual time whose calls' metrics go to {@link #metrics}. */
    private ApiTransport transport(ScriptedHttpClient http, Function<ApiTransport.Builder, ApiTransport.Builder> more) {
        return more.apply(InterceptorTest.cvm(http, time, logger).metricsListener(metrics::add)).build();
    }
}
