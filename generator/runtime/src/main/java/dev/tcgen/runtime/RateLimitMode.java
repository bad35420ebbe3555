package dev.tcgen.runtime;


/**
 * What a call does when its action has reached its client-side rate limit.
 *
 * <p>Tencent Cloud documents a maximum number of requests per second for many actions and
 * answers {@code RequestLimitExceeded} beyond it. The client keeps each action of each client
 * under its documented limit itself (see {@link RateLimiter}), so that the limit costs a short
 * wait instead of a failed request.
 *
 * <pre>{@code
 * TrtcClient.builder().rateLimitMode(RateLimitMode.FAIL_FAST)...
 * }</pre>
 */
public enum RateLimitMode {
    /**
     * The call waits for its turn, then is sent: the default. A synchronous call blocks its
     * thread while it waits; an asynchronous one holds no thread, its future simply
     * completes later. Calls are served in the order they arrive.
     */
    WAIT,

    /**
     * The call fails at once, without sending anything, with
     * {@link TencentCloudException#CLIENT_RATE_LIMITED}; the caller decides what to do.
     */
    FAIL_FAST,

    /**
     * No client-side limit: every call is sent at once (for benchmarks, or when limits are
     * enforced elsewhere). The API may then answer {@code RequestLimitExceeded}, which
     * the retry policy retries with backoff.
     */
    OFF
}
