package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallOptionsTest {
    private static final Credentials MAIN = Credentials.of("AKIDmain", "main-secret-key");

    private static final Credentials OTHER = Credentials.of("AKIDother", "other-secret-key");

    private static ApiTransport transport() {
        return ApiTransport.builder()
                .service("trtc")
                .version("2019-07-22")
                .endpoint(URI.create("https://trtc.tencentcloudapi.com"))
                .credentials(MAIN)
                .rateLimit("DescribeX", 5)
                .build();
    }

    @Test
    void refusesHeadersTheClientSets() {
        for (String name : List.of("Authorization", "host", "Content-Type", "CONTENT-LENGTH", "X-TC-Region",
                "x-tc-token", "User-Agent", "Connection")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> CallOptions.builder().header(name, "v"));
            assertTrue(refused.getMessage().contains(name), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> CallOptions.builder().header("X-Bad", "a\r\nb"));
        assertThrows(IllegalArgumentException.class, () -> CallOptions.builder().header("Bad Name", "v"));
        assertThrows(IllegalArgumentException.class, () -> CallOptions.builder().requestTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> CallOptions.builder().callTimeout(Duration.ofSeconds(-1)));
    }

    @Test
    void toStringShowsNoSecrets() {
        CallOptions options = CallOptions.builder().header("X-Trace", "trace-value").credentials(OTHER)
                .requestTimeout(Duration.ofSeconds(5)).retryPolicy(RetryPolicy.none()).build();
        String text = options.toString();
        assertTrue(text.contains("X-Trace"), text);
        assertTrue(text.contains("PT5S"), text);
        assertFalse(text.contains("other-secret-key"), text);
        assertFalse(text.contains("AKIDother"), text);
        assertFalse(text.contains("trace-value"), text);
        assertEquals("CallOptions[]", CallOptions.none().toString());
    }

    @Test
    void interceptorsAndListenersAreKeptInOrderAndShownByClass() {
        Interceptor first = new Interceptor() { };
        Interceptor second = new Interceptor() { };
        MetricsListener listener = metrics -> { };
        CallOptions options = CallOptions.builder().interceptor(first).interceptor(second).metricsListener(listener)
                .build();

        assertEquals(List.of(first, second), options.interceptors());
        assertEquals(List.of(listener), options.metricsListeners());
        assertEquals("CallOptions[interceptors=[" + first.getClass().getName() + ", " + second.getClass().getName()
                + "], metricsListeners=[" + listener.getClass().getName() + "]]", options.toString());
    }

    @Test
    void headerSetAgainReplacesIt() {
        CallOptions options = CallOptions.builder().header("X-Trace", "1").header("x-trace", "2").build();
        assertEquals(Map.of("x-trace", "2"), options.headers());
    }

    @Test
    void overridesOnlyWhatIsSet() {
        try (ApiTransport parent = transport()) {
            ApiTransport plain = parent.with(CallOptions.none());
            assertSame(parent.retryPolicy(), plain.retryPolicy());
            assertEquals(parent.requestTimeout(), plain.requestTimeout());
            assertNull(plain.callTimeout());

            ApiTransport child = parent.with(CallOptions.builder().requestTimeout(Duration.ofSeconds(2))
                    .callTimeout(Duration.ofSeconds(7)).retryPolicy(RetryPolicy.none()).build());
            assertEquals(Duration.ofSeconds(2), child.requestTimeout());
            assertEquals(Duration.ofSeconds(7), child.callTimeout());
            assertEquals(0, child.retryPolicy().maxRetries());
            assertSame(parent.httpClient(), child.httpClient());
            assertSame(parent.scheduler(), child.scheduler());
            assertSame(parent.clockSkew(), child.clockSkew());
            assertSame(parent.logger(), child.logger());
            assertSame(parent.rateLimiter("DescribeX"), child.rateLimiter("DescribeX"));
            assertEquals(parent.endpoint(), child.endpoint());
        }
    }

    @Test
    void addsHeadersAndSignsWithTheOptionsCredentials() throws Exception {
        try (ApiTransport parent = transport()) {
            ApiTransport child = parent.with(CallOptions.builder().header("X-Trace", "t1").credentials(OTHER).build());
            ApiTransport grandchild = child.with(CallOptions.builder().header("X-Other", "o").build());
            byte[] payload = "{}".getBytes(StandardCharsets.UTF_8);

            HttpRequest plain = parent.signedRequest("DescribeX", "ap-guangzhou", payload, MAIN, parent.extraHeaders());
            assertEquals(Optional.empty(), plain.headers().firstValue("X-Trace"));

            Credentials used = child.credentialsAsync("DescribeX", TencentCloudException::new).get();
            assertSame(OTHER, used);
            assertSame(MAIN, parent.credentialsAsync("DescribeX", TencentCloudException::new).get());
            HttpRequest request = child.signedRequest("DescribeX", "ap-guangzhou", payload, used, child.extraHeaders());
            assertEquals(List.of("t1"), request.headers().allValues("X-Trace"));
            assertTrue(request.headers().firstValue("Authorization").orElseThrow().contains("AKIDother"));

            HttpRequest both = grandchild.signedRequest("DescribeX", null, payload, used, grandchild.extraHeaders());
            assertEquals(List.of("t1"), both.headers().allValues("X-Trace"));
            assertEquals(List.of("o"), both.headers().allValues("X-Other"));
            assertSame(OTHER, grandchild.credentialsAsync("DescribeX", TencentCloudException::new).get());
        }
    }

    @Test
    void closingTheParentClosesTheChildButNotTheOtherWayRound() {
        ApiTransport parent = transport();
        ApiTransport child = parent.with(CallOptions.none());
        child.close();
        assertTrue(child.isClosed());
        assertFalse(parent.isClosed());
        ApiTransport other = parent.with(CallOptions.none());
        parent.close();
        assertTrue(other.isClosed());
        assertTrue(other.with(CallOptions.none()).isClosed());
    }
}
