package dev.tcgen.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps calls under a documented number per second, counted where it counts: at the server.
 *
 * <p>The service counts requests when they arrive, and requests do not arrive in the order and
 * at the intervals they were sent: each spends its own time in signing, connecting and the
 * network. So for a limit of N per second the limiter keeps two rules:
 * <ul>
 *   <li>in no window of {@link #WINDOW} (one second and {@link #ALLOWANCE}), wherever it starts,
 *       does it grant more than N permits. As long as the time from permit to arrival differs by
 *       less than the allowance from one request to another, no one-second window at the server
 *       holds more than N;</li>
 *   <li>permits are spaced evenly, one every {@code WINDOW / N} (55 ms for 20 per second), with
 *       a burst of at most a tenth of N (at least 1) after a quiet spell. Requests sent together
 *       would be spread by the network and the server, which is what the allowance must
 *       absorb.</li>
 * </ul>
 * So a limiter of N sustains N / 1.1 permits per second. Callers that must wait queue in
 * arrival order; one scheduled task releases them as permits free up, so waiting holds no
 * thread.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.perSecond(20);
 * limiter.acquire().join();          // blocks this thread until a permit is free
 * limiter.acquire().thenRun(send);   // or: runs send when it is, holding no thread
 * if (limiter.tryAcquire()) { ... }  // or: only if a permit is free now
 * }</pre>
 *
 * <p>Thread-safe. The transport keeps one limiter per limited action of a client, or uses one
 * given to it, which several clients, or several actions that share a quota, can share.
 */
public final class RateLimiter {
    /**
     * How much the times from permit to arrival at the server may differ between requests
     * without putting more than N requests into one second there: 100 ms.
     */
    public static final Duration ALLOWANCE = Duration.ofMillis(100);

    /**
     * The window in which at most N permits are granted: one second and the
     * {@link #ALLOWANCE}.
     */
    public static final Duration WINDOW = Duration.ofSeconds(1).plus(ALLOWANCE);

    private static final long WINDOW_NANOS = WINDOW.toNanos();

    private final int permitsPerSecond;

    private final Scheduler scheduler;

    /**
     * The monotonic times of the last permits, a ring; {@code oldest} is the next slot.
     */
    private final long[] granted;

    /**
     * The even spacing of permits: {@code WINDOW / N}.
     */
    private final long spacing;

    /**
     * How far ahead of the even spacing a burst may run: {@code (burst - 1) * spacing}.
     */
    private final long burstAhead;

    private final ArrayDeque<CompletableFuture<Long>> waiting = new ArrayDeque<>();

    private int oldest;

    private int count;

    /**
     * When the next permit is due on the even spacing.
     */
    private long nextSpaced;

    private boolean drainScheduled;

    private RateLimiter(int permitsPerSecond, Scheduler scheduler) {
        if (permitsPerSecond < 1) {
            throw new IllegalArgumentException("permitsPerSecond must be at least 1, not " + permitsPerSecond);
        }
        this.permitsPerSecond = permitsPerSecond;
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.granted = new long[permitsPerSecond];
        this.spacing = WINDOW_NANOS / permitsPerSecond;
        this.burstAhead = (Math.max(1, permitsPerSecond / 10) - 1) * spacing;
        this.nextSpaced = scheduler.nanoTime();
    }

    /**
     * A limiter of {@code permitsPerSecond} permits per second, on the given scheduler's clock.
     *
     * @param permitsPerSecond the documented limit, at least 1
     * @param scheduler the clock and timer to use
     * @return a new limiter
     * @throws IllegalArgumentException if {@code permitsPerSecond} is less than 1
     */
    public static RateLimiter perSecond(int permitsPerSecond, Scheduler scheduler) {
        return new RateLimiter(permitsPerSecond, scheduler);
    }

    /**
     * A limiter of {@code permitsPerSecond} permits per second, on {@link Scheduler#system()}.
     *
     * @param permitsPerSecond the documented limit, at least 1
     * @return a new limiter
     * @throws IllegalArgumentException if {@code permitsPerSecond} is less than 1
     */
    public static RateLimiter perSecond(int permitsPerSecond) {
        return new RateLimiter(permitsPerSecond, Scheduler.system());
    }

    /**
     * The limit: the most permits this limiter grants in any {@link #WINDOW}.
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
            wait = availableAt(now) - now;
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
                wait = availableAt(now) - now;
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
     * Whether a permit granted at {@code now} keeps both rules: fewer than N permits so far or
     * the oldest of the last N more than a window ago, and the spacing (with its burst) kept.
     */
    private boolean available(long now) {
        return (count < permitsPerSecond || now - granted[oldest] > WINDOW_NANOS)
                && now - (nextSpaced - burstAhead) >= 0;
    }

    /**
     * When the next permit frees up under both rules.
     */
    private long availableAt(long now) {
        long byWindow = count < permitsPerSecond ? now : granted[oldest] + WINDOW_NANOS + 1;
        long bySpacing = nextSpaced - burstAhead;
        return byWindow - bySpacing > 0 ? byWindow : bySpacing;
    }

    private void grant(long now) {
        granted[oldest] = now;
        oldest = (oldest + 1) % permitsPerSecond;
        if (count < permitsPerSecond) {
            count++;
        }
        nextSpaced = (now - nextSpaced > 0 ? now : nextSpaced) + spacing;
    }
}
