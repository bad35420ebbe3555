package dev.tcgen.client.trtc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tcgen.runtime.testing.IndependentTc3Verifier;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An in-process HTTP server on loopback that answers like Tencent Cloud: it checks the TC3 signature independently
 * and replies {@code {"Response":{...,"RequestId":...}}}, or an error, as the test's handler decides.
 *
 * <p>Fault injection: besides any status and body (an HTML 502 page, garbage, a truncated or empty body), an answer
 * can {@link Answer#hangUp() hang up} (close the connection without a response, as a server closing a pooled
 * connection does) or stay {@link Answer#silence() silent} until the server is closed.
 */
final class FakeTrtcServer implements AutoCloseable {

    /**
     * A request as the server saw it.
     *
     * @param headers the request headers, names lower-cased, first value each
     * @param body the body as text
     * @param signatureProblem why the signature is wrong, or {@code null} if it verified
     * @param arrivedNanos when the handler started on it, on {@link System#nanoTime()}
     */
    record Received(Map<String, String> headers, String body, String signatureProblem, long arrivedNanos) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        boolean signatureValid() {
            return signatureProblem == null;
        }
    }

    /** What the server does with a request. */
    enum Fault { NONE, HANG_UP, SILENCE }

    /**
     * An answer: HTTP status and body, or a fault.
     *
     * @param status the HTTP status
     * @param contentType the content type
     * @param body the body
     * @param fault a fault instead of an answer
     */
    record Answer(int status, String contentType, String body, Fault fault) {

        Answer(int status, String contentType, String body) {
            this(status, contentType, body, Fault.NONE);
        }

        static Answer response(String fields, String requestId) {
            String separator = fields.isEmpty() ? "" : ",";
            return new Answer(200, "application/json",
                    "{\"Response\":{" + fields + separator + "\"RequestId\":\"" + requestId + "\"}}");
        }

        static Answer error(String code, String message, String requestId) {
            return response("\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"" + message + "\"}", requestId);
        }

        static Answer raw(int status, String contentType, String body) {
            return new Answer(status, contentType, body);
        }

        /** Close the connection without answering. */
        static Answer hangUp() {
            return new Answer(0, "", "", Fault.HANG_UP);
        }

        /** Never answer (until the server is closed). */
        static Answer silence() {
            return new Answer(0, "", "", Fault.SILENCE);
        }
    }

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and delayed
        // ACKs hold each small answer back for tens of milliseconds. Read once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Semaphore arrivals = new Semaphore(0);
    private final CountDownLatch closed = new CountDownLatch(1);

    FakeTrtcServer(IndependentTc3Verifier verifier, Function<Received, Answer> handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        executor = Executors.newFixedThreadPool(16, task -> {
            Thread thread = new Thread(task, "fake-trtc");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, verifier, handler));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return received;
    }

    /** Waits until {@code count} more requests have arrived since the last wait: a latch on the server's side. */
    void awaitRequests(int count) throws InterruptedException {
        if (!arrivals.tryAcquire(count, 30, TimeUnit.SECONDS)) {
            throw new AssertionError("the server did not receive " + count + " more request(s)");
        }
    }

    private void handle(HttpExchange exchange, IndependentTc3Verifier verifier, Function<Received, Answer> handler)
            throws IOException {
        try (exchange) {
            long arrived = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            String problem = verifier.problem(headers.get("authorization"), headers.get("content-type"),
                    headers.get("host"), Long.parseLong(headers.get("x-tc-timestamp")), body);
            Received request = new Received(headers, new String(body, StandardCharsets.UTF_8), problem, arrived);
            received.add(request);
            arrivals.release();
            Answer answer = problem == null
                    ? handler.apply(request)
                    : Answer.error("AuthFailure.SignatureFailure", "The provided credentials could not be validated: "
                            + problem + ".", "req-signature");
            switch (answer.fault()) {
                case HANG_UP -> {
                    return;
                }
                case SILENCE -> {
                    awaitClose();
                    return;
                }
                case NONE -> respond(exchange, answer);
            }
        }
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void awaitClose() {
        try {
            closed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
