package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.describe;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.ApiTransport;
import dev.tcgen.client.core.CallMetrics;
import dev.tcgen.client.core.Credentials;
import dev.tcgen.client.core.MetricsListener;
import dev.tcgen.client.core.RateLimitMode;
import dev.tcgen.client.core.RetryPolicy;
import dev.tcgen.client.trtc.FakeTrtcServer.Answer;
import dev.tcgen.client.trtc.FakeTrtcServer.Received;
import dev.tcgen.client.trtc.v20190722.Region;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamResponse;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import dev.tcgen.runtime.testing.CapturingLogger;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client under load (the {@code reliability} profile): ten thousand calls in flight at once against a slow server
 * hold no thread each and a bounded amount of memory; and 32 threads making 1,000 blocking calls each, with 5 % of the
 * answers faults, see every call end exactly once, as a success or a typed failure, and the attempts the client
 * counted (its metrics listener) add up to the requests the server received.
 */
@Tag("reliability")
@Timeout(600)
class LoadEndToEndTest {

    private static final int CONCURRENT = 10_000;

    @Test
    void tenThousandConcurrentAsyncCallsHoldNoThreadEachAndBoundedMemory() throws Exception {
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), SlowServer.class.getName(),
                Integer.toString(CONCURRENT), "3000")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add), "slow-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            int port = Integer.parseInt(next(lines, "port ").substring("port ".length()));
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            try (TrtcClient client = TrtcClient.builder()
                    .credentials(Credentials.of(TestClients.SECRET_ID, TestClients.SECRET_KEY))
                    .region(Region.AP_GUANGZHOU)
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .rateLimitMode(RateLimitMode.OFF)
                    .requestTimeout(Duration.ofSeconds(120))
                    .connectTimeout(Duration.ofSeconds(60))
                    .build()) {
                client.stopPublishCdnStreamAsync(stop("warm-up"));
                long heapBefore = usedHeapAfterGc(memory);
                int threadsBefore = threads.getThreadCount();
                threads.resetPeakThreadCount();

                List<CompletableFuture<StopPublishCdnStreamResponse>> calls = new ArrayList<>();
                for (int i = 0; i < CONCURRENT - 1; i++) {
                    calls.add(client.stopPublishCdnStreamAsync(stop("t-" + i)));
                }
                String holding = next(lines, "holding ");
                long heapHolding = usedHeapAfterGc(memory);
                int threadsHolding = threads.getThreadCount();
                long inFlight = calls.stream().filter(call -> !call.isDone()).count();

                List<String> answered = new ArrayList<>();
                for (CompletableFuture<StopPublishCdnStreamResponse> call : calls) {
                    answered.add(call.get(120, TimeUnit.SECONDS).taskId());
                }
                int peakThreads = threads.getPeakThreadCount();

                System.out.printf("load: %d calls in flight at once (server: %s); heap used after GC: %.1f MB before, "
                        + "%.1f MB with all in flight (%.1f KB a call); threads: %d before, %d with all in flight, %d "
                        + "at the peak%n", inFlight, holding, mb(heapBefore), mb(heapHolding),
                        (heapHolding - heapBefore) / 1024.0 / CONCURRENT, threadsBefore, threadsHolding, peakThreads);
                assertEquals("holding " + CONCURRENT, holding, "the server saw every call at once");
                assertEquals(CONCURRENT - 1, inFlight, "every call was in flight while the server held them");
                assertEquals(CONCURRENT - 1, answered.size());
                for (int i = 0; i < answered.size(); i++) {
                    assertEquals("t-" + i, answered.get(i));
                }
                assertTrue(threadsHolding <= threadsBefore + ApiTransport.HTTP_THREADS + 2,
                        "no thread per call in flight: " + threadsHolding);
                // When an exchange ends, the JDK's sendAsync completes its future on CompletableFuture's default
                // executor, which on fewer than three processors starts a thread per task: short-lived, but a
                // burst of ten thousand answers has a couple of hundred at once. Not a thread per call.
                assertTrue(peakThreads < threadsBefore + 1_000, "no thread per call at the peak: " + peakThreads);
                assertTrue(heapHolding - heapBefore < 30L * 1024 * CONCURRENT, "bounded memory: under 30 KB a call");
            }
            assertEquals("answered " + CONCURRENT, next(lines, "answered "));
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void thirtyTwoThreadsMakingAThousandBlockingCallsEachWithFivePercentFaultsEachEndOnceAndTheCountsAddUp()
            throws Exception {
        Map<String, List<String>> answers = new ConcurrentHashMap<>();
        try (FakeTrtcServer server = TestClients.server(request -> {
            List<String> given = answers.computeIfAbsent(TestClients.taskId(request),
                    id -> Collections.synchronizedList(new ArrayList<>()));
            String fault = fault(TestClients.taskId(request), given.size());
            given.add(fault);
            return answer(fault, request);
        })) {
            AtomicInteger ended = new AtomicInteger();
            AtomicInteger succeeded = new AtomicInteger();
            Map<String, Integer> endings = new ConcurrentHashMap<>();
            Map<String, TrtcException> failures = new ConcurrentHashMap<>();
            MeasuredCalls measured = new MeasuredCalls();
            try (TrtcClient client = TestClients.client(server)
                    .rateLimitMode(RateLimitMode.OFF)
                    .logger(new CapturingLogger())
                    .metricsListener(measured)
                    .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(10))
                            .build())
                    .build()) {
                ExecutorService pool = Executors.newFixedThreadPool(32);
                try {
                    List<Future<?>> workers = new ArrayList<>();
                    for (int thread = 0; thread < 32; thread++) {
                        int first = thread * 1_000;
                        workers.add(pool.submit(() -> {
                            for (int i = first; i < first + 1_000; i++) {
                                String id = "c-" + i;
                                try {
                                    String answer = i % 2 == 0
                                            ? client.describeCloudRecording(describe(id)).taskId()
                                            : client.stopPublishCdnStream(stop(id)).taskId();
                                    assertEquals(id, answer);
                                    succeeded.incrementAndGet();
                                } catch (TrtcException e) {
                                    failures.put(id, e);
                                }
                                endings.merge(id, 1, Integer::sum);
                                ended.incrementAndGet();
                            }
                            return null;
                        }));
                    }
                    for (Future<?> worker : workers) {
                        worker.get(300, TimeUnit.SECONDS);
                    }
                } finally {
                    pool.shutdownNow();
                }
            }

            int calls = 32 * 1_000;
            assertEquals(calls, ended.get(), "every call ended");
            assertEquals(calls, endings.size());
            assertTrue(endings.values().stream().allMatch(count -> count == 1), "every call ended exactly once");
            assertEquals(calls, succeeded.get() + failures.size(), "each call succeeded or failed");
            assertEquals(succeeded.get(), measured.succeeded.get(), "the metrics saw each success once");
            assertEquals(failures.size(), measured.failed.get(), "the metrics saw each failure once");
            assertEquals(failures.values().stream().mapToLong(TrtcException::attempts).sum(),
                    measured.attemptsOfFailures.get(), "the failures' attempts() agree with their metrics");
            long attempts = measured.attempts.get();
            assertEquals(server.received().size(), attempts,
                    "the attempts the client made (its metrics) add up to the requests the server received");
            for (Map.Entry<String, List<String>> call : answers.entrySet()) {
                List<String> given = call.getValue();
                TrtcException failure = failures.get(call.getKey());
                if (failure == null) {
                    assertEquals("ok", given.get(given.size() - 1), call.toString());
                } else {
                    assertEquals(given.size(), failure.attempts(), call + " " + failure.getMessage());
                    assertEquals(expectedCode(given.get(given.size() - 1)), failure.code(), call.toString());
                }
            }
            assertEquals(calls, answers.size(), "the server saw every call");
            assertTrue(server.received().stream().allMatch(Received::signatureValid));
            Map<String, Long> byCode = failures.values().stream()
                    .collect(Collectors.groupingBy(TrtcException::code, TreeMap::new, Collectors.counting()));
            long faults = answers.values().stream().flatMap(List::stream).filter(a -> !a.equals("ok")).count();
            System.out.printf("load: %d calls on 32 threads: %d succeeded, %d failed %s; %d attempts (client's metrics),"
                    + " %d requests received, %d of them faults (%.1f %%)%n", calls, succeeded.get(), failures.size(),
                    byCode, attempts, server.received().size(), faults, 100.0 * faults / attempts);
        }
    }

    /** What the client's metrics listener counts of the calls that ended. */
    private static final class MeasuredCalls implements MetricsListener {
        final AtomicInteger succeeded = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong attempts = new AtomicLong();
        final AtomicLong attemptsOfFailures = new AtomicLong();

        @Override
        public void callEnded(CallMetrics metrics) {
            attempts.addAndGet(metrics.attempts());
            if (metrics.succeeded()) {
                succeeded.incrementAndGet();
            } else {
                failed.incrementAndGet();
                attemptsOfFailures.addAndGet(metrics.attempts());
            }
        }
    }

    /** The answer to one attempt of a call: a fault for 5 % of the attempts, chosen by a hash, else "ok". */
    private static String fault(String call, int attempt) {
        int hash = Math.floorMod((call + "#" + attempt).hashCode() * 0x9E3779B9, 1_000);
        if (hash >= 50) {
            return "ok";
        }
        return List.of("InternalError", "ResourceNotFound", "hang-up", "503", "garbage").get(hash % 5);
    }

    private static Answer answer(String fault, Received request) {
        return switch (fault) {
            case "ok" -> TestClients.echo(request, "req");
            case "InternalError" -> Answer.error("InternalError", "Internal error.", "req");
            case "ResourceNotFound" -> Answer.error("ResourceNotFound", "No such task.", "req");
            case "hang-up" -> Answer.hangUp();
            case "503" -> Answer.raw(503, "text/html", "<html>Service Unavailable</html>");
            default -> Answer.raw(200, "application/json", "garbage");
        };
    }

    /** The code of a call that ended with this fault. */
    private static String expectedCode(String fault) {
        return switch (fault) {
            case "InternalError", "ResourceNotFound" -> fault;
            case "hang-up" -> "ClientError.ConnectionLost";
            default -> "ClientError.InvalidResponse";
        };
    }

    private static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        while (true) {
            String line = lines.poll(120, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("the slow server did not print " + prefix);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
