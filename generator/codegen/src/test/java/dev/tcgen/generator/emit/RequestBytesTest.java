package dev.tcgen.generator.emit;

import com.google.testing.compile.Compilation;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.testing.Codecs;
import dev.tcgen.generator.testing.GeneratedCode;
import dev.tcgen.generator.testing.InMemoryClassLoader;
import dev.tcgen.generator.testing.Reflection;
import dev.tcgen.generator.testing.SpecFixtures;
import dev.tcgen.runtime.testing.SampleRequests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The requests of the kitchen-sink and no-regions fixtures, with every member set ({@link SampleRequests}: every
 * scalar type, uint64 above {@code Long.MAX_VALUE}, lists of scalars and of structures, structures nested two deep,
 * requests without members), serialise with their generated codecs to exactly the bytes that Jackson's
 * {@code ObjectMapper} wrote before the codecs existed, captured in {@code request-bytes.txt}.
 */
class RequestBytesTest {

    private static final String BASE = "dev.tcgen.client";

    @Test
    void everyRequestSerialisesToTheCapturedBytes() throws Exception {
        SampleRequests.assertCaptured(RequestBytesTest.class.getResourceAsStream("/request-bytes.txt"), written());
    }

    static Map<String, String> written() throws Exception {
        Compilation compilation = GeneratedCode.javac().compile(SpecFixtures.javaFileObjects(SpecFixtures.generate(
                Generator.Options.of(BASE),
                List.of(SpecFixtures.spec("kitchen-sink.json"), SpecFixtures.spec("no-regions.json")))));
        InMemoryClassLoader loader = InMemoryClassLoader.of(compilation);
        Map<String, String> written = new LinkedHashMap<>();
        for (String client : List.of("kitchen.v20240506.KitchenClient", "regionless.v20210101.RegionlessClient")) {
            Class<?> type = loader.loadClass(BASE + "." + client);
            @SuppressWarnings("unchecked")
            Set<String> actions = (Set<String>) Reflection.constant(type, "ACTIONS");
            for (String action : new TreeSet<>(actions)) {
                Class<?> request = loader.loadClass(type.getPackageName() + "." + action + "Request");
                for (Map.Entry<String, Object> sample : SampleRequests.of(request).entrySet()) {
                    written.put(request.getSimpleName() + " " + sample.getKey(), Codecs.write(sample.getValue()));
                }
            }
        }
        return written;
    }
}
