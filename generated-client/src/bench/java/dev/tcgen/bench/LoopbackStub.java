package dev.tcgen.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP/1.1 server that answers every request with the same bytes: keep-alive, one thread per connection,
 * no parsing beyond what framing needs (headers up to the blank line, then {@code Content-Length} or chunked body).
 * It is the same for every client under test, so what differs between their results is the client.
 *
 * <pre>{@code
 * try (LoopbackStub stub = LoopbackStub.start(responseJson)) {
 *     URI endpoint = stub.uri();
 * }
 * }</pre>
 */
final class LoopbackStub implements AutoCloseable {

    private final ServerSocket server;
    private final byte[] response;
    private final ExecutorService threads;
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean closed;

    private LoopbackStub(ServerSocket server, byte[] response) {
        this.server = server;
        this.response = response;
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "loopback-stub");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a stub on an ephemeral port of 127.0.0.1 that answers {@code 200} with this JSON body. */
    static LoopbackStub start(String jsonBody) throws IOException {
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] response = new byte[head.length + body.length];
        System.arraycopy(head, 0, response, 0, head.length);
        System.arraycopy(body, 0, response, head.length, body.length);
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        LoopbackStub stub = new LoopbackStub(server, response);
        stub.threads.execute(stub::acceptLoop);
        return stub;
    }

    int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    String origin() {
        return "http://127.0.0.1:" + port();
    }

    /** Requests answered so far. */
    long requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("loopback stub: accept failed: " + e);
                }
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                String head = HttpFraming.readHead(in);
                if (head == null) {
                    return;
                }
                String lower = head.toLowerCase(Locale.ROOT);
                if (lower.contains("\r\ntransfer-encoding: chunked")) {
                    skipChunked(in);
                } else {
                    in.skipNBytes(HttpFraming.contentLength(lower));
                }
                out.write(response);
                out.flush();
                requests.incrementAndGet();
                if (lower.contains("\r\nconnection: close")) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client closed the connection: nothing to do
        }
    }

    private static void skipChunked(InputStream in) throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("truncated chunk");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            int size = Integer.parseInt(line.toString().split(";")[0].trim(), 16);
            in.skipNBytes(size + 2L);
            if (size == 0) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        threads.shutdownNow();
    }
}
