package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures the default policy retries, for which actions, and the backoff it waits. */
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
    void apiCodesAreRetriedAlikeForEveryAction(String code, boolean retried) {
        for (Idempotency idempotency : Idempotency.values()) {
            assertEquals(retried, policy.isRetryable(failure(code, 200), idempotency), code + " " + idempotency);
        }
        assertEquals(retried, RetryPolicy.isTransientCode(code), code);
    }

    @ParameterizedTest
    @CsvSource({
        // code, status, retried if not idempotent, retried if idempotent
        "ClientError.ConnectFailed, 0, true, true",
        "ClientError.ConnectionLost, 0, false, true",
        "ClientError.RequestTimeout, 0, false, true",
        "ClientError.InvalidResponse, 429, true, true",
        "ClientError.InvalidResponse, 503, true, true",
        "ClientError.InvalidResponse, 500, false, true",
        "ClientError.InvalidResponse, 502, false, true",
        "ClientError.InvalidResponse, 504, false, true",
        "ClientError.InvalidResponse, 200, false, false",
        "ClientError.InvalidResponse, 400, false, false",
        "ClientError.InvalidResponse, 404, false, false",
    })
    void whatMayHaveRunIsRetriedOnlyForActionsThatAreSafeToRepeat(String code, int status, boolean notIdempotent,
            boolean idempotent) {
        TencentCloudException failure = failure(code, status);

        assertEquals(notIdempotent, policy.isRetryable(failure, Idempotency.NOT_IDEMPOTENT));
        assertEquals(idempotent, policy.isRetryable(failure, Idempotency.IDEMPOTENT));
        assertEquals(idempotent, policy.isRetryable(failure, Idempotency.CLIENT_TOKEN));
        RetryPolicy all = RetryPolicy.builder().retryAllActions(true).build();
        assertEquals(idempotent, all.isRetryable(failure, Idempotency.NOT_IDEMPOTENT), "retryAllActions");
    }

    @ParameterizedTest
    @ValueSource(strings = {TencentCloudException.CLIENT_CLOSED, TencentCloudException.CLIENT_INTERRUPTED,
        TencentCloudException.CLIENT_RATE_LIMITED, TencentCloudException.CLIENT_CREDENTIALS,
        TencentCloudException.CLIENT_DEADLINE_EXCEEDED, TencentCloudException.CLIENT_UNSUPPORTED_REGION,
        TencentCloudException.CLIENT_REQUEST_TOO_LARGE})
    void theClientsOwnFailuresAreNeverRetried(String code) {
        RetryPolicy everything = RetryPolicy.builder().retryableCodes(c -> true).retryAllActions(true).build();
        assertFalse(everything.isRetryable(failure(code, 0), Idempotency.IDEMPOTENT));
    }

    @Test
    void retryAfterIsHonouredWithinTheCapAndOtherwiseEndsTheRetries() {
        RetryPolicy policy = RetryPolicy.builder().jitter(() -> 1.0).maxDelay(Duration.ofSeconds(10)).build();

        assertEquals(Optional.of(Duration.ofMillis(200)), policy.delayBeforeRetry(1, null));
        assertEquals(Optional.of(Duration.ofSeconds(3)), policy.delayBeforeRetry(1, Duration.ofSeconds(3)));
        assertEquals(Optional.of(Duration.ofMillis(400)), policy.delayBeforeRetry(2, Duration.ZERO),
                "a shorter Retry-After does not shorten the backoff");
        assertEquals(Optional.of(Duration.ofSeconds(10)), policy.delayBeforeRetry(1, Duration.ofSeconds(10)));
        assertEquals(Optional.empty(), policy.delayBeforeRetry(1, Duration.ofSeconds(11)),
                "a wait longer than maxDelay is not waited");
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
        assertEquals("RetryPolicy[maxRetries=3, baseDelay=PT0.2S, maxDelay=PT5S, retryAllActions]",
                RetryPolicy.builder().retryAllActions(true).build().toString());
        assertFalse(policy.retryAllActions());
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

    private static TencentCloudException failure(String code, int status) {
        return new TencentCloudException(code, "message", null, status, null);
    }
}
