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
 *       thread: it returns a future that completes later; an asynchronous call waits so;</li>
 *   <li>{@link #sleep(Duration)} is the same wait in the calling thread: a blocking call waits so,
 *       and no other thread takes part;</li>
 *   <li>{@link #timeout(Duration, Runnable)} ends what takes too long: an attempt without its
 *       answer, a call past its deadline; by default after {@link #timeout(Duration)}.</li>
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
 *     public void sleep(Duration duration) {
 *         nanos.addAndGet(duration.toNanos());
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
            public Timer timeout(Duration timeout, Runnable action) {
                return SystemTimer.run(timeout, action);
            }

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
     * Waits in the calling thread until {@code duration} has passed on this scheduler's clocks: the
     * blocking twin of {@link #delay(Duration)}, for the waits of a blocking call (before a retry,
     * for a rate-limit permit). A zero or negative duration returns at once.
     *
     * <p>The default sleeps ({@link Thread#sleep}). A virtual clock moves its time instead, or
     * blocks the thread until its time is moved past the end of the wait.
     *
     * @param duration how long to wait
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    default void sleep(Duration duration) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
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

    /**
     * Runs {@code action} once {@code timeout} has passed, unless the returned timer is cancelled
     * first: how the transport ends an attempt still without its whole answer, or a call past its
     * deadline. Nearly every such timer is cancelled, because the answer comes in time, so
     * cancelling should cost little.
     *
     * <p>The default runs {@code action} when {@link #timeout(Duration)}'s future completes, and
     * cancels that future. {@link #system()} schedules {@code action} on its timer thread without a
     * future (cancelling a future makes a {@code CancellationException}, stack trace and all, for it
     * and for every stage that depends on it).
     *
     * @param timeout how long until {@code action} runs
     * @param action what to do then; it runs on a thread of the scheduler (or the one that moves a
     *     virtual clock), so it should be quick
     * @return the timer, to cancel when the awaited thing finishes first
     */
    default Timer timeout(Duration timeout, Runnable action) {
        CompletableFuture<Void> timer = timeout(timeout);
        timer.thenRun(action);
        return () -> timer.cancel(false);
    }

    /**
     * A timer of {@link #timeout(Duration, Runnable)}.
     */
    @FunctionalInterface
    interface Timer {
        /**
         * Stops the timer: its action does not run, unless it has started already. Cancelling
         * twice is harmless.
         */
        void cancel();
    }
}
