package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures the default policy retries, and the backoff it waits. */
class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.defaults();

    @ParameterizedTest
    @CsvSource({
        "RequestLimitExceeded, true", "RequestLimitExceeded.UinLimitExceeded, true",
        "RequestLimitExceeded.GlobalRegionUinLimitExceeded, true", "InternalError, true", "InternalError.DbError, true",
        "ServiceUnavailable, true", "InternalErrors, false", "AuthFailure, false", "AuthFailure.SignatureExpire, false",
        "InvalidParameter, false", "InvalidParameterValue, false", "MissingParameter, false",
        "ResourceNotFound, false", "ResourceUnavailable, false", "ResourceInsufficient, false",
        "FailedOperation, false", "LimitExceeded, false", "UnsupportedRegion, false",
    })
    void apiCodes(String code, boolean retried) {
        assertEquals(retried, policy.isRetryable(failure(code, 200, null)), code);
        assertEquals(retried, RetryPolicy.isTransientCode(code), code);
    }

    @Test
    void failuresBeforeAResponseAreRetriedExceptARequestTimeout() {
        assertTrue(policy.isRetryable(network(new ConnectException("Connection refused"))));
        assertTrue(policy.isRetryable(network(new HttpConnectTimeoutException("connect timed out"))));
        assertTrue(policy.isRetryable(network(new IOException("HTTP/1.1 header parser received no bytes"))));
        assertTrue(policy.isRetryable(network(new EOFException("EOF reached while reading"))));
        assertFalse(policy.isRetryable(network(new HttpTimeoutException("request timed out"))));
    }

    @ParameterizedTest
    @CsvSource({"500, true", "502, true", "503, true", "504, true", "429, true", "200, false", "400, false",
        "404, false"})
    void invalidResponsesAreRetriedForServerErrorsAndThrottling(int status, boolean retried) {
        assertEquals(retried, policy.isRetryable(failure(TencentCloudException.CLIENT_INVALID_RESPONSE, status, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {TencentCloudException.CLIENT_CLOSED, TencentCloudException.CLIENT_INTERRUPTED,
        TencentCloudException.CLIENT_RATE_LIMITED, TencentCloudException.CLIENT_CREDENTIALS})
    void theClientsOwnFailuresAreNeverRetried(String code) {
        RetryPolicy everything = RetryPolicy.builder().retryableCodes(c -> true).build();
        assertFalse(everything.isRetryable(failure(code, 0, null)));
    }

    @Test
    void theBackoffDoublesFromTheBaseUpToTheCapScaledByTheJitter() {
        RetryPolicy ceiling = RetryPolicy.builder().jitter(() -> 1.0).build();
        assertEquals(Duration.ofMillis(200), ceiling.delayBeforeRetry(1));
        assertEquals(Duration.ofMillis(400), ceiling.delayBeforeRetry(2));
        assertEquals(Duration.ofMillis(800), ceiling.delayBeforeRetry(3));
        assertEquals(Duration.ofSeconds(5), ceiling.delayBeforeRetry(10));
        assertEquals(Duration.ofSeconds(5), ceiling.delayBeforeRetry(Integer.MAX_VALUE));
        assertEquals(Duration.ZERO, RetryPolicy.builder().jitter(() -> 0.0).build().delayBeforeRetry(3));
        for (int retry = 1; retry < 20; retry++) {
            Duration delay = policy.delayBeforeRetry(retry);
            assertFalse(delay.isNegative());
            assertTrue(delay.compareTo(ceiling.delayBeforeRetry(retry)) <= 0, delay.toString());
        }
    }

    @Test
    void theDefaultsAreDocumented() {
        assertEquals(3, policy.maxRetries());
        assertEquals("RetryPolicy[maxRetries=3, baseDelay=PT0.2S, maxDelay=PT5S]", policy.toString());
        assertEquals(0, RetryPolicy.none().maxRetries());
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxRetries(-1));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().baseDelay(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxDelay(Duration.ofSeconds(-1)));
        assertThrows(IllegalStateException.class, () -> RetryPolicy.builder()
                .baseDelay(Duration.ofSeconds(2)).maxDelay(Duration.ofSeconds(1)).build());
        assertThrows(IllegalArgumentException.class, () -> policy.delayBeforeRetry(0));
    }

    private static TencentCloudException failure(String code, int status, Throwable cause) {
        return new TencentCloudException(code, "message", null, status, cause);
    }

    private static TencentCloudException network(IOException cause) {
        return failure(TencentCloudException.CLIENT_NETWORK_FAILURE, 0, cause);
    }
}
