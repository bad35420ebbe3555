package dev.tcgen.runtime;

/**
 * The failures of a call that the client ends itself, without an answer: the same words for blocking, async and
 * streaming calls.
 */
final class CallRefusals {

    private CallRefusals() {}

    /**
     * The failure of a call refused before anything is sent, or {@code null}: its region is not one its action's
     * documentation lists ({@link ApiTransport.Builder#actionRegions}), or its request is larger than the API
     * accepts ({@link ApiTransport#MAX_REQUEST_BYTES}).
     */
    static TencentCloudException beforeSending(ApiTransport transport, String action, String region, byte[] payload,
            ServiceExceptionFactory<? extends TencentCloudException> exceptions) {
        TencentCloudException unsupported = transport.unsupportedRegion(action, region, exceptions);
        if (unsupported != null || payload.length <= ApiTransport.MAX_REQUEST_BYTES) {
            return unsupported;
        }
        return exceptions.create(TencentCloudException.CLIENT_REQUEST_TOO_LARGE, action + " request is "
                + payload.length + " bytes of JSON; the API accepts at most " + ApiTransport.MAX_REQUEST_BYTES
                + "; nothing was sent", null, 0, null);
    }

    /**
     * The transport was closed before the call, or while it waited to be retried.
     *
     * @param retrying whether the call had made attempts and waited to be retried
     * @param cause the failure of its last attempt, or {@code null}
     */
    static TencentCloudException closed(String action, boolean retrying, Throwable cause,
            ServiceExceptionFactory<? extends TencentCloudException> exceptions) {
        return exceptions.create(TencentCloudException.CLIENT_CLOSED, "Cannot call " + action
                + ": the client was closed" + (retrying ? " while the call waited to be retried" : ""), null, 0, cause);
    }

    /** The action's limiter has no permit now, and the transport fails fast. */
    static TencentCloudException rateLimited(String action, RateLimiter limiter,
            ServiceExceptionFactory<? extends TencentCloudException> exceptions) {
        return exceptions.create(TencentCloudException.CLIENT_RATE_LIMITED, "The client-side limit of "
                + limiter.permitsPerSecond() + " requests per second for " + action + " is reached; nothing was sent",
                null, 0, null);
    }
}
