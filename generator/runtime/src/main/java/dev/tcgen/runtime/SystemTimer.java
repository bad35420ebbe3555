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
 *
 * <p>A timer that becomes the earliest wakes the timer thread, to wait for it instead; a call's
 * timeout, scheduled when nothing else is (one call after another), would so wake it once per
 * call, which costs more processor time than the rest of the call's timekeeping. So while
 * timeouts are scheduled, a heartbeat, a task that does nothing, runs every
 * {@value #HEARTBEAT_MILLIS} ms: it is always earlier than a new timeout, which then wakes
 * nobody. It stops a second after the last timeout was scheduled.
 */
final class SystemTimer {
    private static final ScheduledThreadPoolExecutor TIMER = createTimer();

    /** How often the heartbeat runs. */
    static final long HEARTBEAT_MILLIS = 10;

    /** How long the heartbeat goes on after the last timeout was scheduled. */
    private static final long HEARTBEAT_LINGER = TimeUnit.SECONDS.toNanos(1);

    /** When the last timeout was scheduled, on {@link System#nanoTime()}. */
    private static volatile long lastTimeout;

    /** The running heartbeat, or {@code null}; changed under the class's lock. */
    private static volatile ScheduledFuture<?> heartbeat;

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
        lastTimeout = System.nanoTime();
        if (heartbeat == null) {
            startHeartbeat();
        }
        ScheduledFuture<?> timer = TIMER.schedule(() -> ForkJoinPool.commonPool().execute(action),
                Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> timer.cancel(false);
    }

    /** Starts the heartbeat, unless it runs. */
    private static synchronized void startHeartbeat() {
        if (heartbeat == null) {
            long period = TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MILLIS);
            heartbeat = TIMER.scheduleAtFixedRate(SystemTimer::beat, period, period, TimeUnit.NANOSECONDS);
        }
    }

    /** One beat, on the timer thread: the heartbeat stops once no timeout was scheduled for a while. */
    private static synchronized void beat() {
        if (System.nanoTime() - lastTimeout > HEARTBEAT_LINGER) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
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
