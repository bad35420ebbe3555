package dev.tcgen.client.trtc;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The threads and open sockets of this JVM at one moment, to check that a client gave back everything it took once
 * it is closed and unreachable. On Java 17 {@code HttpClient} has no {@code close()}: its selector thread and its
 * pooled connections end when the garbage collector has collected it, so the check collects garbage while it waits.
 *
 * <p>Threads that outlive any one client by design are not counted: the common fork-join pool's workers and the
 * runtime's one timer thread. Sockets are counted in {@code /proc/self/fd} (Linux); elsewhere only threads are.
 */
final class ResourceBaseline {

    private static final List<String> SHARED_THREADS = List.of("ForkJoinPool.commonPool-worker-", "tcgen-timer");
    private static final Path FDS = Path.of("/proc/self/fd");

    private final Set<Thread> threads;
    private final int sockets;

    private ResourceBaseline(Set<Thread> threads, int sockets) {
        this.threads = threads;
        this.sockets = sockets;
    }

    static ResourceBaseline take() {
        return new ResourceBaseline(new HashSet<>(Thread.getAllStackTraces().keySet()), sockets());
    }

    static {
        // The first HttpClient of a JVM opens a socket that the JDK keeps for the life of the JVM: make it before
        // any baseline is taken, so that it is not counted against a client.
        HttpClient.newHttpClient();
    }

    /** Waits (collecting garbage) until the threads and sockets are back to the baseline, or fails after 30 s. */
    void awaitReturn(String after) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            List<String> extraThreads = extraThreads();
            int extraSockets = sockets() - sockets;
            if (extraThreads.isEmpty() && extraSockets <= 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("after " + after + ", still " + extraThreads.size() + " thread(s) " + extraThreads + " and "
                        + Math.max(0, extraSockets) + " socket(s) more than before");
            }
            System.gc();
            Thread.sleep(100);
        }
    }

    private List<String> extraThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !threads.contains(thread))
                .map(Thread::getName)
                .filter(name -> SHARED_THREADS.stream().noneMatch(name::startsWith))
                .sorted()
                .toList();
    }

    /** The open sockets of this JVM, or 0 where {@code /proc/self/fd} does not exist. */
    static int sockets() {
        if (!Files.isDirectory(FDS)) {
            return 0;
        }
        try (Stream<Path> fds = Files.list(FDS)) {
            return (int) fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
