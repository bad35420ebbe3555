package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.echo;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tcgen.client.core.RateLimitMode;
import dev.tcgen.client.core.RetryPolicy;
import dev.tcgen.client.core.TencentCloudException;
import dev.tcgen.client.trtc.FakeTrtcServer.Answer;
import dev.tcgen.client.trtc.FakeTrtcServer.Received;
import dev.tcgen.client.trtc.v20190722.Region;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcErrorCode;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import dev.tcgen.runtime.testing.VirtualTime;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code call(action, json)}, for an action the spec does not have yet, against the verifying server: signed, sent in
 * the client's region, answered with the raw {@code Response} object, and retried and rate-limited like the
 * generated methods.
 */
@Timeout(60)
class GenericCallEndToEndTest {

    private final VirtualTime time = VirtualTime.autoAdvancing();
    private FakeTrtcServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    private TrtcClient.Builder client(Function<Received, Answer> handler) throws IOException {
        server = TestClients.server(handler);
        return TestClients.client(server).scheduler(TestClients.on(time));
    }

    /** Reads the answers' JSON text, for the assertions. */
    private static final ObjectMapper TREES = new ObjectMapper();

    private static String body() {
        return "{ \"SdkAppId\": 1400188366, \"Name\": \"new\", \"Tags\": [\"a\", \"b\"] }";
    }

    @Test
    void anActionTheClientDoesNotHaveIsSignedSentAndAnsweredAsJson() throws IOException {
        JsonNode response;
        try (TrtcClient client = client(request -> Answer.response("\"Count\":2,\"Items\":[{\"Id\":\"x\"}]", "req-1"))
                .build()) {
            response = TREES.readTree(client.call("DescribeSomethingNew", body()));
        }
        assertEquals(2, response.path("Count").asInt());
        assertEquals("x", response.path("Items").path(0).path("Id").asText());
        assertEquals("req-1", response.path("RequestId").asText());
        Received received = server.received().get(0);
        assertTrue(received.signatureValid(), received.signatureProblem());
        assertEquals("{\"SdkAppId\":1400188366,\"Name\":\"new\",\"Tags\":[\"a\",\"b\"]}", received.body());
        assertEquals("DescribeSomethingNew", received.header("X-TC-Action"));
        assertEquals("2019-07-22", received.header("X-TC-Version"));
        assertEquals("ap-guangzhou", received.header("X-TC-Region"));
    }

    @Test
    void theAsyncCallAndACallInAnotherRegionWorkTheSameWay() throws IOException {
        try (TrtcClient client = client(request -> Answer.response("\"Done\":true", "req-2")).build()) {
            JsonNode response = TREES.readTree(
                    client.withRegion(Region.of("ap-jakarta")).callAsync("DoSomethingNew", body()).join());
            assertTrue(response.path("Done").asBoolean());
        }
        assertEquals("ap-jakarta", server.received().get(0).header("X-TC-Region"));
        assertTrue(server.received().get(0).signatureValid());
    }

    @Test
    void theAnswerIsTheResponseObjectsTextWithItsNumbersAsSent() throws IOException {
        try (TrtcClient client = client(request -> Answer.response("\"Big\":18446744073709551616,\"Ratio\":0.10", "r"))
                .build()) {
            assertEquals("{\"Big\":18446744073709551616,\"Ratio\":0.10,\"RequestId\":\"r\"}",
                    client.call("DescribeSomethingNew", "{}"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> client.call("DescribeSomethingNew", "[1]"));
            assertTrue(e.getMessage().startsWith("Cannot serialise the DescribeSomethingNew request: the request is not "
                    + "a JSON object"), e.getMessage());
        }
        assertEquals(1, server.received().size(), "the request that is not a JSON object was not sent");
    }

    @Test
    void anErrorAnswerIsTheServiceException() throws IOException {
        try (TrtcClient client = client(request -> Answer.error("ResourceNotFound", "No such thing.", "req-3"))
                .build()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.call("DescribeSomethingNew", body()));
            assertEquals(TrtcErrorCode.RESOURCE_NOT_FOUND, e.errorCode());
            assertEquals("req-3", e.requestId());
            assertEquals(TrtcErrorCode.RESOURCE_NOT_FOUND,
                    AsyncEndToEndTest.failure(client.callAsync("DescribeSomethingNew", body())).errorCode());
        }
    }

    @Test
    void transientFailuresAreRetried() throws IOException {
        AtomicInteger answered = new AtomicInteger();
        try (TrtcClient client = client(request -> answered.incrementAndGet() <= 2
                ? Answer.error("InternalError", "Internal error.", "req-" + answered.get())
                : Answer.response("\"Done\":true", "req-ok"))
                .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofSeconds(1)).jitter(() -> 1.0).build())
                .build()) {
            assertEquals("req-ok", TREES.readTree(client.call("DoSomethingNew", body())).path("RequestId").asText());
        }
        assertEquals(3, server.received().size());
        assertEquals(3, server.received().stream().map(r -> r.header("Authorization")).distinct().count(),
                "each attempt is signed afresh");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), time.delays());
    }

    @Test
    void aCallByNameTakesThePermitsOfItsActionsRateLimit() throws IOException {
        VirtualTime manual = VirtualTime.manual();
        try (TrtcClient client = client(request -> echo(request, "req")).scheduler(TestClients.on(manual))
                .retryPolicy(RetryPolicy.none()).rateLimitMode(RateLimitMode.FAIL_FAST)
                .rateLimit("StopPublishCdnStream", 2).build()) {
            client.stopPublishCdnStream(stop("t-1"));
            manual.advance(Duration.ofMillis(500)); // the limiter spaces permits 1/2 s apart
            String stop = "{\"SdkAppId\":1400188366,\"TaskId\":\"t-2\"}";
            assertEquals("t-2", TREES.readTree(client.call("StopPublishCdnStream", stop)).path("TaskId").asText());

            TrtcException e = assertThrows(TrtcException.class, () -> client.call("StopPublishCdnStream", stop));

            assertEquals(TencentCloudException.CLIENT_RATE_LIMITED, e.code());
            assertEquals(0, e.attempts());
            client.call("DescribeSomethingNew", body());
        }
        assertEquals(3, server.received().size(), "the refused call sent nothing; an action without a limit has none");
    }
}
