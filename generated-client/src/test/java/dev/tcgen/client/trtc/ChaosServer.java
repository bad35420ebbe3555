package dev.tcgen.client.trtc;

import dev.tcgen.bench.HttpFraming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A loopback HTTP/1.1 server written on bare sockets, so that it can misbehave in every way a network or a server
 * can: reset a connection as soon as it is accepted, before or after reading the request or in the middle of the
 * answer, never answer, trickle the body, close a kept-alive connection, cut a chunked body short, lie in
 * Content-Length, send too much, refuse TLS, or turn a request away with 429 or 503 and a {@code Retry-After}.
 *
 * <p>What it does is decided by the plan given to it: for the n-th request it reads (counting from 0), or, for what it
 * does before reading ({@link Act#RESET_AT_ACCEPT}, {@link Act#RESET_BEFORE_READ}, {@link Act#NOT_TLS}), for the n-th
 * connection it accepts. It counts both, notes when each request arrived, and keeps a log of what it did, so a test
 * can check that each attempt reached it once, and when.
 */
final class ChaosServer implements AutoCloseable {

    /** What the server does with one exchange. */
    enum Act {
        /** A valid API answer echoing the task; the connection is kept alive. */
        ANSWER,
        /**
         * Reset (RST) the connection as soon as it is accepted, reading nothing: whatever the client sent, if it
         * sent anything yet, is thrown away unread. The client's connect has succeeded (the kernel completed the TCP
         * handshake before the accept), so this is not a connect failure.
         */
        RESET_AT_ACCEPT,
        /**
         * Reset (RST) the connection once the request starts to arrive, before reading it. Waiting for its first byte
         * makes sure the client has finished connecting: a reset during the TCP handshake is a connect failure, which
         * the JDK's client retries on its own, a different fault.
         */
        RESET_BEFORE_READ,
        /** Read the request, then reset the connection. */
        RESET_AFTER_READ,
        /** Read the request, send the headers and half the body, then reset. */
        RESET_MID_BODY,
        /** Read the request and never answer; wait until the client gives up. */
        SILENT,
        /** Read the request and send the answer one byte a second. */
        TRICKLE,
        /** Answer, then close the kept-alive connection, as a server whose idle timeout is short does. */
        ANSWER_THEN_CLOSE,
        /**
         * Answer, then end the connection from the server's side (FIN) and wait until the client closes its side:
         * once {@link #awaitClosedByClient} returns for it, the client has dropped the connection, so a next call
         * certainly comes after the close.
         */
        ANSWER_THEN_HALF_CLOSE,
        /**
         * Answer and keep the connection; when the next request starts to arrive on it, close the connection without
         * reading that request, as a server whose idle timeout ends just as the client reuses the connection does.
         */
        ANSWER_THEN_CLOSE_AS_NEXT_ARRIVES,
        /** A chunked answer whose last chunk never comes: the connection is closed after the first. */
        TRUNCATED_CHUNKED,
        /** Content-Length says 100 bytes more than are sent; then the connection is closed. */
        CONTENT_LENGTH_TOO_LONG,
        /** Content-Length says 10 bytes, and the whole answer follows. */
        CONTENT_LENGTH_TOO_SHORT,
        /** A valid API answer of 2 MiB. */
        OVERSIZED,
        /** 429 with {@code Retry-After: 2} and an HTML page. */
        TOO_MANY_REQUESTS(2),
        /** 503 with {@code Retry-After: 1} and an HTML page. */
        UNAVAILABLE_FOR_A_SECOND(1),
        /** 503 with {@code Retry-After: 60} (longer than any retry policy waits) and an HTML page. */
        UNAVAILABLE_FOR_A_MINUTE(60),
        /** Read the first bytes (a TLS ClientHello) and close: the handshake fails. */
        NOT_TLS;

        private final int retryAfterSeconds;

        Act() {
            this(0);
        }

        Act(int retryAfterSeconds) {
            this.retryAfterSeconds = retryAfterSeconds;
        }

        /** The {@code Retry-After} of the answer, in seconds; 0 if it has none. */
        int retryAfterSeconds() {
            return retryAfterSeconds;
        }

        /** Whether the act is decided per connection, before a request is read. */
        boolean beforeReading() {
            return this == RESET_AT_ACCEPT || this == RESET_BEFORE_READ || this == NOT_TLS;
        }
    }

    /**
     * A request the server read in full.
     *
     * @param body the body as text
     * @param arrivedNanos when it had arrived in full, on {@link System#nanoTime()}
     * @param act what the server did with it
     */
    record Request(String body, long arrivedNanos, Act act) {}

    private final ServerSocket listener;
    private final IntFunction<Act> plan;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger closedByClient = new AtomicInteger();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    ChaosServer(IntFunction<Act> plan) throws IOException {
        this.plan = plan;
        this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "chaos-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    URI tlsEndpoint() {
        return URI.create("https://127.0.0.1:" + listener.getLocalPort());
    }

    /** The requests read in full, in the order they arrived. */
    List<Request> requests() {
        return requests;
    }

    int connectionsAccepted() {
        return connections.get();
    }

    /** What the server did, in order: for each connection and request, its number and the act. */
    List<String> log() {
        return log;
    }

    /**
     * Waits until the client has closed {@code connections} of the connections the server half-closed
     * ({@link Act#ANSWER_THEN_HALF_CLOSE}).
     *
     * @throws AssertionError if that does not happen within 10 s, or the wait is interrupted
     */
    void awaitClosedByClient(int connections) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (closedByClient.get() < connections) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the client closed " + closedByClient.get() + " half-closed connection(s), "
                        + "not " + connections + "; server: " + log);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                int connection = connections.getAndIncrement();
                open.add(socket);
                Thread handler = new Thread(() -> serve(socket, connection), "chaos-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            Act first = plan.apply(connection);
            if (first.beforeReading()) {
                log.add("connection " + connection + ": " + first
                        + (first == Act.RESET_AT_ACCEPT ? " (" + in.available() + " bytes had arrived, unread)" : ""));
                switch (first) {
                    case RESET_AT_ACCEPT -> reset(socket);
                    case RESET_BEFORE_READ -> {
                        in.read();
                        reset(socket);
                    }
                    default -> in.read(new byte[5]);
                }
                return;
            }
            while (!closed) {
                String body = readRequest(in);
                if (body == null) {
                    return;
                }
                long arrived = System.nanoTime();
                int number;
                Act act;
                synchronized (requests) {
                    number = requests.size();
                    act = plan.apply(number);
                    requests.add(new Request(body, arrived, act));
                }
                log.add("connection " + connection + ", request " + number + ": " + act);
                if (!respond(act, socket, in, out, body, number)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client went away: what the misbehaviour wanted, or the end of the test.
        } finally {
            open.remove(socket);
        }
    }

    /** Answers one request; whether the connection stays open for another. */
    private boolean respond(Act act, Socket socket, InputStream in, OutputStream out, String request, int number)
            throws IOException, InterruptedException {
        byte[] answer = ("{\"Response\":{\"TaskId\":\"" + TestClients.taskId(request) + "\",\"RequestId\":\"chaos-"
                + number + "\"}}").getBytes(StandardCharsets.UTF_8);
        switch (act) {
            case ANSWER -> write(out, headers(200, answer.length), answer);
            case ANSWER_THEN_CLOSE -> {
                write(out, headers(200, answer.length), answer);
                return false;
            }
            case ANSWER_THEN_HALF_CLOSE -> {
                write(out, headers(200, answer.length), answer);
                socket.shutdownOutput();
                int extra = 0;
                while (in.read() >= 0) {
                    extra++;
                }
                log.add("request " + number + ": the client closed the connection, after " + extra + " more bytes");
                closedByClient.incrementAndGet();
                return false;
            }
            case ANSWER_THEN_CLOSE_AS_NEXT_ARRIVES -> {
                write(out, headers(200, answer.length), answer);
                int next = in.read();
                socket.shutdownOutput();
                log.add("request " + number + ": closed the connection as the next request arrived, "
                        + (next < 0 ? 0 : 1 + in.available()) + " bytes of it unread");
                return false;
            }
            case RESET_AFTER_READ -> {
                reset(socket);
                return false;
            }
            case RESET_MID_BODY -> {
                write(out, headers(200, answer.length), Arrays.copyOf(answer, answer.length / 2));
                reset(socket);
                return false;
            }
            case SILENT -> {
                while (in.read() >= 0) {
                    // Until the client closes the connection.
                }
                return false;
            }
            case TRICKLE -> {
                write(out, headers(200, answer.length), new byte[0]);
                for (byte b : answer) {
                    Thread.sleep(1_000);
                    out.write(b);
                    out.flush();
                }
            }
            case TRUNCATED_CHUNKED -> {
                String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
                String chunk = Integer.toHexString(20) + "\r\n" + new String(answer, 0, 20, StandardCharsets.UTF_8)
                        + "\r\n";
                write(out, head, chunk.getBytes(StandardCharsets.UTF_8));
                return false;
            }
            case CONTENT_LENGTH_TOO_LONG -> {
                write(out, headers(200, answer.length + 100), answer);
                return false;
            }
            case CONTENT_LENGTH_TOO_SHORT -> write(out, headers(200, 10), answer);
            case OVERSIZED -> {
                byte[] big = ("{\"Response\":{\"TaskId\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"RequestId\":\"r\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                write(out, headers(200, big.length), big);
            }
            case TOO_MANY_REQUESTS -> page(out, "429 Too Many Requests", act.retryAfterSeconds());
            case UNAVAILABLE_FOR_A_SECOND, UNAVAILABLE_FOR_A_MINUTE ->
                    page(out, "503 Service Unavailable", act.retryAfterSeconds());
            case RESET_AT_ACCEPT, RESET_BEFORE_READ, NOT_TLS -> write(out, headers(200, answer.length), answer);
        }
        return true;
    }

    private static void page(OutputStream out, String status, int retryAfter) throws IOException {
        byte[] html = ("<html><body>" + status + "</body></html>").getBytes(StandardCharsets.UTF_8);
        write(out, "HTTP/1.1 " + status + "\r\nRetry-After: " + retryAfter + "\r\nContent-Type: text/html\r\n"
                + "Content-Length: " + html.length + "\r\n\r\n", html);
    }

    private static String headers(int status, int contentLength) {
        return "HTTP/1.1 " + status + " OK\r\nContent-Type: application/json\r\nContent-Length: " + contentLength
                + "\r\n\r\n";
    }

    private static void write(OutputStream out, String head, byte[] body) throws IOException {
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static void reset(Socket socket) throws SocketException {
        socket.setSoLinger(true, 0);
    }

    /** The body of the next request on the connection, or {@code null} at its end. */
    private static String readRequest(InputStream in) throws IOException {
        String head = HttpFraming.readHead(in);
        if (head == null) {
            return null;
        }
        long length = HttpFraming.contentLength(head.toLowerCase(Locale.ROOT));
        return new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
