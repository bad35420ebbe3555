package dev.tcgen.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What the loopback servers (this stub, and the tests' chaos server) need of HTTP/1.1 framing: the head of a request,
 * and the length of its body.
 */
public final class HttpFraming {

    private HttpFraming() {}

    /** The request line and headers, without the blank line; null at the end of the stream. */
    public static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** The {@code Content-Length} of a head in lower case, 0 without one. */
    public static long contentLength(String lowerHead) {
        int at = lowerHead.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return 0;
        }
        int start = at + "\r\ncontent-length:".length();
        int end = lowerHead.indexOf('\r', start);
        return Long.parseLong(lowerHead.substring(start, end).trim());
    }
}
