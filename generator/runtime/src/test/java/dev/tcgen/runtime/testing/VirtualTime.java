package dev.tcgen.runtime.testing;

import dev.tcgen.runtime.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/**
 * A virtual clock for the client's {@link Scheduler}: no test waits for real time, and every delay is recorded.
 *
 * <p>A delay is a wait (backoff, a rate-limit permit): a future ({@link #delay}) for an asynchronous call, or a sleep
 * of the calling thread ({@link #sleep}) for a blocking one; a timeout races real work (an attempt's request timeout,
 * a call's deadline). In {@link #autoAdvancing()} mode a delay moves the clock forward at once to its end (never
 * backwards), firing the timeouts it passes, and completes on the calling thread (a sleep returns at once), so
 * retries and rate-limit waits take no wall-clock time; a timeout fires only when the clock reaches it. In
 * {@link #manual()} mode delays and timeouts stay pending, and a sleeping thread waits, until the test calls
 * {@link #advance(Duration)} (from another thread), so a test can look at the state of things while something waits.
 * In both modes a delay of zero is over at once, as {@link Scheduler#delay} says. Sleeps are recorded with the
 * delays ({@link #delays()}).
 */
public final class VirtualTime implements Scheduler {

    /** The wall-clock time at virtual nanosecond 0: a whole second, 2024-05-01T00:00:00Z. */
    public static final Instant EPOCH = Instant.parse("2024-05-01T00:00:00Z");

    private record Timer(long due, long sequence, boolean isTimeout, CompletableFuture<Void> future) {}

    private final boolean automatic;
    private final List<Duration> delays = new CopyOnWriteArrayList<>();
    private final PriorityQueue<Timer> pending = new PriorityQueue<>((a, b) -> a.due() != b.due()
            ? Long.compare(a.due(), b.due()) : Long.compare(a.sequence(), b.sequence()));
    private long nanos;
    private long sequence;

    private VirtualTime(boolean automatic) {
        this.automatic = automatic;
    }

    /** Time jumps forward whenever someone waits. */
    public static VirtualTime autoAdvancing() {
        return new VirtualTime(true);
    }

    /** Time moves only when the test calls {@link #advance(Duration)}. */
    public static VirtualTime manual() {
        return new VirtualTime(false);
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Instant now() {
        return EPOCH.plusNanos(nanos);
    }

    @Override
    public CompletableFuture<Void> delay(Duration delay) {
        delays.add(delay);
        if (delay.isZero() || delay.isNegative()) {
            return CompletableFuture.completedFuture(null);
        }
        if (!automatic) {
            return schedule(delay, false);
        }
        advance(Duration.ofNanos(Math.max(0, delay.toNanos())));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        CompletableFuture<Void> over = delay(duration);
        try {
            over.get();
        } catch (InterruptedException e) {
            over.cancel(false);
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a timer of virtual time failed", e);
        }
    }

    @Override
    public CompletableFuture<Void> timeout(Duration timeout) {
        return schedule(timeout, true);
    }

    private synchronized CompletableFuture<Void> schedule(Duration after, boolean isTimeout) {
        if (pending.size() > 1_000) {
            pending.removeIf(timer -> timer.future().isDone());
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        pending.add(new Timer(nanos + Math.max(0, after.toNanos()), sequence++, isTimeout, future));
        return future;
    }

    /** Moves the clock forward, completing (in order, on this thread) every timer that falls due. */
    public void advance(Duration by) {
        long end;
        synchronized (this) {
            end = nanos + by.toNanos();
        }
        while (true) {
            Timer next;
            synchronized (this) {
                next = pending.peek();
                if (next == null || next.due() > end) {
                    nanos = Math.max(nanos, end);
                    return;
                }
                pending.poll();
                nanos = Math.max(nanos, next.due());
            }
            next.future().complete(null);
        }
    }

    /** How many delays and sleeps are waiting (manual mode), not counting cancelled ones. */
    public synchronized int pendingTimers() {
        return (int) pending.stream().filter(timer -> !timer.isTimeout() && !timer.future().isDone()).count();
    }

    /** How many timeouts are waiting, not counting cancelled ones. */
    public synchronized int pendingTimeouts() {
        return (int) pending.stream().filter(timer -> timer.isTimeout() && !timer.future().isDone()).count();
    }

    /** Every delay and sleep asked for, in order. */
    public List<Duration> delays() {
        return new ArrayList<>(delays);
    }

    /**
     * This virtual time as a {@link Clock}, for what takes one (the credentials providers compare expirations with
     * it): it reads {@link #now()}.
     */
    public Clock clock() {
        VirtualTime time = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return time.now();
            }
        };
    }

    /** The virtual time elapsed since the start. */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(nanos);
    }
}
