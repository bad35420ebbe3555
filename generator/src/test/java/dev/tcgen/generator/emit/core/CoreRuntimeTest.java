package dev.tcgen.generator.emit.core;

import static dev.tcgen.generator.testing.Reflection.call;
import static dev.tcgen.generator.testing.Reflection.constant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the generated transport, exception and JSON classes against an in-process HTTP server. The generated-client
 * module tests the same classes end to end through a real service client; these tests pin the core contract itself.
 */
class CoreRuntimeTest {

    private static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    private static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    private static final String TOKEN = "session-token-value";
    private static final Map<String, Object> REQUEST = Map.of("Limit", 1);

    private final AtomicReference<Recorded> recorded = new AtomicReference<>();
    private volatile int replyStatus = 200;
    private volatile String replyBody = "{\"Response\":{\"RequestId\":\"req-1\"}}";
    private HttpServer server;
    private Object transport;

    /** What the server saw: the method, path, headers (lowercase names) and body of the last request. */
    record Recorded(String method, String path, Map<String, String> headers, byte[] body) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        transport = transport(endpoint(), credentials(TOKEN), "en-US");
    }

    @AfterEach
    void stop() {
        call(transport, "close");
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        recorded.set(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                exchange.getRequestBody().readAllBytes()));
        byte[] body = replyBody.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(replyStatus, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void aCallIsSignedOverWhatIsSentAndItsResponseIsRead() {
        replyBody = "{\"Response\":{\"TotalCount\":3,\"RequestId\":\"req-1\"}}";

        Object response = call(transport, "call", "DescribeInstances", "ap-guangzhou", REQUEST, Map.class,
                CoreFixture.baseExceptionFactory());

        assertEquals(Map.of("TotalCount", 3, "RequestId", "req-1"), response);
        Recorded request = recorded.get();
        assertEquals("POST", request.method());
        assertEquals("/", request.path());
        assertEquals("{\"Limit\":1}", new String(request.body(), StandardCharsets.UTF_8));
        Map<String, String> headers = request.headers();
        assertEquals("application/json; charset=utf-8", headers.get("content-type"));
        assertEquals("DescribeInstances", headers.get("x-tc-action"));
        assertEquals("2017-03-12", headers.get("x-tc-version"));
        assertEquals("ap-guangzhou", headers.get("x-tc-region"));
        assertEquals("en-US", headers.get("x-tc-language"));
        assertEquals(TOKEN, headers.get("x-tc-token"));
        assertEquals("tcgen/1.2.3-test", headers.get("user-agent"));
        assertEquals("127.0.0.1:" + server.getAddress().getPort(), headers.get("host"));
        long timestamp = Long.parseLong(headers.get("x-tc-timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60, "timestamp " + timestamp);
        assertEquals(call(CoreFixture.coreClass("Tc3Signer"), "authorization", credentials(null), "cvm",
                        headers.get("host"), headers.get("content-type"), request.body(), timestamp),
                headers.get("authorization"));
    }

    @Test
    void optionalHeadersAreLeftOutWhenNotSet() {
        Object plain = transport(endpoint(), credentials(null), null);
        try {
            call(plain, "call", "DescribeRegions", null, REQUEST, Map.class, CoreFixture.baseExceptionFactory());
        } finally {
            call(plain, "close");
        }
        Map<String, String> headers = recorded.get().headers();
        assertFalse(headers.containsKey("x-tc-region"));
        assertFalse(headers.containsKey("x-tc-token"));
        assertFalse(headers.containsKey("x-tc-language"));
    }

    @Test
    void anApiErrorBecomesTheServiceExceptionWithItsCodeMessageAndRequestId() {
        replyBody = "{\"Response\":{\"Error\":{\"Code\":\"ResourceNotFound\",\"Message\":\"The task does not exist.\"},"
                + "\"RequestId\":\"71993312-aaaa\"}}";

        RuntimeException e = failure();

        assertEquals("ResourceNotFound", call(e, "code"));
        assertEquals("The task does not exist.", call(e, "errorMessage"));
        assertEquals("71993312-aaaa", call(e, "requestId"));
        assertEquals(200, call(e, "httpStatus"));
        assertEquals("ResourceNotFound: The task does not exist. (RequestId 71993312-aaaa, HTTP 200)", e.getMessage());
        assertNoSecrets(e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "502 | '<html><body>Bad gateway</body></html>' | <html><body>Bad gateway",
        "200 | ''                                      | (empty)",
        "200 | '{\"Response\":{\"Total'                | {\"Response\":{\"Total",
        "200 | '{\"Other\":{}}'                        | {\"Other\":{}}",
        "200 | '{\"Response\":[]}'                     | {\"Response\":[]}",
        "200 | '[1, 2]'                                | [1, 2]",
        "200 | '{\"Response\":{}} trailing'            | trailing",
        "500 | '{\"Response\":{\"RequestId\":\"r\"}}'  | {\"Response\"",
        "200 | '{\"Response\":{\"Error\":{\"Message\":\"no code\"}}}' | no code",
    })
    void aBodyThatIsNotAnApiAnswerIsAnInvalidResponseQuotingStatusAndBody(int status, String body, String quoted) {
        replyStatus = status;
        replyBody = body;

        RuntimeException e = failure();

        assertEquals(constant(e.getClass(), "CLIENT_INVALID_RESPONSE"), call(e, "code"));
        assertEquals(status, call(e, "httpStatus"));
        String message = (String) call(e, "errorMessage");
        assertTrue(message.contains("HTTP " + status), message);
        assertTrue(message.contains(quoted), message);
        assertNoSecrets(e.getMessage());
    }

    @Test
    void aLongBodyIsQuotedShortly() {
        replyBody = "x".repeat(10_000);

        String message = (String) call(failure(), "errorMessage");

        assertTrue(message.endsWith("body: " + "x".repeat(197) + "..."), message);
    }

    @Test
    void aResponseOfTheWrongShapeIsAnInvalidResponseWithItsRequestId() {
        replyBody = "{\"Response\":{\"RequestId\":\"req-9\"}}";

        RuntimeException e = assertThrows(RuntimeException.class,
                () -> call(transport, "call", "DescribeInstances", null, REQUEST, Integer.class, CoreFixture.baseExceptionFactory()));

        assertEquals(constant(e.getClass(), "CLIENT_INVALID_RESPONSE"), call(e, "code"));
        assertEquals("req-9", call(e, "requestId"));
        assertTrue(e.getMessage().contains("cannot be read as Integer"), e.getMessage());
    }

    @Test
    void aConnectionFailureIsANetworkFailureWithItsCause() throws IOException {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        Object unreachable = transport(closedPort, credentials(TOKEN), null);

        RuntimeException e = assertThrows(RuntimeException.class,
                () -> call(unreachable, "call", "DescribeInstances", null, REQUEST, Map.class, CoreFixture.baseExceptionFactory()));

        assertEquals(constant(e.getClass(), "CLIENT_NETWORK_FAILURE"), call(e, "code"));
        assertEquals(0, call(e, "httpStatus"));
        assertNull(call(e, "requestId"));
        assertInstanceOf(IOException.class, e.getCause());
        assertNoSecrets(e.getMessage());
    }

    @Test
    void anInterruptedCallKeepsTheInterruptFlag() {
        Thread.currentThread().interrupt();
        RuntimeException e;
        try {
            e = failure();
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt flag was cleared");
        }
        assertEquals(constant(e.getClass(), "CLIENT_INTERRUPTED"), call(e, "code"));
    }

    @Test
    void aClosedTransportRefusesCalls() {
        call(transport, "close");

        RuntimeException e = failure();

        assertEquals(constant(e.getClass(), "CLIENT_CLOSED"), call(e, "code"));
        assertTrue(transport.toString().contains("closed"), transport.toString());
        assertNull(recorded.get(), "a request was sent");
    }

    @Test
    void theTransportDescribesItselfWithoutSecrets() {
        String shown = transport.toString();
        assertTrue(shown.startsWith("ApiTransport[service=cvm, version=2017-03-12, endpoint=http://127.0.0.1:"), shown);
        assertNoSecrets(shown);
    }

    @Test
    void buildingWithoutARequiredSettingNamesIt() {
        for (String missing : new String[] {"service", "version", "endpoint"}) {
            Object builder = call(CoreFixture.coreClass("ApiTransport"), "builder");
            if (!missing.equals("service")) {
                call(builder, "service", "cvm");
            }
            if (!missing.equals("version")) {
                call(builder, "version", "2017-03-12");
            }
            if (!missing.equals("endpoint")) {
                call(builder, "endpoint", endpoint());
            }
            if (!missing.equals("credentials")) {
                call(builder, "credentials", credentials(null));
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(builder, "build"));
            assertTrue(e.getMessage().contains(missing), e.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "https://cvm.tencentcloudapi.com,          https://cvm.tencentcloudapi.com/,      cvm.tencentcloudapi.com",
        "HTTPS://CVM.TencentCloudAPI.com:443/,     https://cvm.tencentcloudapi.com/,      cvm.tencentcloudapi.com",
        "http://127.0.0.1:80,                      http://127.0.0.1/,                     127.0.0.1",
        "https://cvm.internal.example:8443,        https://cvm.internal.example:8443/,    cvm.internal.example:8443",
    })
    void theEndpointIsNormalisedSoTheSignedHostIsWhatTheJdkSends(String given, String endpoint, String host) {
        Object built = transport(URI.create(given), credentials(null), null);
        try {
            assertEquals(URI.create(endpoint), call(built, "endpoint"));
            assertEquals(host, call(built, "host"));
        } finally {
            call(built, "close");
        }
    }

    @ParameterizedTest
    @CsvSource({"ftp://cvm.tencentcloudapi.com", "https://cvm.tencentcloudapi.com/v3",
        "https://cvm.tencentcloudapi.com/?a=b", "https://user:pass@cvm.tencentcloudapi.com", "cvm.tencentcloudapi.com"})
    void anEndpointThatIsNotJustSchemeHostAndPortIsRefused(String given) {
        Object builder = call(CoreFixture.coreClass("ApiTransport"), "builder");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> call(builder, "endpoint", URI.create(given)));
        assertFalse(e.getMessage().contains("pass"), e.getMessage());
    }

    @Test
    void unsignedLongsRoundTripTheirFullRange() throws IOException {
        ObjectMapper mapper = new ObjectMapper().registerModule(unsignedModule());

        assertEquals("18446744073709551615", mapper.writeValueAsString(-1L));
        assertEquals("9223372036854775808", mapper.writeValueAsString(Long.MIN_VALUE));
        assertEquals("42", mapper.writeValueAsString(42L));
        assertEquals(-1L, mapper.readValue("18446744073709551615", Long.class));
        assertEquals(Long.MIN_VALUE, mapper.readValue("\"9223372036854775808\"", Long.class));
        assertEquals(0L, mapper.readValue("0", Long.class));
        assertEquals(-1L, mapper.readValue(mapper.writeValueAsString(-1L), Long.class));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"-1", "18446744073709551616", "'\"12x\"'", "1.5"})
    void aValueOutsideTheUnsignedRangeIsRefusedByName(String json) {
        ObjectMapper mapper = new ObjectMapper().registerModule(unsignedModule());

        JsonMappingException e = assertThrows(JsonMappingException.class, () -> mapper.readValue(json, Long.class));

        assertTrue(e.getOriginalMessage().contains(json.replace("\"", "")), e.getOriginalMessage());
    }

    @Test
    void theSharedMapperIsConfiguredForExplicitlyAnnotatedClasses() {
        ObjectMapper mapper = (ObjectMapper) call(CoreFixture.coreClass("Json"), "mapper");

        assertSame(mapper, call(CoreFixture.coreClass("Json"), "mapper"));
        assertFalse(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        assertTrue(mapper.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
        assertFalse(mapper.isEnabled(SerializationFeature.FAIL_ON_EMPTY_BEANS));
        for (MapperFeature feature : new MapperFeature[] {MapperFeature.AUTO_DETECT_CREATORS,
                MapperFeature.AUTO_DETECT_FIELDS, MapperFeature.AUTO_DETECT_GETTERS,
                MapperFeature.AUTO_DETECT_IS_GETTERS, MapperFeature.AUTO_DETECT_SETTERS}) {
            assertFalse(mapper.isEnabled(feature), feature.name());
        }
        assertEquals("NON_NULL",
                mapper.getSerializationConfig().getDefaultPropertyInclusion().getValueInclusion().name());
    }

    @SuppressWarnings("unchecked")
    private static SimpleModule unsignedModule() {
        SimpleModule module = new SimpleModule();
        module.addSerializer(Long.class, (JsonSerializer<Long>) newInstance("UnsignedLongSerializer"));
        module.addDeserializer(Long.class, (JsonDeserializer<Long>) newInstance("UnsignedLongDeserializer"));
        return module;
    }

    private static Object newInstance(String simpleName) {
        try {
            return CoreFixture.coreClass(simpleName).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private RuntimeException failure() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> call(transport, "call", "DescribeInstances", "ap-guangzhou", REQUEST, Map.class, CoreFixture.baseExceptionFactory()));
        assertSame(CoreFixture.coreClass("TencentCloudException"), e.getClass(), () -> "unexpected " + e);
        return e;
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static Object credentials(String token) {
        return call(CoreFixture.coreClass("Credentials"), "of", SECRET_ID, SECRET_KEY, token);
    }

    private static Object transport(URI endpoint, Object credentials, String language) {
        Object builder = call(CoreFixture.coreClass("ApiTransport"), "builder");
        call(builder, "service", "cvm");
        call(builder, "version", "2017-03-12");
        call(builder, "endpoint", endpoint);
        call(builder, "credentials", credentials);
        call(builder, "language", language);
        call(builder, "requestTimeout", Duration.ofSeconds(10));
        call(builder, "retryPolicy", call(CoreFixture.coreClass("RetryPolicy"), "none"));
        return call(builder, "build");
    }

    private static void assertNoSecrets(String text) {
        assertFalse(text.contains(SECRET_KEY), text);
        assertFalse(text.contains(TOKEN), text);
        assertFalse(text.contains("Signature="), text);
    }
}
