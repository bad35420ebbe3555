package dev.tcgen.client.trtc.v20190722;

import dev.tcgen.client.core.Json;
import dev.tcgen.client.core.JsonWriter;
import dev.tcgen.runtime.testing.SampleRequests;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every TRTC request, with every member set ({@link SampleRequests}), serialises with its generated codec to exactly
 * the bytes the client sent before its codecs were generated (captured then with Jackson's {@code ObjectMapper} into
 * {@code request-bytes.txt}).
 */
class RequestBytesTest {

    @Test
    void everyRequestSerialisesToTheCapturedBytes() throws Exception {
        SampleRequests.assertCaptured(RequestBytesTest.class.getResourceAsStream("/request-bytes.txt"), written());
    }

    static Map<String, String> written() throws Exception {
        Map<String, String> written = new LinkedHashMap<>();
        for (String action : new TreeSet<>(TrtcClient.ACTIONS)) {
            Class<?> type = Class.forName(TrtcClient.class.getPackageName() + "." + action + "Request");
            Method writeJson = type.getDeclaredMethod("writeJson", JsonWriter.class);
            for (Map.Entry<String, Object> sample : SampleRequests.of(type).entrySet()) {
                written.put(type.getSimpleName() + " " + sample.getKey(), Json.text(sample.getValue(), (request, out) -> {
                    try {
                        writeJson.invoke(request, out);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                }));
            }
        }
        return written;
    }
}
