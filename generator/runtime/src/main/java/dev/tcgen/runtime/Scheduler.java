package dev.tcgen.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where the transport gets the time and waits: the only source of time it uses.
 *
 * <ul>
 *   <li>{@link #nanoTime()}, a monotonic clock, spaces calls for rate limits and measures
 *       latency;</li>
 *   <li>{@link #now()}, the wall clock, dates each signature ({@code X-TC-Timestamp});</li>
 *   <li>{@link #delay(Duration)} waits before a retry or a rate-limited call without blocking a
 *       thread: it returns a future that completes later.</li>
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
     * The system clocks, and delays on the JDK's shared delay scheduler.
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
     * never blocks the caller; a zero or negative delay gives a completed future.
     *
     * @param delay how long to wait
     * @return a future completed (with {@code null}) after the delay
     */
    default CompletableFuture<Void> delay(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
    }
}
