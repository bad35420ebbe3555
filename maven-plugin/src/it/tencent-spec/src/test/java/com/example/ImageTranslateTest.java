package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.cloud.core.Credentials;
import com.example.cloud.tmt.v20180321.ImageTranslateLLMRequest;
import com.example.cloud.tmt.v20180321.ImageTranslateLLMResponse;
import com.example.cloud.tmt.v20180321.Region;
import com.example.cloud.tmt.v20180321.TmtClient;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The client imported from Tencent's api.json in the build, called in regions the api.json never names. */
class ImageTranslateTest {

    @Test
    void callsTheImportedClientInAnyRegion() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            seen.put("action", exchange.getRequestHeaders().getFirst("X-TC-Action"));
            seen.put("version", exchange.getRequestHeaders().getFirst("X-TC-Version"));
            seen.put("region", exchange.getRequestHeaders().getFirst("X-TC-Region"));
            seen.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = ("{\"Response\":{\"Source\":\"en\",\"Target\":\"zh\",\"Angle\":270,"
                    + "\"TransDetails\":[{\"SourceLineText\":\"hello.\",\"BoundingBox\":{\"X\":348,\"Y\":147}}],"
                    + "\"RequestId\":\"r-1\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try (TmtClient client = TmtClient.builder()
                .credentials(Credentials.of("AKIDEXAMPLE", "secret"))
                .region(Region.of("ap-jakarta"))
                .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .build()) {
            ImageTranslateLLMRequest request = ImageTranslateLLMRequest.builder()
                    .data("").url("https://example.com/hello.png").target("zh").build();   // "" with a Url, as documented

            ImageTranslateLLMResponse response = client.imageTranslateLLM(request);

            assertEquals("ImageTranslateLLM", seen.get("action"));
            assertEquals("2018-03-21", seen.get("version"));
            assertEquals("ap-jakarta", seen.get("region"));
            assertTrue(seen.get("authorization").contains("/tmt/tc3_request"), seen.get("authorization"));
            assertEquals("{\"Data\":\"\",\"Target\":\"zh\",\"Url\":\"https://example.com/hello.png\"}", seen.get("body"));
            assertEquals("zh", response.target());
            assertEquals(270.0, response.angle());
            assertEquals(List.of("hello."), response.transDetails().stream().map(d -> d.sourceLineText()).toList());
            assertEquals(348L, response.transDetails().get(0).boundingBox().x());
            assertEquals("r-1", response.requestId());

            client.withRegion(Region.of("eu-frankfurt")).imageTranslateLLM(request);

            assertEquals("eu-frankfurt", seen.get("region"));
        } finally {
            server.stop(0);
        }
    }
}
