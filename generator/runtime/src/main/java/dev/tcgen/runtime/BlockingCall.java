package dev.tcgen.runtime;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One blocking API call, made in the caller's thread: permit, sign, send, read and retry, as a
 * loop.
 *
 * <p>The thread waits for its rate-limit permit itself ({@link RateLimiter#awaitPermit()}), sends
 * each attempt with {@code HttpClient.send}, and sleeps before a retry ({@link Scheduler#sleep}):
 * no other thread takes part, which saves the hand-offs between threads of
 * {@code HttpClient.sendAsync}. The request timeout of each attempt and the call's deadline are
 * timers of the {@link Scheduler} that interrupt the thread ({@link TimeoutInterrupter}). An
 * interrupt of the caller's ends the call with {@code CLIENT_INTERRUPTED}, the interrupt flag set
 * again. What an answer means, retries, failures and logging are decided by {@link CallAttempts},
 * as for an asynchronous call.
 *
 * @param <T> the response type
 */
final class BlockingCall<T> {
    private final CallAttempts<T> call;

    private final ApiTransport transport;

    private final TimeoutInterrupter interrupter = new TimeoutInterrupter(Thread.currentThread());

    BlockingCall(CallAttempts<T> call) {
        this.call = call;
        this.transport = call.transport();
    }

    /**
     * Makes the call.
     *
     * @return the response
     * @throws TencentCloudException the call's failure, created in this thread
     */
    T run() {
        Duration callTimeout = transport.callTimeout();
        Scheduler.Timer deadline = callTimeout == null ? null
                : transport.scheduler().timeout(callTimeout, interrupter::deadlinePassed);
        try {
            return attempts();
        } catch (RuntimeException | Error unexpected) {
            call.end(unexpected);
            throw unexpected;
        } finally {
            if (deadline != null) {
                deadline.cancel();
            }
            interrupter.close();
        }
    }

    private T attempts() {
        TencentCloudException refused = call.refused();
        if (refused != null) {
            throw fail(refused);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw fail(call.interrupted(null));
        }
        while (true) {
            if (transport.isClosed()) {
                throw fail(call.closed());
            }
            CallAttempts.Outcome<T> outcome = attempt(permit());
            if (outcome.failure() != null) {
                throw fail(outcome.failure());
            }
            if (!outcome.retry()) {
                call.end(null);
                return outcome.value();
            }
            if (outcome.delay() != null) {
                sleep(outcome.delay());
            }
        }
    }

    /**
     * The action's rate-limit permit for the next attempt, waited for in this thread; {@code null}
     * when the action has no limit.
     */
    private RateLimiter.Permit permit() {
        RateLimiter limiter = transport.rateLimiter(call.action());
        if (limiter == null) {
            return null;
        }
        if (transport.rateLimitMode() != RateLimitMode.WAIT) {
            return limiter.tryAcquire().orElseThrow(() -> fail(call.rateLimited(limiter)));
        }
        RateLimiter.Permit permit;
        try {
            permit = call.awaitPermit(limiter);
        } catch (InterruptedException interrupt) {
            throw stopped(interrupt);
        }
        if (interrupter.isDeadlinePassed()) {
            permit.release();
            throw fail(call.deadlineExceeded());
        }
        return permit;
    }

    /**
     * One attempt: credentials, signature, {@code HttpClient.send} under the request timeout, and
     * what its answer, or its failure, means. The permit is released once the attempt has ended.
     */
    private CallAttempts.Outcome<T> attempt(RateLimiter.Permit permit) {
        HttpResponse<byte[]> response = null;
        IOException failure = null;
        InterruptedException interrupt = null;
        long latency;
        try {
            Credentials credentials = credentials();
            if (transport.isClosed()) {
                throw fail(call.closed());
            }
            HttpRequest request = call.sign(credentials);
            int attempt = call.attempts();
            interrupter.startAttempt(attempt);
            long sent = transport.scheduler().nanoTime();
            Scheduler.Timer timeout = transport.scheduler().timeout(transport.requestTimeout(),
                    () -> interrupter.attemptTimedOut(attempt));
            try {
                response = transport.httpClient().send(request, BoundedBody.handler(transport.maxResponseBytes()));
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                interrupt = e;
            } finally {
                timeout.cancel();
            }
            latency = transport.scheduler().nanoTime() - sent;
        } finally {
            if (permit != null) {
                permit.release();
            }
        }
        boolean mine = interrupt != null && interrupter.takeInterrupt();
        boolean timedOut = interrupter.endAttempt();
        if (interrupt != null && !mine) {
            Thread.currentThread().interrupt();
            throw fail(call.interrupted(interrupt));
        }
        if (response == null && interrupter.isDeadlinePassed()) {
            throw fail(call.deadlineExceeded());
        }
        if (response == null) {
            return call.noAnswer(failure != null ? failure : interrupt, timedOut, latency);
        }
        return call.answered(response, latency);
    }

    /**
     * The credentials for the next attempt: from the provider's future, which a provider that
     * reads memory or a file completes at once.
     */
    private Credentials credentials() {
        call.waitingForCredentials();
        CompletableFuture<Credentials> credentials = transport.credentialsAsync(call.action(), call.exceptions());
        Credentials current;
        try {
            current = credentials.get();
        } catch (InterruptedException interrupt) {
            throw stopped(interrupt);
        } catch (ExecutionException failed) {
            throw fail(call.noCredentials(failed));
        }
        if (interrupter.isDeadlinePassed()) {
            throw fail(call.deadlineExceeded());
        }
        return current;
    }

    /** The backoff before a retry. */
    private void sleep(Duration delay) {
        long from = transport.scheduler().nanoTime();
        try {
            transport.scheduler().sleep(delay);
        } catch (InterruptedException interrupt) {
            throw stopped(interrupt);
        } finally {
            call.backedOff(transport.scheduler().nanoTime() - from);
        }
        if (interrupter.isDeadlinePassed()) {
            throw fail(call.deadlineExceeded());
        }
    }

    /**
     * A wait ended with an interrupt: the deadline's, or the caller's (then the thread's interrupt
     * flag is set again).
     */
    private TencentCloudException stopped(InterruptedException interrupt) {
        if (interrupter.takeInterrupt()) {
            return fail(call.deadlineExceeded());
        }
        Thread.currentThread().interrupt();
        return fail(call.interrupted(interrupt));
    }

    /** Ends the call with {@code failure}, which is returned to be thrown. */
    private TencentCloudException fail(TencentCloudException failure) {
        call.end(failure);
        return failure;
    }
}
