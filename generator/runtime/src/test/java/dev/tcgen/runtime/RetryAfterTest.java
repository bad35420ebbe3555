package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.runtime.ScriptedHttpClient.Answer;
import dev.tcgen.runtime.testing.CapturingLogger;
import dev.tcgen.runtime.testing.VirtualTime;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code Retry-After} given as an HTTP date (RFC 9110: {@code Wed, 01 May 2024 00:00:03 GMT}) rather than in
 * seconds, on virtual time that starts at {@link VirtualTime#EPOCH}: the wait is the time until that date, honoured
 * within the policy's cap; a date already past asks for no wait, so the policy's backoff alone applies.
 */
@Timeout(30)
class RetryAfterTest {

    private final VirtualTime time = VirtualTime.autoAdvancing();
    private final List<CallMetrics> metrics = Collections.synchronizedList(new ArrayList<>());

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDateThreeSecondsAheadIsWaitedForExactly(boolean async) {
        ScriptedHttpClient http = turnedAwayOnceUntil(httpDate(Duration.ofSeconds(3)));
        try (ApiTransport transport = transport(http)) {
            InterceptorTest.call(transport, "DescribeInstances", async);
        }

        assertEquals(2, http.sent().size());
        assertEquals(1, metrics.size());
        assertEquals(Duration.ofSeconds(3), metrics.get(0).backoff(), metrics.toString());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDatePastIsNoWaitSoTheBackoffAlone(boolean async) {
        ScriptedHttpClient http = turnedAwayOnceUntil(httpDate(Duration.ofSeconds(-30)));
        try (ApiTransport transport = transport(http)) {
            InterceptorTest.call(transport, "DescribeInstances", async);
        }

        assertEquals(2, http.sent().size());
        assertEquals(Duration.ofMillis(200), metrics.get(0).backoff(), "the policy's first backoff (jitter 1.0)");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDateBeyondTheCapEndsTheCallAtOnce(boolean async) {
        String date = httpDate(Duration.ofMinutes(2));
        ScriptedHttpClient http = turnedAwayOnceUntil(date);
        try (ApiTransport transport = transport(http)) {
            TencentCloudException e = assertThrows(TencentCloudException.class,
                    () -> InterceptorTest.call(transport, "DescribeInstances", async));

            assertEquals(TencentCloudException.CLIENT_INVALID_RESPONSE, e.code());
            assertEquals(503, e.httpStatus());
            assertEquals(1, e.attempts());
            assertTrue(e.getMessage().contains("; Retry-After " + date), e.getMessage());
        }
        assertEquals(Duration.ZERO, time.elapsed());
    }

    /** A server that turns the first request away with a 503 page and {@code Retry-After: date}, then answers. */
    private static ScriptedHttpClient turnedAwayOnceUntil(String date) {
        AtomicInteger requests = new AtomicInteger();
        return new ScriptedHttpClient(sent -> requests.getAndIncrement() > 0 ? Answer.response("req-2")
                : new Answer(503, Map.of("Content-Type", List.of("text/html"), "Retry-After", List.of(date)),
                        "<html>Service Unavailable</html>", null, false));
    }

    /** The time {@code after} the virtual clock's start, as an HTTP date. */
    private static String httpDate(Duration after) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(VirtualTime.EPOCH.plus(after).atOffset(ZoneOffset.UTC));
    }

    private ApiTransport transport(ScriptedHttpClient http) {
        return InterceptorTest.cvm(http, time, new CapturingLogger()).metricsListener(metrics::add).build();
    }
}
