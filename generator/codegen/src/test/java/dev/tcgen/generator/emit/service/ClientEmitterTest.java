package dev.tcgen.generator.emit.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.generator.GeneratedSource;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.testing.TestSpecs;
import dev.tcgen.generator.testing.SpecFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated TRTC client's shape: a blocking and an asynchronous method per action, the documented rate limits,
 * and a builder that forwards to the core transport. (That it compiles is {@code GeneratedSourcesTest}'s job; that
 * it works, the generated-client module's.)
 */
class ClientEmitterTest {

    private static final Pattern SYNC = Pattern.compile("public (\\w+)Response (\\w+)\\(\\s*(\\w+)Request request\\)");
    private static final Pattern ASYNC =
            Pattern.compile("public CompletableFuture<(\\w+)Response> (\\w+)Async\\(\\s*(\\w+)Request request\\)");

    @TempDir
    static Path directory;

    private static String client;

    @BeforeAll
    static void generate() throws Exception {
        List<GeneratedSource> sources =
                SpecFixtures.generate(Generator.Options.of("dev.tcgen.client"), List.of(TestSpecs.trtc(directory)));
        client = sources.stream()
                .filter(source -> source.relativePath().endsWith("/TrtcClient.java")
                        || source.relativePath().endsWith("/DefaultTrtcClient.java"))
                .map(source -> source.content())
                .reduce("", String::concat);
    }

    @Test
    void everyActionHasABlockingAndAnAsynchronousMethod() {
        Set<String> blocking = names(SYNC);
        Set<String> asynchronous = names(ASYNC);

        assertTrue(blocking.size() > 1, client);
        assertEquals(blocking, asynchronous);
        assertTrue(blocking.contains("stopPublishCdnStream"), blocking.toString());
        assertTrue(client.contains("return transport.callAsync(\"StopPublishCdnStream\", Idempotency.NOT_IDEMPOTENT, "
                + "region.id(), request, StopPublishCdnStreamRequest::writeJson, StopPublishCdnStreamResponse::readJson, "
                + "TrtcException::new);"), client);
        assertTrue(client.contains("return transport.call(\"DescribeCallDetailInfo\", Idempotency.IDEMPOTENT, "
                + "region.id(), request, DescribeCallDetailInfoRequest::writeJson, DescribeCallDetailInfoResponse::readJson, "
                + "TrtcException::new);"), client);
    }

    @Test
    void theDocumentedRegionsAreAConstantTheBuilderHandsToTheRuntimeWhichChecksThem() {
        assertTrue(client.contains("Map<String, List<String>> SUPPORTED_REGIONS = documentedRegions();"), client);
        assertTrue(client.contains("regions.put(\"StopPublishCdnStream\", List.of(\"ap-guangzhou\", \"ap-hongkong\", "
                + "\"ap-singapore\"));"), client);
        assertTrue(client.contains("ACTIONS, RATE_LIMITS, SUPPORTED_REGIONS, true));"), client);
        assertFalse(client.contains("unsupportedRegion("), "no check of its own in the generated client");
    }

    @Test
    void theDocumentedRateLimitsAreAConstantTheBuilderPresets() {
        assertTrue(client.contains("Map<String, Integer> RATE_LIMITS = documentedRateLimits();"),
                client);
        assertTrue(client.contains("limits.put(\"StopPublishCdnStream\", 20);"), client);
        assertTrue(client.contains("final class Builder extends ServiceClientBuilder<Builder, Region> {"), client);
        assertTrue(client.contains("\"https://trtc.{region}.tencentcloudapi.com\",\n                    ACTIONS, "
                + "RATE_LIMITS, SUPPORTED_REGIONS, true));"), client);
    }

    @Test
    void theClientJavadocStatesThreadSafety() {
        assertTrue(client.contains("immutable and safe for concurrent use by any number of threads"), client);
    }

    private static Set<String> names(Pattern pattern) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = pattern.matcher(client);
        while (matcher.find()) {
            names.add(matcher.group(2));
        }
        return names;
    }
}
