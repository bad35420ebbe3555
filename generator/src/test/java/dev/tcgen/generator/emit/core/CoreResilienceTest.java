package dev.tcgen.generator.emit.core;

import static dev.tcgen.generator.testing.Reflection.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emitted retry policy, rate limiter, scheduler and logging, run through reflection on a virtual clock: the
 * generator's own check that these classes work, before the generated-client module tests them end to end.
 */
class CoreResilienceTest {

    private static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    private static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    private static final String TOKEN = "session-token-value";
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong nanos = new AtomicLong();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private volatile int failuresBeforeSuccess;
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        String body = answered.incrementAndGet() <= failuresBeforeSuccess
                ? "{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"busy\"},\"RequestId\":\"r\"}}"
                : "{\"Response\":{\"RequestId\":\"req-ok\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void aTransientErrorIsRetriedWithAFreshlyDatedSignatureAfterTheBackoff() {
        failuresBeforeSuccess = 2;
        Object transport = transport(retryPolicy(3, () -> 1.0));
        try {
            Object response = call(transport, "call", "DescribeInstances", "ap-guangzhou", Map.of(), Map.class,
                    CoreFixture.baseExceptionFactory());

            assertEquals(Map.of("RequestId", "req-ok"), response);
        } finally {
            call(transport, "close");
        }
        assertEquals(3, authorizations.size());
        assertEquals(3, Set.copyOf(authorizations).size(), "each attempt is signed again");
        assertEquals(3 * SECOND, nanos.get(), "backoff 1 s, then 2 s");
        assertFalse(String.join("\n", logged).contains(SECRET_KEY), String.join("\n", logged));
        assertFalse(String.join("\n", logged).contains(TOKEN));
        assertFalse(String.join("\n", logged).contains("Signature="));
        assertTrue(logged.stream().anyMatch(line -> line.startsWith("DEBUG DescribeInstances ap-guangzhou attempt 3: "
                + "HTTP 200 in 0 ms, RequestId req-ok")), String.join("\n", logged));
    }

    @Test
    void theLastFailureSaysHowManyAttemptsWereMade() {
        failuresBeforeSuccess = Integer.MAX_VALUE;
        Object transport = transport(retryPolicy(2, () -> 0.0));
        RuntimeException e;
        try {
            e = assertThrows(RuntimeException.class, () -> call(transport, "call", "DescribeInstances", null,
                    Map.of(), Map.class, CoreFixture.baseExceptionFactory()));
        } finally {
            call(transport, "close");
        }
        assertSame(CoreFixture.coreClass("TencentCloudException"), e.getClass());
        assertEquals(3, call(e, "attempts"));
        assertEquals("InternalError: busy (RequestId r, HTTP 200, after 3 attempts)", e.getMessage());
        assertEquals(1, logged.stream().filter(line -> line.startsWith("WARNING")).count(), String.join("\n", logged));
    }

    @Test
    void anAsynchronousCallCompletesItsFuture() throws Exception {
        Object transport = transport(retryPolicy(0, () -> 0.0));
        try {
            CompletableFuture<?> future = (CompletableFuture<?>) call(transport, "callAsync", "DescribeInstances",
                    null, Map.of(), Map.class, CoreFixture.baseExceptionFactory());

            assertEquals(Map.of("RequestId", "req-ok"), future.get(10, TimeUnit.SECONDS));
        } finally {
            call(transport, "close");
        }
    }

    @Test
    void eightThreadsNeverGetMoreThanTheLimitInAnyOneSecondWindow() throws Exception {
        Object limiter = call(CoreFixture.coreClass("RateLimiter"), "perSecond", 7, scheduler());
        List<Long> granted = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                threads.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        granted.add((Long) ((CompletableFuture<?>) call(limiter, "acquire")).join());
                    }
                    return null;
                }));
            }
            for (Future<?> thread : threads) {
                thread.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> sorted = granted.stream().sorted().toList();
        assertEquals(200, sorted.size());
        for (int i = 0; i + 7 < sorted.size(); i++) {
            assertTrue(sorted.get(i + 7) - sorted.get(i) > SECOND, "8 permits within one second at " + i);
        }
        assertTrue(nanos.get() < 28 * SECOND + TimeUnit.MILLISECONDS.toNanos(1), "no longer than needed: " + nanos);
    }

    private Object transport(Object retryPolicy) {
        Object builder = call(CoreFixture.coreClass("ApiTransport"), "builder");
        call(builder, "service", "cvm");
        call(builder, "version", "2017-03-12");
        call(builder, "endpoint", URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        call(builder, "credentials", call(CoreFixture.coreClass("Credentials"), "of", SECRET_ID, SECRET_KEY, TOKEN));
        call(builder, "retryPolicy", retryPolicy);
        call(builder, "scheduler", scheduler());
        call(builder, "logger", logger());
        return call(builder, "build");
    }

    private static Object retryPolicy(int maxRetries, DoubleSupplier jitter) {
        Object builder = call(CoreFixture.coreClass("RetryPolicy"), "builder");
        call(builder, "maxRetries", maxRetries);
        call(builder, "baseDelay", Duration.ofSeconds(1));
        call(builder, "jitter", jitter);
        return call(builder, "build");
    }

    /** A virtual {@code Scheduler}: delays move the clock at once and complete on the calling thread. */
    private Object scheduler() {
        Class<?> type = CoreFixture.coreClass("Scheduler");
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "nanoTime" -> nanos.get();
                    case "now" -> Instant.parse("2024-05-01T00:00:00Z").plusNanos(nanos.get());
                    case "delay" -> {
                        nanos.addAndGet(Math.max(0, ((Duration) args[0]).toNanos()));
                        yield CompletableFuture.completedFuture(null);
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "VirtualScheduler";
                });
    }

    private System.Logger logger() {
        return new System.Logger() {
            @Override
            public String getName() {
                return "capturing";
            }

            @Override
            public boolean isLoggable(Level level) {
                return true;
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
                logged.add(level + " " + message + (thrown == null ? "" : " " + thrown));
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                logged.add(level + " " + format);
            }
        };
    }
}
