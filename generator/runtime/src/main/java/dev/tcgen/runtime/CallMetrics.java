package dev.tcgen.runtime;

import java.time.Duration;

/**
 * What one call did, given to each {@link MetricsListener} when it ends. Times are measured on the
 * client's {@link Scheduler}. Nothing here is secret: no header, credentials or member of a request
 * or response.
 *
 * @param service the service the call is signed for, e.g. {@code trtc}
 * @param action the action, e.g. {@code StopPublishCdnStream}
 * @param region the region, e.g. {@code ap-guangzhou}, or {@code null} when the call has none
 * @param attempts how many requests the call sent: 1, more after retries, 0 if it sent none
 * @param latency how long the call took, from its start to its end: attempts, waits for rate-limit
 *     permits and backoff included (for an event stream: until the stream ended)
 * @param httpStatus the HTTP status of the last answer, or 0 if none arrived
 * @param errorCode what the call failed with: a {@link TencentCloudException}'s code, such as
 *     {@code ResourceNotFound} or {@code ClientError.RequestTimeout}; for any other exception its class
 *     name; {@code null} when the call succeeded
 * @param requestId the {@code RequestId} of the last answer, or {@code null} if none had one
 * @param rateLimitWait how long the call waited for rate-limit permits, all attempts together
 * @param backoff how long the call waited before its retries, all together
 */
public record CallMetrics(String service, String action, String region, int attempts, Duration latency,
        int httpStatus, String errorCode, String requestId, Duration rateLimitWait, Duration backoff) {

    /**
     * Whether the call ended with a response.
     *
     * @return {@code true} if it has no error code
     */
    public boolean succeeded() {
        return errorCode == null;
    }

    /**
     * The metrics on one line, with the server's text escaped (line breaks and control characters),
     * e.g. {@code CallMetrics[trtc StopPublishCdnStream ap-guangzhou: success after 2 attempts in 412 ms,
     * HTTP 200, RequestId 7199..., rate-limit wait 0 ms, backoff 200 ms]}.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "CallMetrics[" + service + ' ' + action + ' ' + (region == null ? "(no region)" : region) + ": "
                + (errorCode == null ? "success" : TencentCloudException.printable(errorCode)) + " after " + attempts
                + (attempts == 1 ? " attempt in " : " attempts in ") + latency.toMillis() + " ms, HTTP " + httpStatus
                + ", RequestId " + (requestId == null ? null : TencentCloudException.printable(requestId))
                + ", rate-limit wait " + rateLimitWait.toMillis() + " ms, backoff " + backoff.toMillis() + " ms]";
    }
}
