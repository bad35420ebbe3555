package dev.tcgen.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Where the transport gets the time and waits: the only source of time it uses.
 *
 * <ul>
 *   <li>{@link #nanoTime()}, a monotonic clock, spaces calls for rate limits and measures
 *       latency;</li>
 *   <li>{@link #now()}, the wall clock, dates each signature ({@code X-TC-Timestamp});</li>
 *   <li>{@link #delay(Duration)} waits before a retry or a rate-limited call without blocking a
 *       thread: it returns a future that completes later;</li>
 *   <li>{@link #timeout(Duration)} ends what takes too long: an attempt without its answer, a
 *       call past its deadline.</li>
 * </ul>
 *
 * <p>Every method has a default that uses the system clocks, so {@link #system()} is all most
 * programs need. Tests replace it with a virtual clock, which makes retries and rate limits
 * deterministic and instant:
 *
 * <pre>{@code
 * final class VirtualTime implements Scheduler {
 *     private final AtomicLong nanos = new AtomicLong();
 *     public long nanoTime() { return nanos.get(); }
 *     public Instant now() { return Instant.ofEpochSecond(1_700_000_000L).plusNanos(nanos.get()); }
 *     public CompletableFuture<Void> delay(Duration delay) {
 *         nanos.addAndGet(delay.toNanos());   // time passes at once
 *         return CompletableFuture.completedFuture(null);
 *     }
 * }
 * }</pre>
 *
 * <p>Implementations must be thread-safe. A future returned by {@link #delay(Duration)} may
 * already be complete; what depends on it then runs on the calling thread.
 */
public interface Scheduler {
    /**
     * The system clocks, and timers on one daemon thread shared by all clients, which hands
     * each expired timer to the common fork-join pool.
     *
     * @return a scheduler that uses the system clocks
     */
    static Scheduler system() {
        return new Scheduler() {
            @Override
            public String toString() {
                return "Scheduler.system()";
            }
        };
    }

    /**
     * A monotonic time in nanoseconds, for measuring intervals only: like
     * {@link System#nanoTime()}, it has no relation to the time of day and never goes back.
     *
     * @return the current value of the monotonic clock, in nanoseconds
     */
    default long nanoTime() {
        return System.nanoTime();
    }

    /**
     * The current time of day, which each request's signature is dated with. Tencent Cloud
     * refuses a signature more than five minutes away from its own clock.
     *
     * @return the current instant
     */
    default Instant now() {
        return Instant.now();
    }

    /**
     * A future that completes once {@code delay} has passed on this scheduler's clocks. It
     * never blocks the caller; a zero or negative delay gives a completed future. Cancelling the
     * future frees its timer.
     *
     * @param delay how long to wait
     * @return a future completed (with {@code null}) after the delay
     */
    default CompletableFuture<Void> delay(Duration delay) {
        return SystemTimer.after(delay);
    }

    /**
     * A future that completes once {@code timeout} has passed, to end something that takes too
     * long: an attempt still without its whole answer, a call past its deadline. The caller
     * cancels it when the awaited thing finishes first, which frees the timer.
     *
     * <p>The default is {@link #delay(Duration)}. The two differ for a virtual clock only: a
     * delay is a wait that the clock may skip to at once, while a timeout races real work and
     * fires only once the clock has reached it.
     *
     * @param timeout how long until it fires
     * @return a future completed (with {@code null}) after the timeout, unless cancelled
     */
    default CompletableFuture<Void> timeout(Duration timeout) {
        return delay(timeout);
    }
}
