package dev.tcgen.client.trtc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.util.function.Function;

/**
 * An in-process HTTP server on loopback that answers like Tencent Cloud: it checks the TC3 signature independently
 * and replies {@code {"Response":{...,"RequestId":...}}}, or an error, as the test's handler decides.
 */
final class FakeTrtcServer implements AutoCloseable {

    /**
     * A request as the server saw it.
     *
     * @param headers the request headers, names lower-cased, first value each
     * @param body the body as text
     */
    record Received(Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * An answer: HTTP status and body.
     *
     * @param status the HTTP status
     * @param contentType the content type
     * @param body the body
     */
    record Answer(int status, String contentType, String body) {

        static Answer response(String fields, String requestId) {
            String separator = fields.isEmpty() ? "" : ",";
            return new Answer(200, "application/json",
                    "{\"Response\":{" + fields + separator + "\"RequestId\":\"" + requestId + "\"}}");
        }

        static Answer error(String code, String message, String requestId) {
            return response("\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"" + message + "\"}", requestId);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FakeTrtcServer(IndependentTc3Verifier verifier, Function<Received, Answer> handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> handle(exchange, verifier, handler));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange, IndependentTc3Verifier verifier, Function<Received, Answer> handler)
            throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            Received request = new Received(headers, new String(body, StandardCharsets.UTF_8));
            received.add(request);
            String problem = verifier.problem(request.header("Authorization"), request.header("Content-Type"),
                    request.header("Host"), Long.parseLong(request.header("X-TC-Timestamp")), body);
            Answer answer = problem == null
                    ? handler.apply(request)
                    : Answer.error("AuthFailure.SignatureFailure", "The provided credentials could not be validated: "
                            + problem + ".", "req-signature");
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
        server.stop(0);
    }
}
