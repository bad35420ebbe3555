package dev.tcgen.runtime;

/**
 * Receives the {@link CallMetrics} of every call, once, when it ends: to feed a metrics library, a
 * tracer or a log of slow calls.
 *
 * <pre>{@code
 * TrtcClient client = TrtcClient.builder()
 *         .region(Region.AP_GUANGZHOU)
 *         .metricsListener(call -> {
 *             if (call.latency().toMillis() > 1_000) {
 *                 log.warning(call.toString());
 *             }
 *         })
 *         .build();
 * }</pre>
 *
 * <p>It is called on the thread that ends the call (the caller's for a blocking call, a thread of
 * the HTTP client or of the {@link Scheduler} for an asynchronous one), before the caller gets the
 * response or the exception; so keep it quick, and thread-safe. A listener that throws cannot change
 * the call: the exception is logged (at WARNING the first time for each listener, at DEBUG after
 * that) and ignored. Several listeners are called in the order they were added, the client's before
 * those of the call's {@link CallOptions}.
 */
@FunctionalInterface
public interface MetricsListener {
    /**
     * A call has ended, with a response or a failure.
     *
     * @param metrics what the call did
     */
    void callEnded(CallMetrics metrics);
}
