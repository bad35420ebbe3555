package dev.tcgen.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the local fakes of the services that issue temporary credentials share ({@link FakeMetadataServer},
 * {@link FakeStsServer}): an HTTP server on loopback that records every request, counts the fetches of credentials
 * and issues numbered ones, and a way to hold one fetch until the test releases it, to see who waits and how many
 * fetches run meanwhile.
 *
 * <p>The credentials of the n-th fetch have the keys set with {@link #keys} (by default {@link #SECRET_ID} and
 * {@link #SECRET_KEY}, so a server that verifies signatures knows them), the token {@code fake-token-<n>}, and an
 * expiration {@link #lifetime} after the clock's time.
 */
public abstract class FakeCredentialsServer implements AutoCloseable {

    /** The temporary secret id issued by default. */
    public static final String SECRET_ID = "AKIDtemporaryEXAMPLE0123456789";

    /** The temporary secret key issued by default. */
    public static final String SECRET_KEY = "temporary-secret-key-EXAMPLE";

    /** The prefix of every issued token; the n-th issue's token is this and n. */
    public static final String TOKEN_PREFIX = "fake-token-";

    /**
     * A request as the fake saw it.
     *
     * @param method the HTTP method
     * @param path the request path
     * @param headers the headers, names lower-cased, first value each
     * @param body the body as text
     */
    public record Request(String method, String path, Map<String, String> headers, String body) {

        /** A header's value, or {@code null}. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** A top-level member of a JSON body as text, or {@code null}. */
        public String field(String name) {
            try {
                JsonNode value = JSON.readTree(body).get(name);
                return value == null ? null : value.asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Temporary credentials the fake issued.
     *
     * @param secretId the temporary secret id
     * @param secretKey the temporary secret key
     * @param token the token, {@code fake-token-<n>} for the n-th fetch
     * @param expiration when they expire, whole seconds
     */
    public record Issue(String secretId, String secretKey, String token, Instant expiration) {}

    /** An answer: status, content type and body. */
    protected record Answer(int status, String contentType, String body) {

        /** A JSON answer. */
        protected static Answer json(int status, String body) {
            return new Answer(status, "application/json", body);
        }
    }

    /**
     * One fetch held until the test releases it.
     */
    public static final class Hold {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold() {}

        /** Waits (10 s at most) until the held request has arrived; whether it did. */
        public boolean awaitArrival() throws InterruptedException {
            return arrived.await(10, TimeUnit.SECONDS);
        }

        /** Lets the held request be answered. */
        public void release() {
            released.countDown();
        }

        private void holdHere() {
            arrived.countDown();
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // As in the client's fake server: answer small bodies at once, without Nagle's delay.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<Hold> hold = new AtomicReference<>();
    private volatile String secretId = SECRET_ID;
    private volatile String secretKey = SECRET_KEY;
    private volatile Duration lifetime = Duration.ofHours(2);

    /**
     * Starts the fake on a free loopback port.
     *
     * @param clock the time expirations are counted from
     */
    protected FakeCredentialsServer(Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, getClass().getSimpleName());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The issued keys from now on. */
    public FakeCredentialsServer keys(String secretId, String secretKey) {
        this.secretId = secretId;
        this.secretKey = secretKey;
        return this;
    }

    /** How long issued credentials last from now on; two hours by default. */
    public FakeCredentialsServer lifetime(Duration lifetime) {
        this.lifetime = lifetime;
        return this;
    }

    /** The next fetch waits, after it is counted, until the test releases it. */
    public Hold holdNextFetch() {
        Hold next = new Hold();
        hold.set(next);
        return next;
    }

    /** How many times credentials were asked for, answered or not (a held fetch counts from its arrival). */
    public int fetches() {
        return fetches.get();
    }

    /** The token of the n-th fetch. */
    public static String token(int n) {
        return TOKEN_PREFIX + n;
    }

    /** Every request so far. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The loopback port. */
    protected int port() {
        return server.getAddress().getPort();
    }

    /** Counts a fetch of credentials, holding it if the test asked to; its number. */
    protected int arrive() {
        int number = fetches.incrementAndGet();
        Hold held = hold.getAndSet(null);
        if (held != null) {
            held.holdHere();
        }
        return number;
    }

    /** The credentials of the fetch with this number. */
    protected Issue issue(int number) {
        Instant expiration = clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
        return new Issue(secretId, secretKey, token(number), expiration);
    }

    /** The fake's answer to one request. */
    protected abstract Answer answer(Request request);

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            Answer answer = answer(request);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        Hold held = hold.getAndSet(null);
        if (held != null) {
            held.release();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
