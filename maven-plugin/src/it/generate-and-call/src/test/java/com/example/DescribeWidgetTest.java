package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.cloud.core.Credentials;
import com.example.cloud.demo.v20240101.DemoClient;
import com.example.cloud.demo.v20240101.DemoErrorCode;
import com.example.cloud.demo.v20240101.DemoException;
import com.example.cloud.demo.v20240101.DescribeWidgetRequest;
import com.example.cloud.demo.v20240101.DescribeWidgetResponse;
import com.example.cloud.demo.v20240101.Region;
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

class DescribeWidgetTest {

    @Test
    void callsTheGeneratedClientAgainstALocalServer() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.put("body", body);
            seen.put("action", exchange.getRequestHeaders().getFirst("X-TC-Action"));
            seen.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            String answer = body.contains("w-404")
                    ? "{\"Response\":{\"Error\":{\"Code\":\"ResourceNotFound.Widget\",\"Message\":\"no\"},\"RequestId\":\"r-2\"}}"
                    : "{\"Response\":{\"Widget\":{\"WidgetId\":\"w-1\",\"Size\":18446744073709551615,\"Tags\":[\"a\",\"b\"]},"
                            + "\"RequestId\":\"r-1\"}}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try (DemoClient client = DemoClient.builder()
                .credentials(Credentials.of("AKIDEXAMPLE", "secret"))
                .region(Region.AP_GUANGZHOU)
                .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .build()) {
            DescribeWidgetResponse response =
                    client.describeWidget(DescribeWidgetRequest.builder().widgetId("w-1").build());

            assertEquals("w-1", response.widget().widgetId());
            assertEquals("18446744073709551615", Long.toUnsignedString(response.widget().size()));
            assertEquals(List.of("a", "b"), response.widget().tags());
            assertEquals("r-1", response.requestId());
            assertEquals("{\"WidgetId\":\"w-1\"}", seen.get("body"));
            assertEquals("DescribeWidget", seen.get("action"));
            assertTrue(seen.get("authorization").contains("/demo/tc3_request"), seen.get("authorization"));

            DemoException e = assertThrows(DemoException.class,
                    () -> client.describeWidget(DescribeWidgetRequest.builder().widgetId("w-404").build()));
            assertEquals(DemoErrorCode.RESOURCE_NOT_FOUND_WIDGET, e.errorCode());
        } finally {
            server.stop(0);
        }
    }
}
