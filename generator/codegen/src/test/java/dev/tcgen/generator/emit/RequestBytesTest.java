package dev.tcgen.generator.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.testing.GeneratedCode;
import dev.tcgen.generator.testing.InMemoryClassLoader;
import dev.tcgen.generator.testing.Reflection;
import dev.tcgen.generator.testing.SpecFixtures;
import dev.tcgen.runtime.testing.SampleRequests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The requests of the kitchen-sink and no-regions fixtures, with every member set ({@link SampleRequests}: every
 * scalar type, uint64 above {@code Long.MAX_VALUE}, lists of scalars and of structures, structures nested two deep,
 * requests without members), serialise to exactly the bytes captured in {@code request-bytes.txt}.
 */
class RequestBytesTest {

    private static final String BASE = "dev.tcgen.client";

    @Test
    void everyRequestSerialisesToTheCapturedBytes() throws Exception {
        Map<String, String> captured = captured();
        Map<String, String> written = written();
        assertEquals(captured.keySet(), written.keySet());
        written.forEach((request, json) -> assertEquals(captured.get(request), json, request));
    }

    static Map<String, String> written() throws Exception {
        Compilation compilation = GeneratedCode.javac().compile(SpecFixtures.javaFileObjects(SpecFixtures.generate(
                Generator.Options.of(BASE),
                List.of(SpecFixtures.spec("kitchen-sink.json"), SpecFixtures.spec("no-regions.json")))));
        InMemoryClassLoader loader = InMemoryClassLoader.of(compilation);
        ObjectMapper mapper = (ObjectMapper) Reflection.call(loader.loadClass(BASE + ".core.Json"), "mapper");
        Map<String, String> written = new LinkedHashMap<>();
        for (String client : List.of("kitchen.v20240506.KitchenClient", "regionless.v20210101.RegionlessClient")) {
            Class<?> type = loader.loadClass(BASE + "." + client);
            @SuppressWarnings("unchecked")
            Set<String> actions = (Set<String>) Reflection.constant(type, "ACTIONS");
            for (String action : new TreeSet<>(actions)) {
                Class<?> request = loader.loadClass(type.getPackageName() + "." + action + "Request");
                for (Map.Entry<String, Object> sample : SampleRequests.of(request).entrySet()) {
                    written.put(request.getSimpleName() + " " + sample.getKey(),
                            mapper.writeValueAsString(sample.getValue()));
                }
            }
        }
        return written;
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
