package dev.tcgen.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps calls under a number of permits per second: in no one-second window, wherever it
 * starts, does it grant more than {@link #permitsPerSecond()} permits.
 *
 * <p>It remembers when it granted its last N permits; the next one is granted only once the
 * oldest of those is more than a second old. (A token bucket of N tokens refilled at N per
 * second would let 2N calls through in one second: a full bucket, then a refill.) Callers
 * that must wait queue in arrival order; one scheduled task releases them as permits free up,
 * so waiting holds no thread.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.perSecond(20);
 * limiter.acquire().join();          // blocks this thread until a permit is free
 * limiter.acquire().thenRun(send);   // or: runs send when it is, holding no thread
 * if (limiter.tryAcquire()) { ... }  // or: only if a permit is free now
 * }</pre>
 *
 * <p>Thread-safe. The transport keeps one limiter per limited action of a client.
 */
public final class RateLimiter {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int permitsPerSecond;

    private final Scheduler scheduler;

    /**
     * The monotonic times of the last permits, a ring; {@code oldest} is the next slot.
     */
    private final long[] granted;

    private final ArrayDeque<CompletableFuture<Long>> waiting = new ArrayDeque<>();

    private int oldest;

    private int count;

    private boolean drainScheduled;

    private RateLimiter(int permitsPerSecond, Scheduler scheduler) {
        if (permitsPerSecond < 1) {
            throw new IllegalArgumentException("permitsPerSecond must be at least 1, not " + permitsPerSecond);
        }
        this.permitsPerSecond = permitsPerSecond;
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.granted = new long[permitsPerSecond];
    }

    /**
     * A limiter of {@code permitsPerSecond} permits in any one-second window, on the given
     * scheduler's clock.
     *
     * @param permitsPerSecond the most permits in any one second, at least 1
     * @param scheduler the clock and timer to use
     * @return a new limiter
     * @throws IllegalArgumentException if {@code permitsPerSecond} is less than 1
     */
    public static RateLimiter perSecond(int permitsPerSecond, Scheduler scheduler) {
        return new RateLimiter(permitsPerSecond, scheduler);
    }

    /**
     * A limiter of {@code permitsPerSecond} permits in any one-second window, on
     * {@link Scheduler#system()}.
     *
     * @param permitsPerSecond the most permits in any one second, at least 1
     * @return a new limiter
     * @throws IllegalArgumentException if {@code permitsPerSecond} is less than 1
     */
    public static RateLimiter perSecond(int permitsPerSecond) {
        return new RateLimiter(permitsPerSecond, Scheduler.system());
    }

    /**
     * The most permits this limiter grants in any one-second window.
     *
     * @return the limit, at least 1
     */
    public int permitsPerSecond() {
        return permitsPerSecond;
    }

    /**
     * Takes a permit if one is free now and nobody is queued before the caller.
     *
     * @return whether a permit was taken
     */
    public synchronized boolean tryAcquire() {
        long now = scheduler.nanoTime();
        if (!waiting.isEmpty() || !available(now)) {
            return false;
        }
        grant(now);
        return true;
    }

    /**
     * A permit: a future that completes when the caller may go, at once if a permit is free.
     * Callers are served in the order they asked. Cancelling the future gives up the place
     * in the queue without using a permit.
     *
     * @return a future completed with the scheduler's {@link Scheduler#nanoTime()} at which
     *     the permit was granted
     */
    public CompletableFuture<Long> acquire() {
        CompletableFuture<Long> permit = new CompletableFuture<>();
        long wait;
        synchronized (this) {
            long now = scheduler.nanoTime();
            if (waiting.isEmpty() && available(now)) {
                grant(now);
                return CompletableFuture.completedFuture(now);
            }
            waiting.add(permit);
            if (drainScheduled) {
                return permit;
            }
            drainScheduled = true;
            wait = availableAt() - now;
        }
        scheduleDrain(wait);
        return permit;
    }

    /**
     * How many callers are waiting for a permit now.
     *
     * @return the length of the queue
     */
    public synchronized int queued() {
        return waiting.size();
    }

    /**
     * Describes the limit, e.g. {@code RateLimiter[20/s]}.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "RateLimiter[" + permitsPerSecond + "/s]";
    }

    /**
     * Runs {@link #drain()} after {@code nanos}; called without the lock held, because a
     * scheduler may run the drain at once on this thread.
     */
    private void scheduleDrain(long nanos) {
        try {
            scheduler.delay(Duration.ofNanos(nanos)).whenComplete((ignored, failure) -> drain());
        } catch (RuntimeException e) {
            failWaiting(e);
        }
    }

    /**
     * Grants permits to the queue's head while they are free, then schedules itself again if
     * anyone is still waiting. Futures are completed outside the lock.
     */
    private void drain() {
        List<CompletableFuture<Long>> ready = new ArrayList<>();
        long now;
        long wait = -1;
        synchronized (this) {
            now = scheduler.nanoTime();
            while (!waiting.isEmpty() && available(now)) {
                CompletableFuture<Long> next = waiting.poll();
                if (!next.isDone()) {
                    grant(now);
                    ready.add(next);
                }
            }
            if (waiting.isEmpty()) {
                drainScheduled = false;
            } else {
                wait = availableAt() - now;
            }
        }
        for (CompletableFuture<Long> permit : ready) {
            permit.complete(now);
        }
        if (wait >= 0) {
            scheduleDrain(wait);
        }
    }

    /**
     * The scheduler failed: nobody queued can be released, so all of them fail.
     */
    private void failWaiting(RuntimeException failure) {
        List<CompletableFuture<Long>> failed;
        synchronized (this) {
            failed = new ArrayList<>(waiting);
            waiting.clear();
            drainScheduled = false;
        }
        failed.forEach(permit -> permit.completeExceptionally(failure));
    }

    /**
     * Whether a permit granted at {@code now} keeps every one-second window within the
     * limit: fewer than N permits so far, or the oldest of the last N more than a second ago.
     */
    private boolean available(long now) {
        return count < permitsPerSecond || now - granted[oldest] > WINDOW_NANOS;
    }

    /**
     * When the next permit frees up: just over a second after the oldest remembered one.
     */
    private long availableAt() {
        return granted[oldest] + WINDOW_NANOS + 1;
    }

    private void grant(long now) {
        granted[oldest] = now;
        oldest = (oldest + 1) % permitsPerSecond;
        if (count < permitsPerSecond) {
            count++;
        }
    }
}
