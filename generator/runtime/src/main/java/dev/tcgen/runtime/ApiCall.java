package dev.tcgen.runtime;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;

/**
 * One API call in progress: permit, sign, send, read, and retry, as asynchronous steps.
 *
 * <p>Each attempt waits for its action's rate-limit permit (or fails fast), is signed with
 * the current credentials and time, and is sent with {@code HttpClient.sendAsync}; a timer of
 * the {@link Scheduler} ends it after the request timeout, whether the answer's headers or its
 * body are late. A transient failure ({@link RetryPolicy#isRetryable}) schedules the next
 * attempt after the policy's backoff; no thread sleeps. The credentials of each attempt come
 * from the provider's {@link CredentialsProvider#credentialsAsync()}, so no thread waits while
 * they are fetched either. An answer {@code AuthFailure.SignatureExpire} is retried once, at
 * once, dated with the server's time ({@link ClockSkew}). With a call timeout, one more timer ends
 * the whole call at its deadline, whatever it waits for. The result is the future
 * {@link #start()} returns; cancelling it stops the call, and the attempt in flight.
 *
 * <p>Logging: a successful attempt at DEBUG with action, region, attempt, latency and RequestId;
 * a failed attempt that is retried at WARNING (the caller never sees it); the failure the
 * caller receives at DEBUG only. Nothing logged contains a header, a secret key, a token or a
 * signature.
 *
 * @param <T> the response type
 */
final class ApiCall<T> {
    private final ApiTransport transport;

    private final String action;

    private final Idempotency idempotency;

    private final String region;

    private final byte[] payload;

    private final JsonReader.ObjectReader<T> responseReader;

    private final ServiceExceptionFactory<? extends TencentCloudException> exceptions;

    private final CompletableFuture<T> result = new CompletableFuture<>();

    private final long started;

    /**
     * Requests made so far. The steps run one after another, each started by the completion of
     * the one before; the deadline's timer only reads these fields, for its message.
     */
    private volatile int attempts;

    private volatile TencentCloudException lastFailure;

    /**
     * What the call waits for now, e.g. {@code "for a rate-limit permit"}.
     */
    private volatile String waitingFor = "to start";

    private volatile boolean awaitingAnswer;

    /**
     * Whether an answer {@code AuthFailure.SignatureExpire} made this call retry with the
     * server's time ({@link ClockSkew}); that happens once per call.
     */
    private boolean clockCorrected;

    ApiCall(ApiTransport transport, String action, Idempotency idempotency, String region, byte[] payload,
            JsonReader.ObjectReader<T> responseReader,
            ServiceExceptionFactory<? extends TencentCloudException> exceptions) {
        this.transport = transport;
        this.action = action;
        this.idempotency = idempotency;
        this.region = region;
        this.payload = payload;
        this.responseReader = responseReader;
        this.exceptions = exceptions;
        this.started = transport.scheduler().nanoTime();
    }

    /**
     * Starts the deadline, if there is one, and the first attempt.
     *
     * @return the call's result: the response, or the service exception
     */
    CompletableFuture<T> start() {
        Duration callTimeout = transport.callTimeout();
        if (callTimeout != null) {
            CompletableFuture<Void> deadline = transport.scheduler().timeout(callTimeout);
            result.whenComplete((value, failure) -> deadline.cancel(false));
            deadline.thenRun(() -> guarded(() -> deadlinePassed(callTimeout)));
        }
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
            send(null);
        } else if (transport.rateLimitMode() == RateLimitMode.WAIT) {
            waitingFor = "for a rate-limit permit";
            CompletableFuture<RateLimiter.Permit> permit = limiter.acquire();
            result.whenComplete((value, failure) -> permit.cancel(false));
            permit.whenComplete((granted, failure) -> guarded(() -> permitted(granted, failure)));
        } else {
            Optional<RateLimiter.Permit> permit = limiter.tryAcquire();
            if (permit.isPresent()) {
                send(permit.get());
            } else {
                fail(exceptions.create(TencentCloudException.CLIENT_RATE_LIMITED,
                        "The client-side limit of " + limiter.permitsPerSecond()
                        + " requests per second for " + action + " is reached; nothing was sent", null, 0, null));
            }
        }
    }

    /**
     * The permit was granted, or the wait was cancelled because the call ended, or the scheduler
     * failed, which fails the call.
     */
    private void permitted(RateLimiter.Permit permit, Throwable failure) {
        if (failure == null) {
            send(permit);
        } else if (!result.isDone()) {
            result.completeExceptionally(failure);
        }
    }

    /**
     * Gets the credentials for one attempt without blocking (a provider may be fetching them),
     * then signs and sends it, with its timeout; its answer arrives in {@link #received}. The
     * permit, if any, is released when the attempt ends, or at once if nothing is sent.
     */
    private void send(RateLimiter.Permit permit) {
        waitingFor = "for credentials";
        transport.credentialsAsync(action, exceptions).whenComplete((credentials, failure) -> guarded(() -> {
            boolean sending = false;
            try {
                sending = signAndSend(permit, credentials, failure);
            } finally {
                if (!sending && permit != null) {
                    permit.release();
                }
            }
        }));
    }

    private boolean signAndSend(RateLimiter.Permit permit, Credentials credentials, Throwable noCredentials) {
        if (result.isDone()) {
            return false;
        }
        if (transport.isClosed()) {
            failOnClosed();
            return false;
        }
        if (noCredentials != null) {
            Throwable cause = unwrap(noCredentials);
            if (cause instanceof TencentCloudException) {
                fail((TencentCloudException) cause);
            } else {
                result.completeExceptionally(cause);
            }
            return false;
        }
        HttpRequest request = transport.signedRequest(action, region, payload, credentials);
        attempts++;
        waitingFor = "for the answer to attempt " + attempts;
        awaitingAnswer = true;
        long sent = transport.scheduler().nanoTime();
        CompletableFuture<HttpResponse<byte[]>> exchange = transport.httpClient()
                .sendAsync(request, BoundedBody.handler(transport.maxResponseBytes()));
        CompletableFuture<Void> timeout = transport.scheduler().timeout(transport.requestTimeout());
        timeout.thenRun(() -> exchange.cancel(true));
        result.whenComplete((value, failure) -> exchange.cancel(true));
        exchange.whenComplete((response, failure) -> {
            if (permit != null) {
                permit.release();
            }
            timeout.cancel(false);
            boolean timedOut = timeout.isDone() && !timeout.isCancelled();
            guarded(() -> received(response, failure, sent, timedOut));
        });
        return true;
    }

    /**
     * Reads the answer to one attempt: completes the call, or retries, or fails it.
     */
    private void received(HttpResponse<byte[]> response, Throwable failure, long sent, boolean timedOut) {
        awaitingAnswer = false;
        if (result.isDone()) {
            return;
        }
        long latency = transport.scheduler().nanoTime() - sent;
        if (failure != null) {
            retryOrFail(connectionFailure(unwrap(failure), timedOut), null, latency);
            return;
        }
        ResponseReader reader =
                new ResponseReader(action, response, transport.maxResponseBytes(), exceptions, transport.logger());
        T value;
        try {
            value = reader.read(responseReader);
        } catch (TencentCloudException e) {
            if (!clockCorrected && transport.clockSkew().learnFrom(e.code(), response.headers())) {
                // ClockSkew has logged the correction; the retry that follows needs no warning of its own.
                clockCorrected = true;
                attempt();
                return;
            }
            retryOrFail(e, reader.retryAfter(transport.scheduler().now()), latency);
            return;
        }
        logSuccess(response.statusCode(), reader.requestId(), latency);
        result.complete(value);
    }

    /**
     * Schedules the next attempt after the backoff if the policy retries the failure and retries
     * are left; otherwise fails the call.
     */
    private void retryOrFail(TencentCloudException failure, Duration retryAfter, long latency) {
        RetryPolicy policy = transport.retryPolicy();
        Optional<Duration> delay = attempts > policy.maxRetries() || transport.isClosed()
                || !policy.isRetryable(failure, idempotency)
                ? Optional.empty() : policy.delayBeforeRetry(attempts, retryAfter);
        if (delay.isEmpty()) {
            fail(failure);
            return;
        }
        lastFailure = failure;
        waitingFor = "to retry after " + failure.code();
        logRetry(failure, latency, delay.get());
        CompletableFuture<Void> backoff = transport.scheduler().delay(delay.get());
        result.whenComplete((value, ended) -> backoff.cancel(false));
        backoff.whenComplete((ignored, timerFailure) -> guarded(this::attempt));
    }

    /**
     * Ends the call with {@code failure}, which learns how many attempts were made; logged
     * first, so that the log is complete when the caller sees the failure.
     */
    private void fail(TencentCloudException failure) {
        if (result.isDone()) {
            return;
        }
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
     * The deadline passed before the call ended: it fails, and whatever it waits for is
     * cancelled.
     */
    private void deadlinePassed(Duration callTimeout) {
        fail(exceptions.create(TencentCloudException.CLIENT_DEADLINE_EXCEEDED,
                action + " did not finish within its call timeout of " + callTimeout.toMillis() + " ms; it was waiting "
                + waitingFor + (attempts == 0 ? "; nothing was sent" : awaitingAnswer ? "; " + action + " may have run" : ""),
                null, 0, lastFailure));
    }

    /**
     * No whole answer: no connection (nothing was sent), or the connection was lost or the
     * attempt timed out after the request may have been delivered.
     */
    private TencentCloudException connectionFailure(Throwable failure, boolean timedOut) {
        String outcome = "; " + action + " may have run"
                + (idempotency.safeToRepeat() || transport.retryPolicy().retryAllActions() ? ""
                        : ", so it is not sent again (it is not idempotent)");
        if (timedOut || failure instanceof HttpTimeoutException && !(failure instanceof HttpConnectTimeoutException)) {
            return exceptions.create(TencentCloudException.CLIENT_REQUEST_TIMEOUT, "No whole answer to " + action
                    + " within the request timeout of " + transport.requestTimeout().toMillis() + " ms" + outcome,
                    null, 0, timedOut ? null : failure);
        }
        if (!(failure instanceof IOException)) {
            throw new CompletionException(failure);
        }
        if (failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException
                || failure instanceof SSLHandshakeException || failure instanceof UnknownHostException) {
            return exceptions.create(TencentCloudException.CLIENT_CONNECT_FAILED, "Could not connect to "
                    + transport.endpoint() + " to call " + action + ": " + describe(failure) + "; nothing was sent",
                    null, 0, failure);
        }
        return exceptions.create(TencentCloudException.CLIENT_CONNECTION_LOST, "The connection to "
                + transport.endpoint() + " failed before the whole answer to " + action + " arrived: "
                + describe(failure) + outcome, null, 0, failure);
    }

    /**
     * A failure's type and message; an unresolved host name says so.
     */
    private String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "cannot resolve the host name " + transport.endpoint().getHost();
            }
        }
        return ResponseReader.describe(failure);
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
                + millis(latency) + " ms, RequestId " + (requestId == null ? null : TencentCloudException.printable(requestId)));
    }

    /**
     * A failed attempt the caller will not see, because the call goes on: a WARNING, without the
     * stack trace.
     */
    private void logRetry(TencentCloudException failure, long latency, Duration delay) {
        transport.logger().log(System.Logger.Level.WARNING, () ->
                where() + " attempt " + attempts + " failed in " + millis(latency)
                + " ms: " + failure.getMessage() + "; retrying in " + delay.toMillis() + " ms");
    }

    /**
     * The failure the caller receives: DEBUG only, since the caller decides what it means.
     */
    private void logFailure(TencentCloudException failure) {
        long elapsed = transport.scheduler().nanoTime() - started;
        transport.logger().log(System.Logger.Level.DEBUG, () ->
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
