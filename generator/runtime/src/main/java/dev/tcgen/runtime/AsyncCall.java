package dev.tcgen.runtime;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One asynchronous API call in progress: permit, sign, send, read and retry, as steps that each
 * start when a future completes, so no thread waits.
 *
 * <p>Each attempt waits for its action's rate-limit permit (or fails fast), is signed with the
 * current credentials and time, and is sent with {@code HttpClient.sendAsync}; a timer of the
 * {@link Scheduler} ends it after the request timeout, whether the answer's headers or its body
 * are late. A retry waits for a timer too. The credentials of each attempt come from the
 * provider's {@link CredentialsProvider#credentialsAsync()}, so no thread waits while they are
 * fetched either. With a call timeout, one more timer ends the whole call at its deadline,
 * whatever it waits for. The result is the future {@link #start()} returns; cancelling it stops
 * the call, and the attempt in flight (its interceptors and the metrics see
 * {@code CLIENT_CANCELLED}). What an answer means, retries, failures and logging are
 * decided by {@link CallAttempts}, as for a blocking call.
 *
 * @param <T> the response type
 */
final class AsyncCall<T> {
    private final CallAttempts<T> call;

    private final ApiTransport transport;

    private final CompletableFuture<T> result = new CompletableFuture<>();

    /** The attempt whose request timeout passed, if any. */
    private volatile int timedOutAttempt;

    /** The call's deadline, if it has one. */
    private volatile Scheduler.Timer deadline;

    /** What the call waits for now (a permit, an answer, a backoff), stopped if the call ends first. */
    private volatile CompletableFuture<?> waitingFor;

    AsyncCall(CallAttempts<T> call) {
        this.call = call;
        this.transport = call.transport();
    }

    /**
     * Starts the deadline, if there is one, and the first attempt.
     *
     * @return the call's result: the response, or the service exception
     */
    CompletableFuture<T> start() {
        TencentCloudException refused = call.refused();
        if (refused != null) {
            fail(refused);
            return result;
        }
        Duration callTimeout = transport.callTimeout();
        if (callTimeout != null) {
            deadline = transport.scheduler().timeout(callTimeout, () -> guarded(() -> fail(call.deadlineExceeded())));
        }
        result.whenComplete((value, failure) -> ended(failure));
        guarded(this::attempt);
        return result;
    }

    /**
     * The result is complete: stops the deadline and what the call waits for; a call the caller
     * cancelled ends so.
     */
    private void ended(Throwable failure) {
        Scheduler.Timer timer = deadline;
        if (timer != null) {
            timer.cancel();
        }
        CompletableFuture<?> pending = waitingFor;
        if (pending != null) {
            pending.cancel(true);
        }
        if (result.isCancelled()) {
            call.end(call.cancelled(CredentialsFutures.unwrap(failure)));
        }
    }

    /**
     * The call waits for {@code pending} now; it is stopped at once if the call has ended meanwhile.
     */
    private void waitFor(CompletableFuture<?> pending) {
        waitingFor = pending;
        if (result.isDone()) {
            pending.cancel(true);
        }
    }

    /**
     * Gets a rate-limit permit for the next attempt, then sends it.
     */
    private void attempt() {
        if (result.isDone()) {
            return;
        }
        if (transport.isClosed()) {
            fail(call.closed());
            return;
        }
        RateLimiter limiter = transport.rateLimiter(call.action());
        if (limiter == null) {
            send(null);
        } else if (transport.rateLimitMode() == RateLimitMode.WAIT) {
            call.acquirePermit(limiter, this::waitFor,
                    (granted, failure) -> guarded(() -> permitted(granted, failure)));
        } else {
            Optional<RateLimiter.Permit> permit = limiter.tryAcquire();
            if (permit.isPresent()) {
                send(permit.get());
            } else {
                fail(call.rateLimited(limiter));
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
        } else {
            fail(failure);
        }
    }

    /**
     * Gets the credentials for one attempt without blocking (a provider may be fetching them),
     * then signs and sends it, with its timeout; its answer arrives in {@link #received}. The
     * permit, if any, is released when the attempt ends, or at once if nothing is sent.
     */
    private void send(RateLimiter.Permit permit) {
        call.waitingForCredentials();
        transport.credentialsAsync(call.action(), call.exceptions()).whenComplete((credentials, failure) -> guarded(() -> {
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
            fail(call.closed());
            return false;
        }
        if (noCredentials != null) {
            fail(call.noCredentials(noCredentials));
            return false;
        }
        HttpRequest request = call.sign(credentials);
        int attempt = call.attempts();
        long sent = transport.scheduler().nanoTime();
        CompletableFuture<HttpResponse<byte[]>> exchange = transport.httpClient()
                .sendAsync(request, BoundedBody.handler(transport.maxResponseBytes()));
        Scheduler.Timer timeout = transport.scheduler().timeout(transport.requestTimeout(), () -> {
            timedOutAttempt = attempt;
            exchange.cancel(true);
        });
        waitFor(exchange);
        exchange.whenComplete((response, failure) -> {
            if (permit != null) {
                permit.release();
            }
            timeout.cancel();
            boolean timedOut = timedOutAttempt == attempt;
            guarded(() -> received(response, failure, sent, timedOut));
        });
        return true;
    }

    /**
     * Reads the answer to one attempt: completes the call, or retries, or fails it.
     */
    private void received(HttpResponse<byte[]> response, Throwable failure, long sent, boolean timedOut) {
        if (result.isDone()) {
            return;
        }
        long latency = transport.scheduler().nanoTime() - sent;
        CallAttempts.Outcome<T> outcome = failure != null ? call.noAnswer(failure, timedOut, latency)
                : call.answered(response, latency);
        if (outcome.failure() != null) {
            fail(outcome.failure());
        } else if (!outcome.retry()) {
            if (call.end(null)) {
                result.complete(outcome.value());
            }
        } else if (outcome.delay() == null) {
            attempt();
        } else {
            long from = transport.scheduler().nanoTime();
            CompletableFuture<Void> backoff = transport.scheduler().delay(outcome.delay());
            waitFor(backoff);
            backoff.whenComplete((ignored, timerFailure) -> guarded(() -> {
                call.backedOff(transport.scheduler().nanoTime() - from);
                attempt();
            }));
        }
    }

    /**
     * Ends the call with {@code failure}, unless it has ended.
     */
    private void fail(Throwable failure) {
        if (call.end(failure)) {
            result.completeExceptionally(failure);
        }
    }

    /**
     * Runs a step; anything it throws unexpectedly still completes the call, so a caller
     * waiting on the result is never left hanging.
     */
    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | Error unexpected) {
            fail(unexpected);
        }
    }
}
