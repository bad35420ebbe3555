package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.cloud.demo.v20240101.DemoClient;
import com.example.cloud.demo.v20240101.DescribeWidgetRequest;
import com.example.cloud.demo.v20240101.Region;
import com.sun.net.httpserver.HttpServer;
import dev.tcgen.runtime.ApiTransport;
import dev.tcgen.runtime.Credentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The client runs on the shared runtime jar: its transport is the jar's class, and a signed call goes through. */
class DescribeWidgetTest {

    @Test
    void callsThroughTheRuntimeJar() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] answer = ("{\"Response\":{\"Widget\":{\"WidgetId\":\"w-1\"},\"RequestId\":\""
                    + exchange.getRequestHeaders().getFirst("X-TC-Action") + "\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try (DemoClient client = DemoClient.builder()
                .credentials(Credentials.of("AKIDEXAMPLE", "secret"))
                .region(Region.AP_GUANGZHOU)
                .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .build()) {
            assertEquals(ApiTransport.class, client.transport().getClass());
            assertEquals("DescribeWidget",
                    client.describeWidget(DescribeWidgetRequest.builder().widgetId("w-1").build()).requestId());
        } finally {
            server.stop(0);
        }
    }
}
