package dev.tcgen.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs independent generation tasks (one per service) on a few threads and returns their results in task order, so
 * that output never depends on the number of threads or on which task finished first.
 *
 * <pre>{@code
 * List<List<GeneratedSource>> perService = ParallelTasks.run(tasks, 2);
 * }</pre>
 */
public final class ParallelTasks {

    private ParallelTasks() {}

    /**
     * Runs the tasks on at most {@code threads} threads (in the calling thread when one is enough) and waits for all.
     * JavaPoet is initialised first, in the calling thread ({@link JavaPoetInit}).
     *
     * @return each task's result, in task order
     * @throws RuntimeException or {@link Error}: the first failure in task order, as the task threw it; the other
     *     tasks still run to their end
     * @throws IllegalArgumentException if {@code threads} is below 1
     */
    public static <T> List<T> run(List<? extends Supplier<T>> tasks, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        JavaPoetInit.ensureInitialized();
        if (threads == 1 || tasks.size() <= 1) {
            List<T> results = new ArrayList<>();
            tasks.forEach(task -> results.add(task.get()));
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), daemonThreads("tcgen"));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Supplier<T> task : tasks) {
                futures.add(pool.submit(task::get));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(join(future));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A factory of daemon threads named {@code <prefix>-1}, {@code <prefix>-2}, ... */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static <T> T join(Future<T> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
