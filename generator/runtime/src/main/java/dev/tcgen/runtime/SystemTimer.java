package dev.tcgen.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The timers of {@link Scheduler#system()}: one daemon thread, {@code tcgen-timer}, started on
 * first use and shared by every client. It only hands each expired timer to the common
 * fork-join pool, where the call goes on, so a slow step (a credentials refresh) never holds
 * up other timers; and a cancelled timer is removed at once, so the timeouts of calls that
 * were answered in time do not pile up.
 */
final class SystemTimer {
    private static final ScheduledThreadPoolExecutor TIMER = createTimer();

    private SystemTimer() {
    }

    /**
     * A future completed on the common pool once {@code delay} has passed; at once for a zero
     * or negative delay. Cancelling it cancels the timer.
     */
    static CompletableFuture<Void> after(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> elapsed = new CompletableFuture<>();
        ScheduledFuture<?> timer = TIMER.schedule(() -> ForkJoinPool.commonPool().execute(() -> elapsed.complete(null)),
                delay.toNanos(), TimeUnit.NANOSECONDS);
        elapsed.whenComplete((ignored, failure) -> timer.cancel(false));
        return elapsed;
    }

    /**
     * Runs {@code action} on the common pool once {@code delay} has passed, unless the returned
     * timer is cancelled first; cancelling removes it at once and allocates nothing.
     */
    static Scheduler.Timer run(Duration delay, Runnable action) {
        ScheduledFuture<?> timer = TIMER.schedule(() -> ForkJoinPool.commonPool().execute(action),
                Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> timer.cancel(false);
    }

    private static ScheduledThreadPoolExecutor createTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "tcgen-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
