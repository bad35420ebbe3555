package dev.tcgen.generator.importer;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.tcgen.generator.GeneratedSource;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.testing.GeneratedCode;
import dev.tcgen.generator.testing.InMemoryClassLoader;
import dev.tcgen.generator.testing.SpecFixtures;
import dev.tcgen.runtime.testing.IndependentTc3Verifier;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client generated from Tencent's CVM {@code api.json} alone ({@code importer/cvm/api.json}: the whole file of the
 * corpus, TencentCloud/tencentcloud-cli-intl-en commit 94ed72e, {@code tccli/services/cvm/v20170312/api.json},
 * unchanged; 85 actions), with no overlay and so no regions, called in regions set on the builder and for some calls,
 * against a local server that checks every TC3 signature independently. The calls are written as a user would write
 * them ({@link #CALLS}), compiled with the whole generated client (296 files; most of the test's time) and run from
 * its class loader.
 */
@Timeout(120)
class CvmFromApiJsonEndToEndTest {

    private static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    private static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";

    /** The actions of CVM 2017-03-12 in the corpus. */
    private static final int CVM_ACTIONS = 85;

    /** User code: each call's answer, in order. */
    private static final String CALLS = """
            package com.example;

            import com.example.core.Credentials;
            import com.example.cvm.v20170312.CvmClient;
            import com.example.cvm.v20170312.DescribeInstancesStatusRequest;
            import com.example.cvm.v20170312.DescribeZonesRequest;
            import com.example.cvm.v20170312.RebootInstancesRequest;
            import com.example.cvm.v20170312.Region;
            import java.net.URI;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.function.Function;

            public final class CvmCalls implements Function<URI, List<String>> {
                @Override
                public List<String> apply(URI endpoint) {
                    List<String> answers = new ArrayList<>();
                    answers.add("known regions: " + Region.values().size());
                    try (CvmClient client = CvmClient.builder()
                            .credentials(Credentials.of("%s", "%s"))
                            .region(Region.of("ap-guangzhou"))
                            .endpoint(endpoint)
                            .build()) {
                        answers.add(client.describeInstancesStatus(DescribeInstancesStatusRequest.builder()
                                .instanceIds(List.of("ins-1")).build()).instanceStatusSet().get(0).instanceState());
                        answers.add(client.withRegion(Region.of("ap-jakarta"))
                                .describeZones(DescribeZonesRequest.builder().build()).zoneSet().get(0).zone());
                        answers.add(client.withRegion(Region.of("ap-singapore"))
                                .rebootInstancesAsync(RebootInstancesRequest.builder().instanceIds(List.of("ins-1"))
                                        .build()).join().requestId());
                        answers.add(client.call("DescribeSomethingNew", "{\\"Limit\\": 1}"));
                        answers.add("client region: " + client.region());
                    }
                    try (CvmClient noRegion = CvmClient.builder()
                            .credentials(Credentials.of("%s", "%s"))
                            .endpoint(endpoint)
                            .build()) {
                        answers.add(noRegion.describeZones(DescribeZonesRequest.builder().build()).requestId());
                    }
                    return answers;
                }
            }
            """.formatted(SECRET_ID, SECRET_KEY, SECRET_ID, SECRET_KEY);

    /** The members of each action's {@code Response} before its {@code RequestId}; other actions echo the body. */
    private static final Map<String, String> ANSWERS = Map.of(
            "DescribeInstancesStatus", "\"TotalCount\":1,\"InstanceStatusSet\":[{\"InstanceId\":\"ins-1\","
                    + "\"InstanceState\":\"RUNNING\"}],",
            "DescribeZones", "\"TotalCount\":1,\"ZoneSet\":[{\"Zone\":\"ap-jakarta-1\",\"ZoneName\":\"Jakarta Zone 1\","
                    + "\"ZoneId\":\"800001\",\"ZoneState\":\"AVAILABLE\"}],",
            "RebootInstances", "");

    @TempDir
    Path directory;

    private final IndependentTc3Verifier verifier = new IndependentTc3Verifier(SECRET_ID, SECRET_KEY, "cvm");
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Headers headers = exchange.getRequestHeaders();
                String action = headers.getFirst("X-TC-Action");
                String problem = verifier.problem(headers.getFirst("Authorization"),
                        headers.getFirst("Content-Type"), headers.getFirst("Host"),
                        Long.parseLong(headers.getFirst("X-TC-Timestamp")), body);
                received.add(action + " " + headers.getFirst("X-TC-Region") + (problem == null ? "" : " " + problem));
                String fields = problem != null
                        ? "\"Error\":{\"Code\":\"AuthFailure.SignatureFailure\",\"Message\":\"" + problem + "\"},"
                        : ANSWERS.getOrDefault(action, "\"Echo\":" + new String(body, StandardCharsets.UTF_8) + ",");
                byte[] answer = ("{\"Response\":{" + fields + "\"RequestId\":\"req-" + action + "\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClientOfApiJsonAloneSendsTheRegionOfTheBuilderAndOfOneCallSigned() throws Exception {
        SpecImporter.Result imported = SpecImporter.run(new SpecImporter.Inputs(ImportFixtures.file("cvm/api.json"),
                Optional.empty(), List.of(), Optional.empty()), "cvm-2017-03-12.json");
        assertEquals(CVM_ACTIONS, imported.service().actions().size(), "every action of the file");
        assertEquals(0, ImportFixtures.JSON.readTree(imported.specText()).path("regions").size());
        assertTrue(imported.warnings().stream().anyMatch(w -> w.message().startsWith("the service has no regions")),
                imported.warnings().toString());

        Path spec = ImportFixtures.write(directory, "cvm-2017-03-12.json", imported.specText());
        List<GeneratedSource> generated = SpecFixtures.generate(Generator.Options.of("com.example"), List.of(spec));
        List<JavaFileObject> sources = new ArrayList<>(SpecFixtures.javaFileObjects(generated));
        sources.add(JavaFileObjects.forSourceString("com.example.CvmCalls", CALLS));
        Compilation compilation = GeneratedCode.javac().compile(sources);
        assertThat(compilation).succeededWithoutWarnings();

        Function<URI, List<String>> calls = (Function<URI, List<String>>) InMemoryClassLoader.of(compilation)
                .loadClass("com.example.CvmCalls").getConstructor().newInstance();
        List<String> answers = calls.apply(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));

        assertEquals(List.of("known regions: 0", "RUNNING", "ap-jakarta-1", "req-RebootInstances",
                "{\"Echo\":{\"Limit\":1},\"RequestId\":\"req-DescribeSomethingNew\"}",
                "client region: ap-guangzhou", "req-DescribeZones"), answers);
        assertEquals(List.of("DescribeInstancesStatus ap-guangzhou", "DescribeZones ap-jakarta",
                "RebootInstances ap-singapore", "DescribeSomethingNew ap-guangzhou", "DescribeZones null"), received);
    }
}
