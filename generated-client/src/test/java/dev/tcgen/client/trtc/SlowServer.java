package dev.tcgen.client.trtc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A slow API server for the load test, run in a process of its own (so that its sockets and threads are not the
 * client's, and ten thousand connections on each side fit the limit of open files of one process). One thread and
 * one selector, no thread per connection: it reads requests, holds every answer until it has received the expected
 * number of requests (or a minute has passed), prints {@code holding N}, waits the given time, then answers all.
 *
 * <p>Arguments: the number of requests to wait for, and the milliseconds to hold them once all are in. It prints
 * {@code port P} once it listens, and {@code answered N} when done.
 */
public final class SlowServer {

    private record Held(SocketChannel channel, String taskId) {}

    private SlowServer() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int expected = Integer.parseInt(args[0]);
        long holdMillis = Long.parseLong(args[1]);
        try (Selector selector = Selector.open(); ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), expected);
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            System.out.println("port " + ((InetSocketAddress) listener.getLocalAddress()).getPort());
            List<Held> held = new ArrayList<>();
            long giveUp = System.nanoTime() + 60_000_000_000L;
            while (held.size() < expected && System.nanoTime() < giveUp) {
                selector.select(100);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isAcceptable()) {
                        SocketChannel channel;
                        while ((channel = listener.accept()) != null) {
                            channel.configureBlocking(false);
                            channel.register(selector, SelectionKey.OP_READ, new StringBuilder());
                        }
                    } else if (key.isReadable()) {
                        read(key, held);
                    }
                }
            }
            System.out.println("holding " + held.size());
            Thread.sleep(holdMillis);
            for (Held request : held) {
                byte[] body = ("{\"Response\":{\"TaskId\":\"" + request.taskId() + "\",\"RequestId\":\"slow\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                ByteBuffer answer = ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n" + new String(body, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
                while (answer.hasRemaining()) {
                    request.channel().write(answer);
                }
            }
            System.out.println("answered " + held.size());
            Thread.sleep(holdMillis);
            for (Held request : held) {
                request.channel().close();
            }
        }
    }

    /** Reads what has arrived on a connection; a whole request is held for its answer. */
    private static void read(SelectionKey key, List<Held> held) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        StringBuilder text = (StringBuilder) key.attachment();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        int read = channel.read(buffer);
        if (read < 0) {
            key.cancel();
            channel.close();
            return;
        }
        text.append(new String(buffer.array(), 0, read, StandardCharsets.ISO_8859_1));
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return;
        }
        int length = 0;
        for (String line : text.substring(0, headEnd).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        if (text.length() >= headEnd + 4 + length) {
            key.interestOps(0);
            held.add(new Held(channel, TestClients.taskId(text.substring(headEnd + 4, headEnd + 4 + length))));
        }
    }
}
