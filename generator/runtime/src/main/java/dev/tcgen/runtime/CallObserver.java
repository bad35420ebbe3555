package dev.tcgen.runtime;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One call as its {@link Interceptor}s and {@link MetricsListener}s see it: the hooks of each
 * attempt, what the metrics count, and the {@link CallMetrics} when the call ends.
 *
 * <p>Each attempt whose {@code beforeSigning} an interceptor ran ends for that interceptor in
 * exactly one after hook, however the attempt ends: answered, failed, or cut short by the end of
 * the call on another thread (its deadline, a cancelled future). A call of a transport without
 * hooks gets {@link #NONE}, which does nothing.
 *
 * <p>A flow reports one step after another; only the end of the call may come from another thread
 * meanwhile, so the fields it reads are volatile.
 */
final class CallObserver {
    /** The observer of a call without interceptors or listeners. */
    static final CallObserver NONE = new CallObserver(null, null, null, null, 0);

    private final CallHooks hooks;

    private final String service;

    private final String action;

    private final String region;

    private final long started;

    private final Map<String, Object> attributes;

    private volatile Interceptor.Attempt attempt;

    /** How many interceptors' beforeSigning ran for the attempt: those to call after it. */
    private volatile int prepared;

    /** The attempt's after hooks are still due. */
    private final AtomicBoolean attemptOpen = new AtomicBoolean();

    private final AtomicBoolean ended = new AtomicBoolean();

    private volatile long rateLimitWait;

    private volatile long backoff;

    private volatile int httpStatus;

    private volatile String requestId;

    CallObserver(CallHooks hooks, String service, String action, String region, long started) {
        this.hooks = hooks;
        this.service = service;
        this.action = action;
        this.region = region;
        this.started = started;
        this.attributes = hooks == null || hooks.interceptors().isEmpty() ? Map.of() : new ConcurrentHashMap<>();
    }

    /**
     * Runs every interceptor's {@code beforeSigning} for attempt {@code number}.
     *
     * @param transport the transport, for the client's own headers
     * @param extraHeaders the headers of the call's options
     * @return the headers to send besides the client's own
     * @throws TencentCloudException {@link TencentCloudException#CLIENT_INTERCEPTOR} if an
     *     interceptor threw; those that ran before it got {@code afterFailure} with it
     */
    Map<String, String> beforeSigning(int number, ApiTransport transport, Map<String, String> extraHeaders,
            ServiceExceptionFactory<? extends TencentCloudException> exceptions) {
        if (hooks == null || hooks.interceptors().isEmpty()) {
            return extraHeaders;
        }
        Interceptor.Attempt current = new Interceptor.Attempt(service, action, region, number, attributes);
        Interceptor.Headers headers = new Interceptor.Headers(transport.clientHeaders(action, region), extraHeaders);
        attempt = current;
        prepared = 0;
        attemptOpen.set(true);
        for (Interceptor interceptor : hooks.interceptors()) {
            try {
                interceptor.beforeSigning(current, headers);
            } catch (RuntimeException failure) {
                TencentCloudException refused = exceptions.create(TencentCloudException.CLIENT_INTERCEPTOR,
                        "The interceptor " + interceptor.getClass().getName() + " failed before attempt " + number
                        + " of " + action + " was signed: " + ResponseReader.describe(failure) + "; it was not sent",
                        null, 0, failure);
                noAnswer(refused);
                throw refused;
            }
            prepared++;
        }
        return headers.close();
    }

    /**
     * The attempt's answer arrived: {@code afterResponse}; the metrics keep its status and
     * {@code RequestId}.
     *
     * @param failure what the answer means, if it is not a success
     */
    void answered(int status, HttpHeaders headers, String answerRequestId, long latency, TencentCloudException failure) {
        if (hooks == null) {
            return;
        }
        httpStatus = status;
        if (answerRequestId != null) {
            requestId = answerRequestId;
        }
        if (attemptOpen.compareAndSet(true, false)) {
            Interceptor.Response response =
                    new Interceptor.Response(status, headers, answerRequestId, Duration.ofNanos(latency), failure);
            Interceptor.Attempt current = attempt;
            afterAttempt("afterResponse", interceptor -> interceptor.afterResponse(current, response));
        }
    }

    /**
     * The attempt in flight, if any, ended without an answer: {@code afterFailure}.
     */
    void noAnswer(TencentCloudException failure) {
        if (hooks == null || !attemptOpen.compareAndSet(true, false)) {
            return;
        }
        Interceptor.Attempt current = attempt;
        afterAttempt("afterFailure", interceptor -> interceptor.afterFailure(current, failure));
    }

    /**
     * Runs an after hook of each interceptor whose {@code beforeSigning} ran for the attempt, in
     * order; one that throws is reported and the next still runs.
     */
    private void afterAttempt(String hook, Consumer<Interceptor> run) {
        for (Interceptor interceptor : hooks.interceptors().subList(0, prepared)) {
            try {
                run.accept(interceptor);
            } catch (RuntimeException e) {
                hooks.failed(interceptor, hook + " of " + attempt, e);
            }
        }
    }

    /** The call waited {@code nanos} for a rate-limit permit. */
    void waitedForPermit(long nanos) {
        if (hooks != null) {
            rateLimitWait += nanos;
        }
    }

    /** The call waited {@code nanos} before a retry. */
    void backedOff(long nanos) {
        if (hooks != null) {
            backoff += nanos;
        }
    }

    /**
     * The call has ended: the attempt in flight, if any, gets {@code afterFailure}, and each
     * listener the metrics. Only the first end counts.
     *
     * @param failure what the call failed with: a service exception, a
     *     {@code CancellationException} when the caller cancelled it, or anything unexpected; or
     *     {@code null}
     * @param cancelled what an attempt cut short by a failure that is not a service exception
     *     failed with ({@link TencentCloudException#CLIENT_CANCELLED}), made only if needed
     */
    void ended(int attempts, Throwable failure, long now, Supplier<TencentCloudException> cancelled) {
        if (hooks == null || !ended.compareAndSet(false, true)) {
            return;
        }
        if (attemptOpen.get()) {
            noAnswer(failure instanceof TencentCloudException ? (TencentCloudException) failure : cancelled.get());
        }
        if (hooks.listeners().isEmpty()) {
            return;
        }
        String errorCode = failure == null ? null
                : failure instanceof TencentCloudException ? ((TencentCloudException) failure).code()
                : failure instanceof CancellationException ? TencentCloudException.CLIENT_CANCELLED
                : failure.getClass().getName();
        CallMetrics metrics = new CallMetrics(service, action, region, attempts, Duration.ofNanos(now - started),
                httpStatus, errorCode, requestId, Duration.ofNanos(rateLimitWait), Duration.ofNanos(backoff));
        for (MetricsListener listener : hooks.listeners()) {
            try {
                listener.callEnded(metrics);
            } catch (RuntimeException e) {
                hooks.failed(listener, "callEnded of " + metrics, e);
            }
        }
    }
}
