package dev.tcgen.runtime;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.net.ssl.SSLHandshakeException;

/**
 * One API call's attempts, and every decision about them: what the flows of a call share. The
 * blocking flow ({@link BlockingCall}), the asynchronous one ({@link AsyncCall}) and a streaming call
 * until its events begin ({@link StreamingCall}) differ only in how they wait (in the caller's
 * thread, or for futures) and how they send ({@code HttpClient.send} or {@code sendAsync}); what an
 * answer means, whether to retry and after how long, which exception a failure is, and what is
 * logged are decided here.
 *
 * <p>Logging: a successful attempt at DEBUG with action, region, attempt, latency and RequestId; a
 * failed attempt that is retried at WARNING (the caller never sees it); the failure the caller
 * receives at DEBUG only. Nothing logged contains a header, a secret key, a token or a signature.
 *
 * <p>A flow calls the methods one step after another, never two at once; only the deadline's timer
 * reads the progress fields meanwhile, for its message, and {@link #end} may race with it.
 *
 * @param <T> the response type
 */
final class CallAttempts<T> {
    private final ApiTransport transport;

    private final String action;

    private final Idempotency idempotency;

    private final String region;

    private final byte[] payload;

    private final JsonReader.ObjectReader<T> responseReader;

    private final ServiceExceptionFactory<? extends TencentCloudException> exceptions;

    private final long started;

    private final AtomicBoolean ended = new AtomicBoolean();

    /** What the call's interceptors and metrics listeners are told. */
    private final CallObserver observer;

    /** Requests made so far. */
    private volatile int attempts;

    private volatile TencentCloudException lastFailure;

    /** What the call waits for now, e.g. {@code "for a rate-limit permit"}. */
    private volatile String waitingFor = "to start";

    private volatile boolean awaitingAnswer;

    /**
     * Whether an attempt may have reached the service without an answer that says it was turned
     * away ({@link TencentCloudException#mayHaveRun()}).
     */
    private volatile boolean mayHaveRun;

    /**
     * Whether an answer {@code AuthFailure.SignatureExpire} made this call retry with the
     * server's time ({@link ClockSkew}); that happens once per call.
     */
    private boolean clockCorrected;

    CallAttempts(ApiTransport transport, String action, Idempotency idempotency, String region, byte[] payload,
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
        this.observer = transport.hooks().observe(transport.service(), action, region, started);
    }

    /**
     * What to do after an attempt: return the call's value, make another attempt (at once, or
     * after a delay), or end the call with a failure.
     *
     * @param <T> the response type
     */
    static final class Outcome<T> {
        private final T value;

        private final boolean retry;

        private final Duration delay;

        private final TencentCloudException failure;

        private Outcome(T value, boolean retry, Duration delay, TencentCloudException failure) {
            this.value = value;
            this.retry = retry;
            this.delay = delay;
            this.failure = failure;
        }

        /** The call's value, when it succeeded. */
        T value() {
            return value;
        }

        /** Whether another attempt follows, after {@link #delay()}. */
        boolean retry() {
            return retry;
        }

        /** How long to wait before the next attempt, or {@code null} to make it at once. */
        Duration delay() {
            return delay;
        }

        /** What the call fails with, or {@code null}; call {@link CallAttempts#end} with it. */
        TencentCloudException failure() {
            return failure;
        }
    }

    ApiTransport transport() {
        return transport;
    }

    String action() {
        return action;
    }

    String region() {
        return region;
    }

    int attempts() {
        return attempts;
    }

    ServiceExceptionFactory<? extends TencentCloudException> exceptions() {
        return exceptions;
    }

    /**
     * Waits in this thread for the next attempt's permit of {@code limiter}; the metrics count the
     * wait.
     *
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    RateLimiter.Permit awaitPermit(RateLimiter limiter) throws InterruptedException {
        waitingFor = "for a rate-limit permit";
        long asked = transport.scheduler().nanoTime();
        try {
            return limiter.awaitPermit();
        } finally {
            observer.waitedForPermit(transport.scheduler().nanoTime() - asked);
        }
    }

    /**
     * Asks {@code limiter} for the next attempt's permit without blocking. The wait goes to
     * {@code waitFor} first (for the flow to cancel it if the call ends meanwhile); once it is over,
     * the metrics count it and {@code then} gets the permit, or the failure of the wait.
     */
    void acquirePermit(RateLimiter limiter, Consumer<CompletableFuture<?>> waitFor,
            BiConsumer<RateLimiter.Permit, Throwable> then) {
        waitingFor = "for a rate-limit permit";
        long asked = transport.scheduler().nanoTime();
        CompletableFuture<RateLimiter.Permit> permit = limiter.acquire();
        waitFor.accept(permit);
        permit.whenComplete((granted, failure) -> {
            observer.waitedForPermit(transport.scheduler().nanoTime() - asked);
            then.accept(granted, failure);
        });
    }

    /** The call waits for the credentials of its next attempt. */
    void waitingForCredentials() {
        waitingFor = "for credentials";
    }

    /** The call waited {@code nanos} before a retry. */
    void backedOff(long nanos) {
        observer.backedOff(nanos);
    }

    /**
     * The next attempt's request, with the headers the interceptors set before it is signed,
     * signed with {@code credentials} and the current time; counts the attempt, which waits for its
     * answer from now on.
     *
     * @throws TencentCloudException {@code CLIENT_INTERCEPTOR} if an interceptor failed; nothing
     *     is sent then
     */
    HttpRequest sign(Credentials credentials) {
        Map<String, String> headers = observer.beforeSigning(attempts + 1, transport, transport.extraHeaders(), exceptions);
        HttpRequest request = transport.signedRequest(action, region, payload, credentials, headers);
        attempts++;
        waitingFor = "for the answer to attempt " + attempts;
        awaitingAnswer = true;
        return request;
    }

    /**
     * Reads the answer to the attempt: the value, a retry (at once with the server's time after
     * {@code AuthFailure.SignatureExpire}, or after the policy's backoff), or the failure.
     */
    Outcome<T> answered(HttpResponse<byte[]> response, long latency) {
        awaitingAnswer = false;
        ResponseReader reader =
                new ResponseReader(action, response, transport.maxResponseBytes(), exceptions, transport.logger());
        T value;
        try {
            value = reader.read(responseReader);
        } catch (TencentCloudException e) {
            mayHaveRun |= e.code().equals(TencentCloudException.CLIENT_INVALID_RESPONSE)
                    && mayHaveRunAfter(response.statusCode());
            observer.answered(response.statusCode(), response.headers(), reader.requestId(), latency, e);
            if (!clockCorrected && transport.clockSkew().learnFrom(e.code(), response.headers())) {
                // ClockSkew has logged the correction; the retry that follows needs no warning of its own.
                clockCorrected = true;
                return new Outcome<>(null, true, null, null);
            }
            return retryOrFail(e, reader.retryAfter(transport.scheduler().now()), latency);
        }
        observer.answered(response.statusCode(), response.headers(), reader.requestId(), latency, null);
        logSuccess(response.statusCode(), reader.requestId(), latency);
        return new Outcome<>(value, false, null, null);
    }

    /**
     * The attempt's answer is an event stream, whose events follow ({@link StreamingCall}): the attempt
     * succeeded, and no other follows.
     */
    void answeredWithEvents(int status, HttpHeaders headers, String requestId, long latency) {
        awaitingAnswer = false;
        mayHaveRun = true;
        waitingFor = "for the next event";
        observer.answered(status, headers, requestId, latency, null);
        logSuccess(status, requestId, latency);
    }

    /**
     * The attempt got no whole answer: {@code failure} (of the HTTP client), or its request
     * timeout passed; a retry after the backoff, or the failure. A failure that is not an
     * {@code IOException} is thrown as it is.
     */
    Outcome<T> noAnswer(Throwable failure, boolean timedOut, long latency) {
        awaitingAnswer = false;
        TencentCloudException noAnswer = connectionFailure(CredentialsFutures.unwrap(failure), timedOut);
        mayHaveRun |= !noAnswer.code().equals(TencentCloudException.CLIENT_CONNECT_FAILED);
        observer.noAnswer(noAnswer);
        return retryOrFail(noAnswer, null, latency);
    }

    /**
     * A retry after the backoff if the policy retries the failure and retries are left;
     * otherwise the failure.
     */
    private Outcome<T> retryOrFail(TencentCloudException failure, Duration retryAfter, long latency) {
        RetryPolicy policy = transport.retryPolicy();
        Optional<Duration> delay = attempts > policy.maxRetries() || transport.isClosed()
                || !policy.isRetryable(failure, idempotency)
                ? Optional.empty() : policy.delayBeforeRetry(attempts, retryAfter);
        if (delay.isEmpty()) {
            return new Outcome<>(null, false, null, failure);
        }
        lastFailure = failure;
        waitingFor = "to retry after " + failure.code();
        logRetry(failure, latency, delay.get());
        return new Outcome<>(null, true, delay.get(), null);
    }

    /**
     * Ends the call, once: whether this was the first end. A service exception learns how many
     * attempts were made and is logged first, so that the log is complete when the caller sees it.
     *
     * @param failure what the call fails with (a service exception, or anything unexpected), or
     *     {@code null} for a success
     */
    boolean end(Throwable failure) {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        if (failure instanceof TencentCloudException) {
            TencentCloudException known = (TencentCloudException) failure;
            known.recordOutcome(attempts, mayHaveRun || awaitingAnswer);
            logFailure(known);
        }
        observer.ended(attempts, failure, transport.scheduler().nanoTime(), () -> cancelled(failure));
        return true;
    }

    /**
     * What an attempt cut short by {@code cause} (a cancelled future, or an unexpected exception)
     * failed with, for its interceptors and the metrics; never thrown.
     */
    TencentCloudException cancelled(Throwable cause) {
        return exceptions.create(TencentCloudException.CLIENT_CANCELLED, action + " ended before the answer to attempt "
                + attempts + ": " + (cause instanceof CancellationException ? "the caller cancelled it"
                        : "unexpected " + ResponseReader.describe(cause)), null, 0, cause);
    }

    /** Whether the call has ended. */
    boolean hasEnded() {
        return ended.get();
    }

    /** The failure of a call refused before anything is sent, or {@code null} ({@link CallRefusals#beforeSending}). */
    TencentCloudException refused() {
        return CallRefusals.beforeSending(transport, action, region, payload, exceptions);
    }

    /** The transport was closed before the call, or while it waited to be retried. */
    TencentCloudException closed() {
        return CallRefusals.closed(action, attempts > 0, lastFailure, exceptions);
    }

    /** The action's limiter has no permit now, and the transport fails fast. */
    TencentCloudException rateLimited(RateLimiter limiter) {
        return CallRefusals.rateLimited(action, limiter, exceptions);
    }

    /**
     * The failure of the credentials provider ({@link ApiTransport#credentialsAsync} made it the
     * service exception); anything else unexpected is thrown as it is.
     */
    TencentCloudException noCredentials(Throwable failure) {
        Throwable cause = CredentialsFutures.unwrap(failure);
        if (cause instanceof TencentCloudException) {
            return (TencentCloudException) cause;
        }
        throw cause instanceof RuntimeException ? (RuntimeException) cause : new CompletionException(cause);
    }

    /** The deadline passed before the call ended: what it was waiting for, and whether the action may have run. */
    TencentCloudException deadlineExceeded() {
        return exceptions.create(TencentCloudException.CLIENT_DEADLINE_EXCEEDED,
                action + " did not finish within its call timeout of " + transport.callTimeout().toMillis()
                + " ms; it was waiting " + waitingFor + outcomeSoFar(), null, 0, lastFailure);
    }

    /**
     * The calling thread was interrupted: what the call was waiting for, and whether the action may have run.
     *
     * @param interrupt the {@code InterruptedException} that ended a wait, or {@code null}
     */
    TencentCloudException interrupted(Throwable interrupt) {
        return exceptions.create(TencentCloudException.CLIENT_INTERRUPTED,
                "Interrupted while " + action + " was waiting " + waitingFor + outcomeSoFar(), null, 0, interrupt);
    }

    /** {@code "; nothing was sent"}, {@code "; X may have run"} with an attempt in flight, or nothing. */
    private String outcomeSoFar() {
        return attempts == 0 ? "; nothing was sent" : awaitingAnswer ? "; " + action + " may have run" : "";
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
            throw failure instanceof RuntimeException ? (RuntimeException) failure : new CompletionException(failure);
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
     * Whether an answer that is not an API answer may come from a service that ran the action:
     * a broken body of a success, or an HTTP 500, 502 or 504 page; not a page that turned the
     * request away (4xx, 503) or one that says it was never carried out (501, 505, ...).
     */
    private static boolean mayHaveRunAfter(int status) {
        return status >= 200 && status <= 299 || status == 500 || status == 502 || status == 504;
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
}
