package dev.tcgen.runtime;

import java.time.Duration;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of a transport's default HTTP client: at most a given number, each ended after a
 * while without work. A task goes to a thread that waits for work if there is one, else to a new
 * thread while there are fewer than the most, else into a queue that the threads take from as they
 * finish.
 *
 * <p>(A {@code ThreadPoolExecutor} with a plain queue puts every task in the queue once its core
 * threads exist, and the queue wakes its longest-idle thread for it: on two processors that cost 15
 * to 30 microseconds of processor time per blocking call, a tenth of the call. The JDK's default
 * executor hands a task to an idle thread directly, but starts a thread for each task that finds
 * none idle: 805 threads for 10,000 calls in flight. This hands off as directly, and is bounded.)
 */
final class HttpThreads {
    private HttpThreads() {
    }

    /**
     * An executor of at most {@code most} daemon threads named {@code tcgen-http-<n>}, each ended
     * after {@code idle} without work.
     */
    static ThreadPoolExecutor create(int most, Duration idle) {
        HandOff queue = new HandOff();
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(0, most, idle.toNanos(), TimeUnit.NANOSECONDS, queue, task -> {
            Thread thread = new Thread(task, "tcgen-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, (task, executor) -> queue.add(task));
    }

    /**
     * The executor's queue: {@code offer} gives a task only to a thread that waits for one, so that
     * the executor starts another thread, up to its most, when none waits; then the rejected task is
     * queued ({@code add}) for the next thread that is free.
     */
    private static final class HandOff extends LinkedTransferQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }
    }
}
