package dev.tcgen.runtime;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One API call in progress: permit, sign, send, read, and retry, as asynchronous steps.
 *
 * <p>Each attempt waits for its action's rate-limit permit (or fails fast), is signed with
 * the current credentials and time, and is sent with {@code HttpClient.sendAsync}. A transient
 * failure ({@link RetryPolicy#isRetryable}) schedules the next attempt on the
 * {@link Scheduler} after the policy's backoff; no thread sleeps. The credentials of each
 * attempt come from the provider's {@link CredentialsProvider#credentialsAsync()}, so no thread
 * waits while they are fetched either. An answer {@code AuthFailure.SignatureExpire} is retried
 * once, at once, dated with the server's time ({@link ClockSkew}). The result is the future
 * {@link #start()} returns; cancelling it stops the call before its next step.
 *
 * <p>Logging: each attempt at DEBUG with action, region, attempt, latency and RequestId; a failed
 * call once at WARNING. Nothing logged contains a header, a secret key, a token or a signature.
 *
 * @param <T> the response type
 */
final class ApiCall<T> {
    private final ApiTransport transport;

    private final String action;

    private final String region;

    private final byte[] payload;

    private final Class<T> responseType;

    private final ServiceExceptionFactory<? extends TencentCloudException> exceptions;

    private final CompletableFuture<T> result = new CompletableFuture<>();

    private final long started;

    /**
     * Requests made so far. Steps run one after another, each started by the
     * completion of the one before, which orders their reads and writes.
     */
    private int attempts;

    private TencentCloudException lastFailure;

    /**
     * Whether an answer {@code AuthFailure.SignatureExpire} made this call retry with the
     * server's time ({@link ClockSkew}); that happens once per call.
     */
    private boolean clockCorrected;

    ApiCall(ApiTransport transport, String action, String region, byte[] payload,
            Class<T> responseType,
            ServiceExceptionFactory<? extends TencentCloudException> exceptions) {
        this.transport = transport;
        this.action = action;
        this.region = region;
        this.payload = payload;
        this.responseType = responseType;
        this.exceptions = exceptions;
        this.started = transport.scheduler().nanoTime();
    }

    /**
     * Starts the first attempt.
     *
     * @return the call's result: the response, or the service exception
     */
    CompletableFuture<T> start() {
        guarded(this::attempt);
        return result;
    }

    /**
     * Gets a rate-limit permit for the next attempt, then sends it.
     */
    private void attempt() {
        if (result.isDone()) {
            return;
        }
        if (transport.isClosed()) {
            failOnClosed();
            return;
        }
        RateLimiter limiter = transport.rateLimiter(action);
        if (limiter == null) {
            send();
        } else if (transport.rateLimitMode() == RateLimitMode.WAIT) {
            CompletableFuture<Long> permit = limiter.acquire();
            result.whenComplete((value, failure) -> permit.cancel(false));
            permit.whenComplete((granted, failure) -> guarded(() -> permitted(failure)));
        } else if (limiter.tryAcquire()) {
            send();
        } else {
            fail(exceptions.create(TencentCloudException.CLIENT_RATE_LIMITED,
                    "The client-side limit of " + limiter.permitsPerSecond()
                    + " requests per second for " + action + " is reached; nothing was sent", null, 0, null));
        }
    }

    /**
     * The permit was granted (or the scheduler failed, which fails the call).
     */
    private void permitted(Throwable failure) {
        if (failure != null) {
            result.completeExceptionally(failure);
        } else {
            send();
        }
    }

    /**
     * Gets the credentials for one attempt without blocking (a provider may be fetching them),
     * then signs and sends it in {@link #signAndSend}.
     */
    private void send() {
        if (result.isDone()) {
            return;
        }
        if (transport.isClosed()) {
            failOnClosed();
            return;
        }
        transport.credentialsAsync(action, exceptions)
                .whenComplete((credentials, failure) -> guarded(() -> signAndSend(credentials, failure)));
    }

    /**
     * Signs and sends one attempt; its answer arrives in {@link #received}.
     */
    private void signAndSend(Credentials credentials, Throwable failure) {
        if (result.isDone()) {
            return;
        }
        if (failure != null) {
            Throwable cause = unwrap(failure);
            if (cause instanceof TencentCloudException) {
                fail((TencentCloudException) cause);
            } else {
                result.completeExceptionally(cause);
            }
            return;
        }
        HttpRequest request = transport.signedRequest(action, region, payload, credentials);
        attempts++;
        long sent = transport.scheduler().nanoTime();
        transport.httpClient()
                .sendAsync(request, BoundedBody.handler(transport.maxResponseBytes()))
                .whenComplete((response, sendFailure) -> guarded(() -> received(response, sendFailure, sent)));
    }

    /**
     * Reads the answer to one attempt: completes the call, or retries, or fails it.
     */
    private void received(HttpResponse<byte[]> response, Throwable failure, long sent) {
        long latency = transport.scheduler().nanoTime() - sent;
        if (failure != null) {
            retryOrFail(networkFailure(unwrap(failure)), latency);
            return;
        }
        ResponseReader reader = new ResponseReader(
                action, response.statusCode(), response.body(), transport.maxResponseBytes(), exceptions);
        T value;
        try {
            value = reader.read(responseType);
        } catch (TencentCloudException e) {
            if (!clockCorrected && transport.clockSkew().learnFrom(e.code(), response.headers())) {
                clockCorrected = true;
                logRetry(e, latency, Duration.ZERO);
                attempt();
                return;
            }
            retryOrFail(e, latency);
            return;
        }
        logSuccess(response.statusCode(), reader.requestId(), latency);
        result.complete(value);
    }

    /**
     * Schedules the next attempt after the backoff if the failure is transient and retries
     * are left; otherwise fails the call.
     */
    private void retryOrFail(TencentCloudException failure, long latency) {
        RetryPolicy policy = transport.retryPolicy();
        if (attempts > policy.maxRetries() || !policy.isRetryable(failure) || transport.isClosed()) {
            fail(failure);
            return;
        }
        lastFailure = failure;
        Duration delay = policy.delayBeforeRetry(attempts);
        logRetry(failure, latency, delay);
        transport.scheduler().delay(delay)
                .whenComplete((ignored, timerFailure) -> guarded(this::attempt));
    }

    /**
     * Ends the call with {@code failure}, which learns how many attempts were made.
     */
    private void fail(TencentCloudException failure) {
        failure.recordAttempts(attempts);
        logFailure(failure);
        result.completeExceptionally(failure);
    }

    private void failOnClosed() {
        String when = attempts == 0 ? "" : " while the call waited to be retried";
        fail(exceptions.create(TencentCloudException.CLIENT_CLOSED,
                "Cannot call " + action + ": the client was closed" + when, null, 0, lastFailure));
    }

    /**
     * No response: the request could not be sent, or its answer not received in time.
     */
    private TencentCloudException networkFailure(Throwable failure) {
        if (!(failure instanceof IOException)) {
            throw new CompletionException(failure);
        }
        return exceptions.create(TencentCloudException.CLIENT_NETWORK_FAILURE,
                "Calling " + action + " at " + transport.endpoint() + " failed: "
                + ResponseReader.describe(failure), null, 0, failure);
    }

    /**
     * Runs a step; anything it throws unexpectedly still completes the call, so a caller
     * waiting on the result is never left hanging.
     */
    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | Error unexpected) {
            result.completeExceptionally(unexpected);
        }
    }

    private void logSuccess(int status, String requestId, long latency) {
        transport.logger().log(System.Logger.Level.DEBUG, () ->
                where() + " attempt " + attempts + ": HTTP " + status + " in "
                + millis(latency) + " ms, RequestId " + requestId);
    }

    private void logRetry(TencentCloudException failure, long latency, Duration delay) {
        transport.logger().log(System.Logger.Level.DEBUG, () ->
                where() + " attempt " + attempts + " failed in " + millis(latency)
                + " ms: " + failure.getMessage() + "; retrying in " + delay.toMillis() + " ms");
    }

    private void logFailure(TencentCloudException failure) {
        long elapsed = transport.scheduler().nanoTime() - started;
        transport.logger().log(System.Logger.Level.WARNING, () ->
                where() + " failed after " + attempts
                + (attempts == 1 ? " attempt in " : " attempts in ") + millis(elapsed) + " ms: " + failure.getMessage(),
                failure);
    }

    /**
     * The action and region, e.g. {@code StopPublishCdnStream ap-guangzhou}.
     */
    private String where() {
        return action + ' ' + (region == null ? "(no region)" : region);
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /**
     * The failure inside the wrappers that futures add.
     */
    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
