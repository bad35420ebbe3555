package dev.tcgen.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps requests under a documented number per second where the service counts them: when they
 * arrive at the server.
 *
 * <p>The client cannot see when a request arrives, only that it arrives after it was sent and
 * before its answer comes back; requests take different times on the way (a first request
 * connects, a later one reuses the connection), so permits spaced by one second at the client
 * can arrive closer together. So a request holds its permit from the moment it may be sent until
 * its answer (or failure) is in, and the limiter counts it for one more second after that: a new
 * permit is granted only while fewer than N requests are held or were released within the last
 * second. Then no second at the server, wherever it starts, holds more than N arrivals, however
 * long each request takes on its way. On top, permits are spaced evenly, one every 1/N second,
 * with a burst of at most a tenth of N (at least 1) after a quiet spell, so that requests are
 * not sent in bursts.
 *
 * <p>A limiter sustains about N / (1 s + the round trip) permits per second. Callers that must
 * wait queue in arrival order, whether they wait in their own thread ({@link #awaitPermit()}) or
 * for a future ({@link #acquire()}): a waiting thread sleeps on the scheduler's clock until its turn,
 * and one scheduled task completes the futures as permits free up, so an asynchronous wait holds no
 * thread.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.perSecond(20);
 * RateLimiter.Permit permit = limiter.awaitPermit();      // waits in this thread for a permit
 * try {
 *     send();
 * } finally {
 *     permit.release();                                   // once the answer is in
 * }
 * limiter.acquire().thenAccept(...);                      // or: a future, no thread waits
 * limiter.tryAcquire().ifPresent(...);                    // or: only if a permit is free now
 * }</pre>
 *
 * <p>Thread-safe. The transport keeps one limiter per limited action of a client, or uses one
 * given to it, which several clients, or several actions that share a quota, can share.
 */
public final class RateLimiter {
    private static final long SECOND = 1_000_000_000L;

    private final int permitsPerSecond;

    private final Scheduler scheduler;

    /**
     * The even spacing of permits: one second / N.
     */
    private final long spacing;

    /**
     * How far ahead of the even spacing a burst may run: {@code (burst - 1) * spacing}.
     */
    private final long burstAhead;

    /**
     * When permits were released within about the last second, oldest first.
     */
    private final ArrayDeque<Long> released = new ArrayDeque<>();

    /**
     * The callers waiting for a permit, in the order they asked: futures to complete, and threads that
     * take their permit themselves when they reach the head.
     */
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();

    /**
     * Permits granted and not yet released.
     */
    private int held;

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
        this.spacing = SECOND / permitsPerSecond;
        this.burstAhead = (Math.max(1, permitsPerSecond / 10) - 1) * spacing;
        this.nextSpaced = scheduler.nanoTime();
    }

    /**
     * A limiter of {@code permitsPerSecond} requests per second at the server, on the given
     * scheduler's clock.
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
     * A limiter of {@code permitsPerSecond} requests per second at the server, on
     * {@link Scheduler#system()}.
     *
     * @param permitsPerSecond the documented limit, at least 1
     * @return a new limiter
     * @throws IllegalArgumentException if {@code permitsPerSecond} is less than 1
     */
    public static RateLimiter perSecond(int permitsPerSecond) {
        return new RateLimiter(permitsPerSecond, Scheduler.system());
    }

    /**
     * The limit: the most requests in any second at the server.
     *
     * @return the limit, at least 1
     */
    public int permitsPerSecond() {
        return permitsPerSecond;
    }

    /**
     * Takes a permit if one is free now and nobody is queued before the caller.
     *
     * @return the permit, to release once the request's answer is in; empty if none is free
     */
    public synchronized Optional<Permit> tryAcquire() {
        long now = scheduler.nanoTime();
        if (!waiting.isEmpty() || !available(now)) {
            return Optional.empty();
        }
        return Optional.of(grant(now));
    }

    /**
     * A permit: a future that completes when the caller may send, at once if a permit is free.
     * Callers are served in the order they asked. Cancelling the future gives up the place in
     * the queue without using a permit.
     *
     * @return a future completed with the permit, to release once the request's answer is in
     */
    public CompletableFuture<Permit> acquire() {
        CompletableFuture<Permit> permit = new CompletableFuture<>();
        synchronized (this) {
            long now = scheduler.nanoTime();
            if (waiting.isEmpty() && available(now)) {
                return CompletableFuture.completedFuture(grant(now));
            }
            waiting.add(new Waiter(permit));
        }
        scheduleDrain();
        return permit;
    }

    /**
     * Waits in the calling thread for a permit, at once if one is free: the blocking twin of
     * {@link #acquire()}, in the same queue. The thread sleeps on the scheduler's clock
     * ({@link Scheduler#sleep}) until its permit is due, or, while all N are held, until one is
     * released; no other thread takes part.
     *
     * @return the permit, to release once the request's answer is in
     * @throws InterruptedException if the thread is interrupted while it waits; it then leaves the
     *     queue without a permit
     */
    public Permit awaitPermit() throws InterruptedException {
        Waiter self;
        synchronized (this) {
            long now = scheduler.nanoTime();
            if (waiting.isEmpty() && available(now)) {
                return grant(now);
            }
            self = new Waiter(null);
            waiting.add(self);
        }
        Permit permit = null;
        try {
            while (permit == null) {
                long sleep;
                synchronized (this) {
                    long now = scheduler.nanoTime();
                    if (waiting.peek() == self && available(now)) {
                        waiting.poll();
                        permit = grant(now);
                        continue;
                    }
                    if (waiting.peek() != self || held >= permitsPerSecond) {
                        wait();   // for the callers before this one, or for a release
                        continue;
                    }
                    sleep = availableAt(now) - now;
                }
                scheduler.sleep(Duration.ofNanos(sleep));
            }
        } finally {
            if (permit == null) {
                synchronized (this) {
                    waiting.remove(self);
                }
            }
            scheduleDrain();
        }
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
     * The right to send one request. The limiter counts it from its grant until one second after
     * its release.
     */
    public final class Permit {
        private final long grantedAt;

        private boolean done;

        private Permit(long grantedAt) {
            this.grantedAt = grantedAt;
        }

        /**
         * When the permit was granted, on the scheduler's {@link Scheduler#nanoTime()}.
         */
        long grantedAt() {
            return grantedAt;
        }

        /**
         * Gives the permit back once the request's answer, or its failure, is in; it still counts
         * for one more second. Releasing twice is harmless.
         */
        public void release() {
            synchronized (RateLimiter.this) {
                if (done) {
                    return;
                }
                done = true;
                held--;
                RateLimiter.this.released.add(scheduler.nanoTime());
            }
            scheduleDrain();
        }
    }

    /**
     * Runs {@link #drain()} when the head of the queue may get its permit, unless a drain is
     * already scheduled, nobody waits, or the time is not known yet (all N permits are held: a
     * release schedules it then); wakes the head instead if it is a waiting thread. Called without
     * the lock held, because a scheduler may run the drain at once on this thread.
     */
    private void scheduleDrain() {
        long wait;
        synchronized (this) {
            Waiter head = waiting.peek();
            if (head != null && head.isThread()) {
                notifyAll();   // a waiting thread at the head takes its permit itself
                return;
            }
            long now = scheduler.nanoTime();
            if (drainScheduled || head == null || held >= permitsPerSecond) {
                return;
            }
            drainScheduled = true;
            wait = Math.max(0, availableAt(now) - now);
        }
        try {
            scheduler.delay(Duration.ofNanos(wait)).whenComplete((ignored, failure) -> drain());
        } catch (RuntimeException e) {
            failWaiting(e);
        }
    }

    /**
     * Grants permits to the queue's head while they are free, up to a waiting thread (which takes
     * its own), then schedules itself again, or wakes that thread, if anyone is still waiting.
     * Futures are completed outside the lock; a permit whose caller has given up meanwhile is
     * released at once.
     */
    private void drain() {
        List<CompletableFuture<Permit>> ready = new ArrayList<>();
        List<Permit> granted = new ArrayList<>();
        synchronized (this) {
            drainScheduled = false;
            long now = scheduler.nanoTime();
            while (!waiting.isEmpty() && !waiting.peek().isThread() && available(now)) {
                CompletableFuture<Permit> next = waiting.poll().future;
                if (!next.isDone()) {
                    ready.add(next);
                    granted.add(grant(now));
                }
            }
        }
        for (int i = 0; i < ready.size(); i++) {
            if (!ready.get(i).complete(granted.get(i))) {
                granted.get(i).release();
            }
        }
        scheduleDrain();
    }

    /**
     * The scheduler failed: no future queued can be completed, so all of them fail (a waiting
     * thread needs no timer).
     */
    private void failWaiting(RuntimeException failure) {
        List<CompletableFuture<Permit>> failed = new ArrayList<>();
        synchronized (this) {
            waiting.removeIf(waiter -> !waiter.isThread() && failed.add(waiter.future));
            drainScheduled = false;
        }
        failed.forEach(permit -> permit.completeExceptionally(failure));
    }

    /**
     * Whether a permit granted at {@code now} keeps both rules: fewer than N requests held or
     * released within the last second, and the spacing (with its burst) kept.
     */
    private boolean available(long now) {
        while (!released.isEmpty() && now - released.peek() > SECOND) {
            released.poll();
        }
        return held + released.size() < permitsPerSecond && now - (nextSpaced - burstAhead) >= 0;
    }

    /**
     * When the next permit frees up under both rules, given that fewer than N are held.
     */
    private long availableAt(long now) {
        available(now);
        long byCount = held + released.size() < permitsPerSecond ? now : released.peek() + SECOND + 1;
        long bySpacing = nextSpaced - burstAhead;
        return byCount - bySpacing > 0 ? byCount : bySpacing;
    }

    private Permit grant(long now) {
        held++;
        nextSpaced = (now - nextSpaced > 0 ? now : nextSpaced) + spacing;
        return new Permit(now);
    }

    /**
     * One caller in the queue: a future to complete, or ({@code null}) a thread that waits for its
     * turn and takes its permit itself. Compared by identity.
     */
    private static final class Waiter {
        final CompletableFuture<Permit> future;

        Waiter(CompletableFuture<Permit> future) {
            this.future = future;
        }

        boolean isThread() {
            return future == null;
        }
    }
}
