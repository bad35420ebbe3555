package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The message of a failure: one line, whatever the server wrote; every client-side code under ClientError. */
class TencentCloudExceptionTest {

    @Test
    void serverTextIsQuotedOnOneLineWithItsControlCharactersEscaped() {
        TencentCloudException e = new TencentCloudException("InternalError\nFAKE",
                "line one\r\nINFO forged line\t\u001b[31mred\u2028\u202Eevil", "req\n1", 200, null);

        assertEquals("InternalError\\nFAKE: line one\\r\\nINFO forged line\\t\\u001b[31mred\\u2028\\u202eevil "
                + "(RequestId req\\n1, HTTP 200)", e.getMessage());
        assertEquals("line one\r\nINFO forged line\t\u001b[31mred\u2028\u202Eevil", e.errorMessage(),
                "the message alone is kept as written");
    }

    @Test
    void plainTextIsLeftAlone() {
        assertEquals("ResourceNotFound: 任务不存在 😀 (HTTP 200)",
                new TencentCloudException("ResourceNotFound", "任务不存在 😀", null, 200, null).getMessage());
    }

    @Test
    void everyClientSideCodeIsAClientError() {
        List<String> codes = Stream.of(TencentCloudException.class.getFields())
                .filter(field -> field.getName().startsWith("CLIENT_"))
                .map(field -> {
                    try {
                        return (String) field.get(null);
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();

        assertEquals(13, codes.size(), codes.toString());
        assertEquals(List.of(), codes.stream().filter(code -> !code.startsWith("ClientError.")).toList());
        assertEquals(codes.size(), codes.stream().distinct().count(), "each failure has its own code");
    }
}
