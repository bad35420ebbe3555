package dev.tcgen.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * When a failed call is tried again, and how long it waits first.
 *
 * <p>Retried, by default up to {@link #DEFAULT_MAX_RETRIES} times:
 * <ul>
 *   <li>for every action, failures that did not deliver the request:
 *       {@link TencentCloudException#CLIENT_CONNECT_FAILED} (refused, unresolved host, connect
 *       timeout, TLS handshake), and answers with HTTP status 429 or 503 that are not API answers
 *       (a proxy turning the request away), after their {@code Retry-After} if they have one;</li>
 *   <li>for every action, the API codes {@code RequestLimitExceeded}, {@code InternalError} and
 *       {@code ServiceUnavailable}, with their sub-codes such as
 *       {@code RequestLimitExceeded.UinLimitExceeded} ({@link #isTransientCode}): the API
 *       answered that it did not carry out the call;</li>
 *   <li>only for actions that are safe to repeat ({@link Idempotency}), failures after which the
 *       action may have run: {@link TencentCloudException#CLIENT_CONNECTION_LOST},
 *       {@link TencentCloudException#CLIENT_REQUEST_TIMEOUT}, and HTTP 500, 502 and 504 pages.
 *       {@link Builder#retryAllActions(boolean)} retries them for every action.</li>
 * </ul>
 * <p>Never retried: every other API code, among them {@code AuthFailure.*},
 * {@code InvalidParameter*}, {@code MissingParameter}, {@code ResourceNotFound},
 * {@code ResourceUnavailable} and {@code ResourceInsufficient} (they describe the request or
 * the resource, which a retry does not change), and the client's own failures.
 *
 * <p>Before retry <i>n</i> the call waits a random time between zero and
 * {@code min(maxDelay, baseDelay * 2^(n-1))} (exponential backoff with "full jitter"), so
 * clients that failed together do not retry together; or longer, when the answer's
 * {@code Retry-After} says so, as long as that is within {@code maxDelay} (otherwise the call
 * fails at once). Every attempt is signed again, with a new timestamp, and takes its own
 * rate-limit permit. The final exception tells how many attempts were made
 * ({@link TencentCloudException#attempts()}).
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder()
 *         .maxRetries(5)
 *         .baseDelay(Duration.ofMillis(500))
 *         .maxDelay(Duration.ofSeconds(20))
 *         .build();
 * RetryPolicy never = RetryPolicy.none();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RetryPolicy {
    /**
     * Retries after the first attempt by default: 3, so at most 4 requests per call.
     */
    public static final int DEFAULT_MAX_RETRIES = 3;

    /**
     * The longest wait before the first retry by default: 200 ms; it doubles for each
     * further retry.
     */
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(200);

    /**
     * The cap on the wait before any retry by default: 5 seconds.
     */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(5);

    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxRetries;

    private final Duration baseDelay;

    private final Duration maxDelay;

    private final Predicate<String> retryableCodes;

    private final DoubleSupplier jitter;

    private final boolean retryAllActions;

    private RetryPolicy(Builder builder) {
        this.maxRetries = builder.maxRetries;
        this.baseDelay = builder.baseDelay;
        this.maxDelay = builder.maxDelay;
        this.retryableCodes = builder.retryableCodes;
        this.jitter = builder.jitter;
        this.retryAllActions = builder.retryAllActions;
    }

    /**
     * The default policy: up to 3 retries, backoff from 200 ms capped at 5 s, the default
     * retryable codes.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A policy that never retries: every call makes exactly one attempt.
     *
     * @return a policy without retries
     */
    public static RetryPolicy none() {
        return builder().maxRetries(0).build();
    }

    /**
     * Starts a policy from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How many times a failed call is retried at most;
     * {@code 0} means never.
     *
     * @return the most retries
     */
    public int maxRetries() {
        return maxRetries;
    }

    /**
     * The longest wait before the first retry.
     *
     * @return the base delay
     */
    public Duration baseDelay() {
        return baseDelay;
    }

    /**
     * The cap on the wait before any retry.
     *
     * @return the maximum delay
     */
    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * Whether another attempt may succeed where this one failed, and may be made: a failure
     * after which the action may have run is retried only if the action is safe to repeat. The
     * number of attempts made is not considered here.
     *
     * @param failure the failure of one attempt
     * @param idempotency whether the action may be sent again
     * @return whether to retry
     */
    public boolean isRetryable(TencentCloudException failure, Idempotency idempotency) {
        boolean mayRepeat = retryAllActions || idempotency.safeToRepeat();
        switch (failure.code()) {
            case TencentCloudException.CLIENT_CONNECT_FAILED:
                return true;
            case TencentCloudException.CLIENT_CONNECTION_LOST:
            case TencentCloudException.CLIENT_REQUEST_TIMEOUT:
                return mayRepeat;
            case TencentCloudException.CLIENT_INVALID_RESPONSE:
                int status = failure.httpStatus();
                return status == 429 || status == 503 || (status >= 500 && status <= 599 && mayRepeat);
            default:
                return !failure.code().startsWith("ClientError.") && retryableCodes.test(failure.code());
        }
    }

    /**
     * How long to wait before a retry: a random duration between zero and
     * {@code min(maxDelay, baseDelay * 2^(retry-1))}.
     *
     * @param retry which retry is next: 1 for the first
     * @return the delay
     * @throws IllegalArgumentException if {@code retry} is less than 1
     */
    public Duration delayBeforeRetry(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1, not " + retry);
        }
        long cap = maxDelay.toNanos();
        long ceiling = Math.min(baseDelay.toNanos(), cap);
        for (int i = 1; i < retry && ceiling < cap; i++) {
            ceiling = ceiling > cap / 2 ? cap : ceiling * 2;
        }
        double random = Math.min(Math.max(jitter.getAsDouble(), 0.0), 1.0);
        return Duration.ofNanos((long) (random * ceiling));
    }

    /**
     * How long to wait before a retry when the answer asked for a wait with {@code Retry-After}:
     * the longer of {@link #delayBeforeRetry(int)} and that wait, or nothing when the wait is
     * longer than {@link #maxDelay()} (the call then fails instead of waiting).
     *
     * @param retry which retry is next: 1 for the first
     * @param retryAfter the wait the answer asked for, or {@code null} if it asked for none
     * @return the delay, or empty when the call should not be retried
     */
    public Optional<Duration> delayBeforeRetry(int retry, Duration retryAfter) {
        Duration backoff = delayBeforeRetry(retry);
        if (retryAfter == null) {
            return Optional.of(backoff);
        }
        if (retryAfter.compareTo(maxDelay) > 0) {
            return Optional.empty();
        }
        return Optional.of(retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff);
    }

    /**
     * Whether failures after which an action may have run are retried for every action, not
     * only for those that are safe to repeat.
     *
     * @return whether every action is retried alike
     */
    public boolean retryAllActions() {
        return retryAllActions;
    }

    /**
     * The default test of API error codes: {@code RequestLimitExceeded},
     * {@code InternalError} and {@code ServiceUnavailable}, and their sub-codes (the code,
     * a dot and more).
     *
     * @param code an API error code, e.g. {@code RequestLimitExceeded.IPLimitExceeded}
     * @return whether the default policy retries it
     */
    public static boolean isTransientCode(String code) {
        return hasPrefix(code, "RequestLimitExceeded") || hasPrefix(code, "InternalError") || hasPrefix(code, "ServiceUnavailable");
    }

    /**
     * Describes the policy, e.g.
     * {@code RetryPolicy[maxRetries=3, baseDelay=PT0.2S, maxDelay=PT5S]}.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + (retryAllActions ? ", retryAllActions]" : "]");
    }

    /**
     * Whether {@code code} is {@code prefix} or one of its sub-codes.
     */
    private static boolean hasPrefix(String code, String prefix) {
        return code.equals(prefix)
                || (code.startsWith(prefix) && code.charAt(prefix.length()) == '.');
    }

    /**
     * Configures a {@link RetryPolicy}, starting from the defaults. Not thread-safe.
     */
    public static final class Builder {
        private int maxRetries = DEFAULT_MAX_RETRIES;

        private Duration baseDelay = DEFAULT_BASE_DELAY;

        private Duration maxDelay = DEFAULT_MAX_DELAY;

        private Predicate<String> retryableCodes = RetryPolicy::isTransientCode;

        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

        private boolean retryAllActions;

        private Builder() {
        }

        /**
         * Retries every action after a failure that may have delivered it (a connection lost,
         * a request timeout, an HTTP 500, 502 or 504 page), not only those that are safe to
         * repeat ({@link Idempotency}): an action that is not idempotent may then run twice. For
         * callers that check the outcome themselves. Default {@code false}.
         *
         * @param retryAllActions whether to retry every action alike
         * @return this builder
         */
        public Builder retryAllActions(boolean retryAllActions) {
            this.retryAllActions = retryAllActions;
            return this;
        }

        /**
         * How many times a failed call is retried at most. Default 3; {@code 0} never retries.
         *
         * @param maxRetries zero or more
         * @return this builder
         * @throws IllegalArgumentException if it is negative
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative, not " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * The longest wait before the first retry; it doubles for each further retry, up to
         * {@link #maxDelay}. Default 200 ms.
         *
         * @param baseDelay a positive duration
         * @return this builder
         * @throws IllegalArgumentException if it is {@code null}, zero or negative
         */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = Durations.requirePositive(baseDelay, "baseDelay");
            return this;
        }

        /**
         * The cap on the wait before any retry. Default 5 seconds.
         *
         * @param maxDelay a positive duration, not shorter than the base delay
         * @return this builder
         * @throws IllegalArgumentException if it is {@code null}, zero or negative
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = Durations.requirePositive(maxDelay, "maxDelay");
            return this;
        }

        /**
         * Which API error codes are retried. Default {@link RetryPolicy#isTransientCode}; to add
         * a code of your own, combine with it:
         *
         * <pre>{@code
         * builder.retryableCodes(code -> RetryPolicy.isTransientCode(code)
         *         || code.equals("FailedOperation.ConcurrentModification"));
         * }</pre>
         *
         * <p>Failures without an API code (connections, timeouts, invalid responses) follow the
         * rules of {@link RetryPolicy}, whatever this says.
         *
         * @param retryableCodes tells whether an API error code is transient
         * @return this builder
         */
        public Builder retryableCodes(Predicate<String> retryableCodes) {
            this.retryableCodes = Objects.requireNonNull(retryableCodes, "retryableCodes");
            return this;
        }

        /**
         * Where the random part of each delay comes from: values in {@code [0, 1]}, scaling the
         * backoff ceiling. Default: {@code ThreadLocalRandom}. A constant makes delays
         * predictable in tests.
         *
         * @param jitter supplies values between 0 and 1; others are clamped
         * @return this builder
         */
        public Builder jitter(DoubleSupplier jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return a new policy
         * @throws IllegalStateException if the maximum delay is shorter than the base delay
         */
        public RetryPolicy build() {
            if (maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalStateException("maxDelay " + maxDelay + " is shorter than baseDelay " + baseDelay);
            }
            return new RetryPolicy(this);
        }
    }
}
