package dev.tcgen.client.trtc.v20190722;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tcgen.client.core.Json;
import dev.tcgen.runtime.testing.SampleRequests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every TRTC request, with every member set ({@link SampleRequests}), serialises to exactly the bytes the client sent
 * before its JSON codecs were generated (captured then with Jackson's {@code ObjectMapper} into
 * {@code request-bytes.txt}).
 */
class RequestBytesTest {

    @Test
    void everyRequestSerialisesToTheCapturedBytes() throws Exception {
        Map<String, String> captured = captured();
        Map<String, String> written = written();
        assertEquals(captured.keySet(), written.keySet());
        written.forEach((request, json) -> assertEquals(captured.get(request), json, request));
    }

    static Map<String, String> written() throws Exception {
        Map<String, String> written = new LinkedHashMap<>();
        for (String action : new TreeSet<>(TrtcClient.ACTIONS)) {
            Class<?> type = Class.forName(TrtcClient.class.getPackageName() + "." + action + "Request");
            SampleRequests.of(type).forEach((variant, request) ->
                    written.put(type.getSimpleName() + " " + variant, serialise(request)));
        }
        return written;
    }

    private static String serialise(Object request) {
        try {
            return Json.mapper().writeValueAsString(request);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> captured() throws IOException {
        Map<String, String> captured = new LinkedHashMap<>();
        try (InputStream in = RequestBytesTest.class.getResourceAsStream("/request-bytes.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    int tab = line.indexOf('\t');
                    captured.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        return captured;
    }
}
